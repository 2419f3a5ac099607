// `lawcat backup`: a consistent copy of the catalogue, taken while others use it.
import ArgumentParser
import Catalogue

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the catalogue to FILE, even while others use it.",
        discussion: """
            Uses SQLite's online backup API: the copy is the catalogue as it stood at one
            moment, taken while other lawcat processes go on reading and writing. It is
            written under a temporary name beside FILE and renamed into place when
            complete. An existing FILE is refused unless --force.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var file: String
    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
        let report = try catalogue.open(create: false).backup(to: file, force: force)
        try output.print(report) {
            Terminal.line("backed up \(report.books) books and \(report.copies) copies to \(report.file)")
        }
    }
}
