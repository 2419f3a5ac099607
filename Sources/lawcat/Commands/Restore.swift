// `lawcat restore`: put a backup in place, keeping the replaced catalogue aside.
import ArgumentParser
import Catalogue

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place as the catalogue, keeping the current one aside.",
        discussion: """
            FILE must be a lawcat catalogue (not made by a newer lawcat) that passes
            SQLite's integrity checks; FILE itself is never changed. The current catalogue
            is first copied to CATALOGUE.replaced-<UTC time>, then the backup is written
            over it in one transaction, so other lawcat processes simply see the restored
            catalogue at their next command.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("The backup file to restore.", valueName: "file"))
    var file: String

    func run() throws {
        let report = try CatalogueDatabase.restore(
            from: file, into: catalogue.path, clock: CatalogueOptions.clock())
        try output.print(report) {
            Terminal.line("restored \(report.books) books and \(report.copies) copies from \(report.file) to \(catalogue.path)")
            if let aside = report.replacedKeptAt {
                Terminal.line("the catalogue it replaced is kept at \(aside)")
            }
        }
    }
}
