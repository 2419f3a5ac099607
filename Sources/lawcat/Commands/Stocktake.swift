// `lawcat stocktake`: take stock of a location from scanned barcodes.
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
            report = try db.stocktake(
                at: location, scanned: try Scanner.lines(of: file), dryRun: dryRun, markMissing: markMissing,
                force: force)
        }
        try output.print(report) { Terminal.out(StocktakeRendering.report(report, markMissing: markMissing)) }
        if let reason = report.markingRefused {
            throw CatalogueError.refused(
                barcode: "stocktake \(report.id)",
                reason: Reason(
                    "not marking \(report.notSeen.count) copies missing: \(reason) (the sightings are recorded;"
                        + " `lawcat undo --stocktake \(report.id)` takes them back)"))
        }
    }

    /// A scanner at the shelf: each barcode recorded as it arrives, in its own
    /// transaction, and answered on stderr at once (stdout keeps the report).
    /// Read by the scanner piles' own line reader, so that Ctrl-C or SIGTERM
    /// stops it at the next line: the sightings so far stay, nothing is marked
    /// missing, a line says so and how to undo it, and the exit is 130 or 143.
    private func scanning(_ db: CatalogueDatabase) throws -> StocktakeReport {
        Interrupts.catchThem()
        var session = try db.beginStocktake(at: location)
        var input = StandardInputLines()
        reading: while true {
            switch input.next() {
            case .end:
                break reading
            case .interrupted:
                Terminal.note(
                    "interrupted: stocktake \(session.id) of \(location) keeps its \(session.count) scans as sightings;"
                        + " nothing is marked missing (`lawcat undo --stocktake \(session.id)` takes them back)\n")
                throw ExitCode(128 + (Interrupts.caught ?? SIGINT))
            case .line(let line):
                let barcode = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !barcode.isEmpty else { continue }
                let scan = try db.scan(barcode, in: &session)
                Terminal.note(StocktakeRendering.answer(scan, count: session.count))
            }
        }
        return try db.finishStocktake(session, markMissing: markMissing, force: force)
    }
}
