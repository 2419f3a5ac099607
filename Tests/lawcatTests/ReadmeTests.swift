import Foundation
import Testing

@Suite("The README")
struct ReadmeTests {
    /// The subcommands `lawcat --help` lists, read from its SUBCOMMANDS section.
    static func subcommands() throws -> [String] {
        let help = try Lawcat().run("--help").stdout
        let section = try #require(help.components(separatedBy: "SUBCOMMANDS:").last)
        return section.split(separator: "\n").compactMap { line -> String? in
            // A subcommand line starts with two spaces then its name; wrapped
            // abstracts are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            // "  See 'lawcat help <subcommand>'..." is not a subcommand.
            guard let name = line.split(separator: " ").first.map(String.init),
                name.allSatisfy({ $0.isLowercase || $0 == "-" })
            else { return nil }
            return name
        }
    }

    @Test("Given lawcat --help, when its subcommands are listed, then each appears in README.md")
    func everySubcommandDocumented() throws {
        let names = try Self.subcommands()
        #expect(names.count >= 9, "\(names)")
        #expect(names.contains("import") && names.contains("demo"))
        let readme = try String(contentsOf: Lawcat.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for name in names {
            // Booleans first, so that a failure names the command, not the whole README.
            let documented = ["lawcat \(name) ", "lawcat \(name)\n", "lawcat \(name)`"].contains { readme.contains($0) }
            #expect(documented, "README.md never shows `lawcat \(name)`: give it a section with an example")
        }
    }

    /// The ```sh blocks of README.md, in order, except the benchmarks' (they
    /// build release binaries and take minutes).
    static func shellExamples() throws -> [String] {
        let readme = try String(contentsOf: Lawcat.repository.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        for line in readme.components(separatedBy: "\n") {
            if current == nil, line == "```sh" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks.filter { !$0.contains("bench/") }
    }

    /// The exit code a README command line documents in its comment (`# exits 74`).
    static func documentedExit(_ line: String) -> (command: String, code: String)? {
        guard let range = line.range(of: #"\s+#\s*exits (\d+)"#, options: .regularExpression) else { return nil }
        let code = line[range].split(separator: " ").last.map(String.init) ?? ""
        return (String(line[..<range.lowerBound]), code)
    }

    /// A block as a bash script that also checks the output the README shows:
    /// the `# ` lines right after a command are lines its output must contain.
    /// Lines that cannot match anywhere but the author's machine are not
    /// checked: `...` (output left out), and paths under /home/. A one-line
    /// command whose comment says `exits N` must exit with N.
    static func checkingOutput(_ block: String) -> String {
        let single = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var script: [String] = []
        var command: [String] = []
        var expected: [String] = []
        func flush() {
            guard !command.isEmpty else { return }
            if command.count == 1, let (line, code) = documentedExit(command[0]) {
                // `||` keeps both set -e and the ERR trap out of it.
                script.append("exec >readme-example.out 2>&1")
                script.append("readme_status=0; { \(line); } || readme_status=$?")
                script.append("exec 1>&3 2>&4")
                script.append("[ \"$readme_status\" = \(code) ] || { echo \(single("README example exit code differs: " + line + " (README says " + code + ")")) \"exited $readme_status\" >&4; exit 1; }")
                for shown in expected {
                    script.append("grep -qF -- \(single(shown)) readme-example.out || { echo \(single("README example output differs: " + line)) >&4; echo \(single("expected a line containing: " + shown)) >&4; cat readme-example.out >&4; exit 1; }")
                }
                script.append("rm readme-example.out")
            } else if expected.isEmpty {
                script += command
            } else {
                // Send the shell's own output to a file while the command runs, so that
                // pipes, redirections and trailing comments stay as written.
                script.append("exec >readme-example.out 2>&1")
                script += command
                script.append("exec 1>&3 2>&4")
                for line in expected {
                    script.append("grep -qF -- \(single(line)) readme-example.out || { echo \(single("README example output differs: " + command[0])) >&4; echo \(single("expected a line containing: " + line)) >&4; cat readme-example.out >&4; exit 1; }")
                }
                script.append("rm readme-example.out")
            }
            command = []
            expected = []
        }
        var continuing = false
        for line in block.components(separatedBy: "\n") {
            if continuing {
                command.append(line)
            } else if line.hasPrefix("#") {
                guard !command.isEmpty else { script.append(line); continue }
                var shown = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                if shown.hasSuffix("(on stderr)") {
                    shown = String(shown.dropLast("(on stderr)".count)).trimmingCharacters(in: .whitespaces)
                }
                if !shown.isEmpty, !shown.contains("..."), !shown.contains("/home/") { expected.append(shown) }
            } else {
                flush()
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { command.append(line) }
            }
            continuing = line.hasSuffix("\\")
        }
        flush()
        return script.joined(separator: "\n")
    }

    @Test("Given README.md's shell examples, when they run in order as written, then every command succeeds and prints what the README shows")
    func examplesRunAsWritten() throws {
        let lawcat = try Lawcat()
        let fileManager = FileManager.default
        // `lawcat` on the PATH, and seed/ in the working folder, as for a user in the repository.
        let bin = lawcat.folder.appendingPathComponent("bin")
        try fileManager.createDirectory(at: bin, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: bin.appendingPathComponent("lawcat"), withDestinationURL: Lawcat.binary)
        try fileManager.createSymbolicLink(
            at: lawcat.folder.appendingPathComponent("seed"), withDestinationURL: Lawcat.repository.appendingPathComponent("seed"))
        let blocks = try Self.shellExamples()
        #expect(blocks.count >= 10, "found only \(blocks.count) ```sh blocks in README.md")
        // Each failing line is named; `swift run lawcat` is the built binary, and
        // `swift test` (the Quick start) is not run from inside the tests.
        let script = """
            set -eE
            exec 3>&1 4>&2
            trap 'echo "README example failed (exit $?): $BASH_COMMAND" >&4; cat readme-example.out >&4 2>/dev/null' ERR
            swift() { if [ "$1" = run ] && [ "$2" = lawcat ]; then shift 2; lawcat "$@"; fi; }
            lawcat demo > /dev/null
            """ + "\n" + blocks.map(Self.checkingOutput).joined(separator: "\n") + "\necho README-EXAMPLES-DONE\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = lawcat.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.currentDirectoryURL = lawcat.folder
        let out = lawcat.folder.appendingPathComponent("examples.out")
        let err = lawcat.folder.appendingPathComponent("examples.err")
        fileManager.createFile(atPath: out.path, contents: nil)
        fileManager.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stdout = try String(contentsOf: out, encoding: .utf8)
        let stderr = try String(contentsOf: err, encoding: .utf8)
        let failure = stderr.split(separator: "\n").first { $0.hasPrefix("README example") }
        #expect(process.terminationStatus == 0, "\(failure ?? "")\n\(stderr.suffix(2000))")
        let finished = stdout.contains("README-EXAMPLES-DONE")
        #expect(finished, "the examples stopped before the end")
        #expect(!stderr.contains("error:"), "\(stderr.suffix(2000))")
    }
}
