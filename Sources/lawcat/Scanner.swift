// Barcodes as a scanner types them: one a line, from standard input or a file.
import ArgumentParser
import Catalogue
import Foundation

/// `-` as a barcode: one barcode per line from standard input, as a USB
/// scanner types them. Each line is its own transaction and its own report;
/// a bad line is reported on stderr and does not stop the others. Fails
/// (exit 1) when any line failed.
enum Scanner {
    static func readLines() -> [String] {
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        return lines
    }

    /// The non-empty lines of `file`, or of standard input when it is `-`.
    static func lines(of file: String) throws -> [String] {
        if file == "-" { return readLines() }
        guard FileManager.default.fileExists(atPath: file) else { throw CatalogueError.fileNotFound(path: file) }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw CatalogueError.invalidFile(path: file, reason: "it is not readable UTF-8 text")
        }
        return text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map(String.init)
    }

    /// Runs `handle` for `barcode`, or for every non-blank line of stdin when it is `-`.
    static func each(_ barcode: String, _ handle: (String) throws -> String) throws {
        guard barcode == "-" else {
            Terminal.line(try handle(barcode))
            return
        }
        var failed = 0, done = 0
        for line in readLines() {
            let code = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !code.isEmpty else { continue }
            do {
                Terminal.line(try handle(code))
                done += 1
            } catch let error as CatalogueError {
                Terminal.error(error.message)
                failed += 1
            }
        }
        Terminal.note("\(done) done, \(failed) failed\n")
        if failed > 0 { throw ExitCode.failure }
    }
}
