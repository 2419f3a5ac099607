// `lawcat import`: books and copies, or borrowers, from a CSV file, in one transaction.
import ArgumentParser
import Catalogue
import Foundation

extension ImportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import books and copies (or, with --people, borrowers) from a CSV, MARC 21 or MARCXML file.",
        discussion: """
            One transaction: if any row or record is bad, nothing is imported and every
            bad one is named (--skip-bad imports the others). CSV columns (title required):
            \(CSVFormat.columns.joined(separator: ","))
            MARC 21 (ISO 2709, UTF-8 or MARC-8) and MARCXML are recognised by their
            content; --format says which. With --people: \(CSVFormat.peopleColumns.joined(separator: ",")) (name required).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The CSV, MARC 21 or MARCXML file.")
    var file: String
    @Option(help: "The file's format (default: judged from its content).")
    var format: ImportFormat?
    @Flag(help: "Import the good rows or records and report the bad ones, instead of importing nothing.")
    var skipBad = false
    @Option(help: ArgumentHelp("MARC only: a CSV of holdings' location codes and the paths they stand for (LON,London).", valueName: "file"))
    var locations: String?
    @Flag(help: "Check the file and report what would be added, changing nothing.")
    var dryRun = false
    @Flag(help: "The file lists borrowers: name,email,staff_id.")
    var people = false

    func run() throws {
        // A missing file is said before the catalogue is opened, so that a
        // mistyped name does not leave a new, empty catalogue behind.
        guard FileManager.default.fileExists(atPath: file) else { throw CatalogueError.fileNotFound(path: file) }
        // A dry run needs no catalogue and never makes one: without one it
        // checks the file against an empty catalogue, in memory.
        let dryRunAlone = dryRun && !FileManager.default.fileExists(atPath: catalogue.path)
        if dryRunAlone { Terminal.note("note: no catalogue at \(catalogue.path) yet; checking against an empty one\n") }
        let db = try dryRunAlone
            ? CatalogueDatabase(inMemoryWith: CatalogueOptions.clock()) : catalogue.open(create: !dryRun)
        let format = format ?? ImportFormat.sniff(path: file)
        let unit = format == .csv || people ? "rows" : "records"
        let started = Date()
        var shownProgress = false
        let progress: (Int) -> Void = { rows in
            guard Terminal.stderrIsTerminal, Date().timeIntervalSince(started) > 1 else { return }
            Terminal.note("\rimporting: \(rows) \(unit)")
            shownProgress = true
        }
        let report = people
            ? try db.importPeopleCSV(path: file, dryRun: dryRun)
            : try db.importBooks(
                path: file, format: format, dryRun: dryRun, skipBad: skipBad, locations: locations, progress: progress)
        if shownProgress { Terminal.note("\r\u{1B}[K") }
        let verb = dryRun ? "would add" : "added"
        try output.print(report) {
            for warning in report.warnings ?? [] { Terminal.warning(warning.description) }
            if let total = report.warningsTotal, total > (report.warnings?.count ?? 0) {
                Terminal.warning("and \(total - (report.warnings?.count ?? 0)) more")
            }
            for problem in report.refused ?? [] { Terminal.warning("skipped \(problem.description)") }
            if let total = report.rowsRefused, total > (report.refused?.count ?? 0) {
                Terminal.warning("and \(total - (report.refused?.count ?? 0)) more skipped")
            }
            let refused = report.rowsRefused.map { "; skipped \($0) bad \(unit)" } ?? ""
            let updated = people ? "; \(dryRun ? "would update" : "updated") \(report.peopleUpdated) people" : ""
            Terminal.line(
                "\(dryRun ? "dry run: " : "")read \(report.rowsRead) \(unit); \(verb) \(report.booksAdded) books, "
                    + "\(report.copiesAdded) copies, \(report.locationsAdded) locations, \(report.peopleAdded) people\(updated); "
                    + "skipped \(report.rowsSkipped) \(unit == "rows" ? "rows" : "copies or bare records") already present\(refused)")
        }
    }
}
