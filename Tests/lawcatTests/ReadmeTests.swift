// The manual's tests: README.md and every page of docs/ run as written, so the manual cannot drift
// from what lawcat does.
//
// How the pages are sequenced (docs/design.md, "How the manual's examples are tested", says the same
// for readers): each page runs on its own, in a new temporary folder, in one bash process, its ```sh
// blocks in order; pages run one after another, in no order that matters, so that they are independent
// and a new page is added by dropping a .md file into docs/. Every page starts in the same state,
// which each page states at its top: the folder holds seed/ and the demo catalogue lawcat-demo.sqlite
// that `lawcat demo` has just built there; no catalogue exists yet at the default place (LAWCAT_DB is
// unset and HOME is the folder, so the default is the folder's .local/share/lawcat/catalogue.sqlite);
// the clock is stopped at Lawcat.now; NO_COLOR is set. A block that names bench/ is not run (the
// benchmarks build release binaries and take minutes). A block of another kind right after `<!-- file:
// NAME -->` is written to NAME before the blocks after it run, so a file format's example is imported
// as written.
import Foundation
import Testing

@Suite("The manual: README.md and docs/")
struct ReadmeTests {
    /// The pages whose examples run: README.md, then docs/*.md by name, as paths from the repository.
    /// Read from the folder, so that a page dropped into docs/ is run with nothing to register.
    static let pages: [String] = {
        let docs = Lawcat.repository.appendingPathComponent("docs").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    /// The dated benchmark results: not run (their commands are the benchmarks), but their links are checked.
    static let results: [String] = {
        let folder = Lawcat.repository.appendingPathComponent("bench/results").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "bench/results/" + $0 }
    }()

    static func text(_ page: String) throws -> String {
        try String(contentsOf: Lawcat.repository.appendingPathComponent(page), encoding: .utf8)
    }

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

    @Test("Given lawcat --help, when its subcommands are listed, then each appears in README.md or docs/")
    func everySubcommandDocumented() throws {
        let names = try Self.subcommands()
        #expect(names.count >= 9, "\(names)")
        #expect(names.contains("import") && names.contains("demo"))
        let manual = try Self.pages.map(Self.text).joined(separator: "\n")
        for name in names {
            // Booleans first, so that a failure names the command, not the whole manual.
            let documented = ["lawcat \(name) ", "lawcat \(name)\n", "lawcat \(name)`"].contains { manual.contains($0) }
            #expect(documented, "neither README.md nor docs/ shows `lawcat \(name)`: give it a section with an example")
        }
    }

    /// What a page gives the test to run, in order.
    enum Example: Equatable {
        /// A ```sh block.
        case shell(String)
        /// A block right after `<!-- file: NAME -->`, to be written to NAME.
        case file(name: String, text: String)
    }

    /// A page's examples in order: its ```sh blocks, except the benchmarks' (they build release
    /// binaries and take minutes), and its files.
    static func examples(_ text: String) -> [Example] {
        var examples: [Example] = []
        var open: (language: String, file: String?)?
        var lines: [String] = []
        var previous = ""
        for line in text.components(separatedBy: "\n") {
            if let block = open {
                if line == "```" {
                    let body = lines.joined(separator: "\n")
                    if let name = block.file {
                        examples.append(.file(name: name, text: body))
                    } else if block.language == "sh", !body.contains("bench/") {
                        examples.append(.shell(body))
                    }
                    open = nil
                    lines = []
                } else {
                    lines.append(line)
                }
            } else if line.hasPrefix("```") {
                open = (String(line.dropFirst(3)), fileName(previous))
            }
            previous = line
        }
        return examples
    }

    /// NAME in a line `<!-- file: NAME -->`.
    static func fileName(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!-- file:"), trimmed.hasSuffix("-->") else { return nil }
        let name = trimmed.dropFirst("<!-- file:".count).dropLast("-->".count).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    /// The exit code a command line documents in its comment (`# exits 74`).
    static func documentedExit(_ line: String) -> (command: String, code: String)? {
        guard let range = line.range(of: #"\s+#\s*exits (\d+)"#, options: .regularExpression) else { return nil }
        let code = line[range].split(separator: " ").last.map(String.init) ?? ""
        return (String(line[..<range.lowerBound]), code)
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// An example as bash that runs it and checks the output the page shows: the `# ` lines right
    /// after a command are lines its output must contain. Lines that cannot match anywhere but the
    /// author's machine are not checked: `...` (output left out), and paths under /home/. A one-line
    /// command whose comment says `exits N` must exit with N.
    static func script(_ example: Example) -> String {
        switch example {
        case .file(let name, let text):
            return "cat > \(quoted(name)) <<'LAWCAT_EXAMPLE_FILE'\n\(text)\nLAWCAT_EXAMPLE_FILE"
        case .shell(let block):
            return checkingOutput(block)
        }
    }

    static func checkingOutput(_ block: String) -> String {
        let single = quoted
        var script: [String] = []
        var command: [String] = []
        var expected: [String] = []
        func flush() {
            guard !command.isEmpty else { return }
            if command.count == 1, let (line, code) = documentedExit(command[0]) {
                // `||` keeps both set -e and the ERR trap out of it.
                script.append("exec >example.out 2>&1")
                script.append("example_status=0; { \(line); } || example_status=$?")
                script.append("exec 1>&3 2>&4")
                script.append("[ \"$example_status\" = \(code) ] || { echo \(single("example exit code differs: " + line + " (the page says " + code + ")")) \"exited $example_status\" >&4; exit 1; }")
                for shown in expected {
                    script.append("grep -qF -- \(single(shown)) example.out || { echo \(single("example output differs: " + line)) >&4; echo \(single("expected a line containing: " + shown)) >&4; cat example.out >&4; exit 1; }")
                }
                script.append("rm example.out")
            } else if expected.isEmpty {
                script += command
            } else {
                // Send the shell's own output to a file while the command runs, so that
                // pipes, redirections and trailing comments stay as written.
                script.append("exec >example.out 2>&1")
                script += command
                script.append("exec 1>&3 2>&4")
                for line in expected {
                    script.append("grep -qF -- \(single(line)) example.out || { echo \(single("example output differs: " + command[0])) >&4; echo \(single("expected a line containing: " + line)) >&4; cat example.out >&4; exit 1; }")
                }
                script.append("rm example.out")
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

    @Test("Given the manual's pages, when their examples are gathered, then README.md and docs/ hold them all")
    func pagesAreThere() throws {
        let counts = try Self.pages.map { try Self.examples(Self.text($0)).count }
        #expect(Self.pages.count >= 10, "\(Self.pages)")
        #expect(counts.reduce(0, +) >= 30, "found only \(counts.reduce(0, +)) examples in \(Self.pages)")
        #expect(try Self.examples(Self.text("README.md")).count >= 2, "README.md lost its quick start or its tour")
    }

    // One page at a time: each page is dozens of lawcat processes, and on a small shared machine
    // running them all at once starves the rest of the suite (the fuzz tests' time limits).
    @Test(
        "Given a page of the manual, when its examples run in order as written from the starting state, then every command succeeds and prints what the page shows",
        .serialized, arguments: ReadmeTests.pages)
    func examplesRunAsWritten(page: String) throws {
        var lawcat = try Lawcat()
        // No LAWCAT_DB: the default catalogue is the folder's own (HOME), and does not exist yet.
        lawcat.environment.removeValue(forKey: "LAWCAT_DB")
        let fileManager = FileManager.default
        // `lawcat` on the PATH, and seed/ in the working folder, as for a user in the repository.
        let bin = lawcat.folder.appendingPathComponent("bin")
        try fileManager.createDirectory(at: bin, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: bin.appendingPathComponent("lawcat"), withDestinationURL: Lawcat.binary)
        try fileManager.createSymbolicLink(
            at: lawcat.folder.appendingPathComponent("seed"), withDestinationURL: Lawcat.repository.appendingPathComponent("seed"))
        let examples = Self.examples(try Self.text(page))
        // Each failing line is named; `swift run lawcat` is the built binary, and
        // `swift test` (the Quick start) is not run from inside the tests.
        let script = """
            set -eE
            exec 3>&1 4>&2
            trap 'echo "example failed (exit $?): $BASH_COMMAND" >&4; cat example.out >&4 2>/dev/null' ERR
            # A server a page started and did not get to stop (an example failed first) would hold
            # this test's output open, and the test would wait for it for ever.
            trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
            swift() { if [ "$1" = run ] && [ "$2" = lawcat ]; then shift 2; lawcat "$@"; fi; }
            lawcat demo > /dev/null
            """ + "\n" + examples.map(Self.script).joined(separator: "\n") + "\necho EXAMPLES-DONE\n"
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
        let failure = stderr.split(separator: "\n").first { $0.hasPrefix("example ") }
        #expect(process.terminationStatus == 0, "\(page): \(failure ?? "")\n\(stderr.suffix(2000))")
        let finished = stdout.contains("EXAMPLES-DONE")
        #expect(finished, "\(page): the examples stopped before the end")
        #expect(!stderr.contains("error:"), "\(page): \(stderr.suffix(2000))")
    }

    /// A heading's anchor as GitHub makes it: lower case, spaces as hyphens, other punctuation dropped.
    static func anchor(_ heading: String) -> String {
        heading.lowercased().unicodeScalars.compactMap { scalar -> String? in
            if scalar == " " { return "-" }
            if scalar == "-" || scalar == "_" || CharacterSet.alphanumerics.contains(scalar) { return String(scalar) }
            return nil
        }.joined()
    }

    /// The anchors of a page's headings (outside code blocks, where `#` starts a comment).
    static func anchors(_ text: String) -> Set<String> {
        var anchors: Set<String> = []
        var inCode = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode, line.hasPrefix("#") else { continue }
            anchors.insert(anchor(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)))
        }
        return anchors
    }

    /// The targets of a page's Markdown links that stay in the repository.
    static func links(_ text: String) -> [String] {
        var links: [String] = []
        var inCode = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode else { continue }
            var rest = line[...]
            while let start = rest.range(of: "](") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: ")") else { break }
                let target = String(after[..<end])
                if !["http:", "https:", "mailto:"].contains(where: target.hasPrefix) { links.append(target) }
                rest = after[end...]
            }
        }
        return links
    }

    @Test("Given README.md, docs/ and bench/results/, when their links are followed, then each leads to a file that exists and, with a #, to a heading in it")
    func linksLead() throws {
        var checked = 0
        for page in Self.pages + Self.results {
            let folder = Lawcat.repository.appendingPathComponent(page).deletingLastPathComponent()
            for link in Self.links(try Self.text(page)) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? Lawcat.repository.appendingPathComponent(page) : folder.appendingPathComponent(parts[0])
                let exists = FileManager.default.fileExists(atPath: target.standardized.path)
                #expect(exists, "\(page) links to \(link), which is not there")
                if exists, parts.count == 2 {
                    let text = try String(contentsOf: target, encoding: .utf8)
                    let found = Self.anchors(text).contains(parts[1])
                    #expect(found, "\(page) links to \(link): no heading there makes #\(parts[1])")
                }
                checked += 1
            }
        }
        #expect(checked >= 20, "only \(checked) links checked")
    }
}
