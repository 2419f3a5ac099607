import Foundation
import Testing

/// docs/desk-cli-new.md's examples run as written, checked as the README's
/// are (ReadmeTests.checkingOutput), in a folder of their own. The install
/// script's block is left out: it makes a release build, which takes minutes.
@Suite("docs/desk-cli-new.md")
struct DeskDocsTests {
    static let page = Lawcat.repository.appendingPathComponent("docs/desk-cli-new.md")

    static func shellBlocks() throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            if current == nil, line == "```sh" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks.filter { !$0.contains("scripts/install.sh") }
    }

    @Test("Given the page's shell examples, when they run in order as written, then each prints what the page shows")
    func examplesRunAsWritten() throws {
        let lawcat = try Lawcat()
        let bin = lawcat.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("lawcat"), withDestinationURL: Lawcat.binary)
        let blocks = try Self.shellBlocks()
        #expect(blocks.count >= 8, "found only \(blocks.count) ```sh blocks")
        let script = """
            set -eE
            exec 3>&1 4>&2
            trap 'echo "example failed (exit $?): $BASH_COMMAND" >&4; cat readme-example.out >&4 2>/dev/null' ERR
            """ + "\n" + blocks.map(ReadmeTests.checkingOutput).joined(separator: "\n") + "\necho EXAMPLES-DONE\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = lawcat.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["TZ"] = "UTC"
        process.environment = environment
        process.currentDirectoryURL = lawcat.folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        process.waitUntilExit()
        let stderr = String(decoding: errData, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(stderr.suffix(3000))")
        #expect(stdout.contains("EXAMPLES-DONE"), "the examples stopped before the end: \(stderr.suffix(2000))")
    }
}
