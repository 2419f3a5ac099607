// `lawcat import`: books and copies, or borrowers, from a CSV file, in one transaction.
import ArgumentParser
import Catalogue
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import books and copies (or, with --people, borrowers) from a CSV file.",
        discussion: """
            One transaction: if any row is bad, nothing is imported and every bad row is
            named. Columns: \(CSVFormat.columns.joined(separator: ",")) (title required).
            With --people: \(CSVFormat.peopleColumns.joined(separator: ",")) (name required).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The CSV file.")
    var file: String
    @Flag(help: "Check the file and report what would be added, changing nothing.")
    var dryRun = false
    @Flag(help: "The file lists borrowers: name,email,staff_id.")
    var people = false

    func run() throws {
        // A missing file is said before the catalogue is opened, so that a
        // mistyped name does not leave a new, empty catalogue behind.
        guard FileManager.default.fileExists(atPath: file) else { throw CatalogueError.fileNotFound(path: file) }
        let db = try catalogue.open(create: !dryRun)
        let started = Date()
        var shownProgress = false
        let progress: (Int) -> Void = { rows in
            guard Terminal.stderrIsTerminal, Date().timeIntervalSince(started) > 1 else { return }
            Terminal.note("\rimporting: \(rows) rows")
            shownProgress = true
        }
        let report = people
            ? try db.importPeopleCSV(path: file, dryRun: dryRun)
            : try db.importCSV(path: file, dryRun: dryRun, progress: progress)
        if shownProgress { Terminal.note("\r\u{1B}[K") }
        let verb = dryRun ? "would add" : "added"
        try output.print(report) {
            Terminal.line(
                "\(dryRun ? "dry run: " : "")read \(report.rowsRead) rows; \(verb) \(report.booksAdded) books, "
                    + "\(report.copiesAdded) copies, \(report.locationsAdded) locations, \(report.peopleAdded) people; "
                    + "skipped \(report.rowsSkipped) rows already present")
        }
    }
}
