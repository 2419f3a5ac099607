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
}
