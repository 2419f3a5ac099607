import ArgumentParser
import Catalogue
import Foundation

struct Stocktake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stocktake",
        abstract: "Take stock of a location from scanned barcodes.",
        discussion: """
            Reads barcodes one per line from FILE, or standard input when FILE is - or left
            out. Every known scanned copy is seen at LOCATION (a missing one is found, one on
            loan is checked in). Then it lists: present, misplaced (homed elsewhere), not seen
            (homed here, believed here, not scanned), elsewhere (homed here but last placed
            somewhere else, e.g. by an earlier shelf's scan), on loan, still missing, unknown
            barcodes and barcodes scanned twice. One transaction.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The location being stocktaken (copies homed under it count too).")
    var location: String
    @Argument(help: "A file of scanned barcodes, or - for standard input (the default).")
    var file: String = "-"
    @Flag(help: "Report what the stocktake would find and record, changing nothing.")
    var dryRun = false
    @Flag(help: "Mark every not-seen copy missing, naming the stocktake in the note.")
    var markMissing = false
    @Flag(help: "With --mark-missing: mark them even when more would be marked missing than were found present.")
    var force = false

    func run() throws {
        let db = try catalogue.open(create: false)
        let report: StocktakeReport
        if file == "-" && !dryRun {
            report = try scanning(db)
        } else {
            let lines: [String]
            if file == "-" {
                lines = Scanner.readLines()
            } else {
                guard FileManager.default.fileExists(atPath: file) else { throw CatalogueError.fileNotFound(path: file) }
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else { throw CatalogueError.invalidFile(path: file, reason: "it is not readable UTF-8 text") }
                lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map(String.init)
            }
            report = try db.stocktake(at: location, scanned: lines, dryRun: dryRun, markMissing: markMissing, force: force)
        }
        try show(report)
        if let reason = report.markingRefused {
            throw CatalogueError.refused(
                barcode: "stocktake \(report.id)",
                reason: "not marking \(report.notSeen.count) copies missing: \(reason) (the sightings are recorded;"
                    + " `lawcat undo --stocktake \(report.id)` takes them back)")
        }
    }

    /// A scanner at the shelf: each barcode recorded as it arrives, in its own
    /// transaction, and answered on stderr at once (stdout keeps the report).
    /// Interrupted, the sightings so far stay and nothing is marked missing.
    private func scanning(_ db: CatalogueDatabase) throws -> StocktakeReport {
        var session = try db.beginStocktake(at: location)
        while let line = readLine(strippingNewline: true) {
            let barcode = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !barcode.isEmpty else { continue }
            let scan = try db.scan(barcode, in: &session)
            Terminal.note(Self.answer(scan, count: session.count))
        }
        return try db.finishStocktake(session, markMissing: markMissing, force: force)
    }

    /// One scan's answer, one line; an unknown barcode hard to miss on a terminal.
    static func answer(_ scan: StocktakeScan, count: Int) -> String {
        let counter = Terminal.stderrIsTerminal ? "[\(count)] " : ""
        var what: String
        switch scan.outcome {
        case .present: what = "seen here"
        case .misplaced: what = "seen here, but its home is \(scan.home ?? "elsewhere")"
        case .repeated: what = "scanned before (counted once)"
        case .withdrawn: what = "withdrawn: nothing recorded"
        case .unknown:
            let line = "\(counter)\(scan.barcode): unknown barcode"
            return Terminal.stderrIsTerminal ? "\u{7}" + Style.red.apply(line, terminal: true) + "\n" : line + "\n"
        }
        if scan.found { what = "was missing, now found; " + what }
        if scan.returned { what = "was on loan, checked in; " + what }
        return "\(counter)\(scan.barcode): \(what) ('\((scan.title ?? "").truncated(to: 60))')\n"
    }

    private func show(_ report: StocktakeReport) throws {
        if output.json {
            try Terminal.json(report)
            return
        }
        Terminal.line(
            (report.dryRun ? "dry run (nothing recorded): stocktake" : "stocktake \(report.id)")
                + " of \(report.location): \(report.scanned) scanned, \(report.distinct) distinct")
        section("Present", report.present) { [$0.barcode, $0.title.truncated(to: 60)] }
        section("Misplaced (homed elsewhere)", report.misplaced) { [$0.barcode, "home " + $0.home, $0.title.truncated(to: 50)] }
        section("Not seen (believed here)", report.notSeen) {
            [$0.barcode, $0.location ?? $0.home, $0.title.truncated(to: 50)]
        }
        section("Elsewhere (last placed somewhere else)", report.elsewhere) {
            [$0.barcode, "at " + ($0.location ?? "?"), "since " + CirculationRendering.time($0.since), $0.title.truncated(to: 40)]
        }
        section("On loan", report.onLoan) { [$0.barcode, $0.borrower ?? "", $0.due.map { "due " + $0 } ?? "", $0.title.truncated(to: 40)] }
        section("Still missing", report.stillMissing) { [$0.barcode, $0.title.truncated(to: 60)] }
        section("Withdrawn but scanned", report.withdrawn) { [$0.barcode, $0.title.truncated(to: 60)] }
        section("Checked in (were on loan)", report.returned) { [$0.barcode, $0.title.truncated(to: 60)] }
        section("Found (were missing)", report.found) { [$0.barcode, $0.title.truncated(to: 60)] }
        section("Unknown barcodes", report.unknown) { [$0] }
        section("Scanned more than once (counted once)", report.duplicates) { [$0.barcode, "\($0.times) times"] }
        if markMissing {
            Terminal.line()
            Terminal.line("\(report.dryRun ? "Would mark" : "Marked") \(report.markedMissing) not-seen copies missing.")
        }
        if !report.dryRun {
            Terminal.line()
            Terminal.line("To undo this stocktake: lawcat undo --stocktake \(report.id)")
        }
    }

    private func section<T>(_ title: String, _ items: [T], _ cells: (T) -> [String]) {
        Terminal.line()
        Terminal.line(Style.bold.apply("\(title): \(items.count)"))
        guard !items.isEmpty else { return }
        let rows = items.map(cells)
        let columns = rows.map(\.count).max() ?? 1
        var widths = [Int](repeating: 0, count: columns)
        // The last column is not padded, so its (long, often non-ASCII) cells need no measuring.
        for row in rows { for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.displayWidth) } }
        var text = ""
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                line += " " + (i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.displayWidth))
            }
            text += line + "\n"
        }
        Terminal.out(text)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the catalogue: SQLite's integrity and foreign keys, lawcat's tables, indexes and triggers, the full-text index, and every copy's state against its event log.",
        discussion: "Exits 0 when all is well, 1 listing every problem otherwise. Changes nothing.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try catalogue.open(create: false).check()
        if output.json {
            try Terminal.json(report)
        } else if report.isClean {
            Terminal.line(
                "ok: integrity, foreign keys, schema and full-text index are sound; \(report.copiesChecked) copies match "
                    + "their \(report.eventsReplayed) events")
        } else {
            for problem in report.problems { Terminal.line(problem) }
            Terminal.line("\(report.problems.count) problems found")
        }
        if !report.isClean { throw ExitCode.failure }
    }
}
