// Barcodes as a scanner types them: one a line, from standard input or a file.
import ArgumentParser
import Catalogue
import Foundation

/// `-` as a barcode: one barcode per line from standard input, as a USB
/// scanner types them, each acted on as it arrives. Each line is its own
/// transaction, committed before its answer is printed, and the answer is
/// written before the next line is read, so the librarian sees each scan
/// answered while scanning and nothing answered is ever lost: not to Ctrl-C,
/// SIGTERM or a killed process. A bad line is said on stderr, with why, and
/// the pile goes on; the exit code is 1 when any line failed.
///
/// Ctrl-C or SIGTERM stops the pile at the next line (the scan in hand is
/// finished and answered first), prints the count, and exits 130 or 143.
/// On a terminal (stderr a tty) a failed scan rings the bell and is red, and
/// a running count waits for the next scan.
enum Scanner {
    /// Every line of stdin at once, for a stocktake (which marks missing only
    /// after the whole scan).
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

    /// Runs `handle` for `barcode`, or for each non-blank line of stdin as it arrives when it is `-`.
    static func each(_ barcode: String, _ handle: (String) throws -> String) throws {
        guard barcode == "-" else {
            Terminal.line(try handle(barcode))
            return
        }
        Interrupts.catchThem()
        var count = ScanCount()
        var input = StandardInputLines()
        count.prompt()
        scanning: while true {
            switch input.next() {
            case .end:
                break scanning
            case .interrupted:
                count.finish(interrupted: true)
                throw ExitCode(128 + (Interrupts.caught ?? SIGINT))
            case .line(let line):
                let code = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !code.isEmpty else { continue }
                count.clearPrompt()  // before any note the scan prints on stderr
                do {
                    Terminal.line(try handle(code))
                    count.done += 1
                } catch let error as CatalogueError {
                    count.failed(error.message)
                }
                count.prompt()
            }
        }
        count.finish(interrupted: false)
        if count.failures > 0 { throw ExitCode.failure }
    }
}

/// What a pile has done so far, and how it is shown on stderr.
struct ScanCount {
    var done = 0
    var failures = 0

    /// A terminal gets the bell, colour and the running count; a pipe or a file plain lines.
    let terminal = Terminal.stderrIsTerminal
    let colour = Terminal.stderrIsTerminal && Terminal.colourAllowed

    var summary: String { "\(done) done, \(failures) failed" }

    mutating func failed(_ message: String) {
        failures += 1
        if terminal {
            let line = "error: \(message)"
            Output.standardError("\u{07}" + (colour ? "\u{1B}[1;31m\(line)\u{1B}[0m\n" : line + "\n"))
        } else {
            Terminal.error(message)
        }
    }

    /// The running count, waiting on the line where the next scan will echo.
    func prompt() {
        guard terminal else { return }
        let failed = failures == 0 ? "" : ", " + (colour ? "\u{1B}[31m\(failures) failed\u{1B}[0m" : "\(failures) failed")
        Output.standardError("[\(done) done\(failed)] ")
    }

    /// Clears the count from its line before an answer is printed there.
    func clearPrompt() {
        guard terminal else { return }
        Output.standardError("\r\u{1B}[K")
    }

    func finish(interrupted: Bool) {
        clearPrompt()
        if interrupted {
            Output.standardError("interrupted: \(summary); every scan answered above is recorded\n")
        } else {
            Output.standardError(summary + "\n")
        }
    }
}
