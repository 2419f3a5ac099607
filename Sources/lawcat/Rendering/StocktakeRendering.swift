// How a stocktake's report looks on a terminal: a heading, then one section a
// list (present, misplaced, not seen...), each a count and an aligned table.
import Catalogue

enum StocktakeRendering {
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

    static func report(_ report: StocktakeReport, markMissing: Bool) -> String {
        var text = ""
        text += (report.dryRun ? "dry run (nothing recorded): stocktake" : "stocktake \(report.id)")
            + " of \(report.location): \(report.scanned) scanned, \(report.distinct) distinct\n"
        text += section("Present", report.present) { [$0.barcode, $0.title.truncated(to: 60)] }
        text += section("Misplaced (homed elsewhere)", report.misplaced) { [$0.barcode, "home " + $0.home, $0.title.truncated(to: 50)] }
        text += section("Not seen (believed here)", report.notSeen) {
            [$0.barcode, $0.location ?? $0.home, $0.title.truncated(to: 50)]
        }
        text += section("Elsewhere (last placed somewhere else)", report.elsewhere) {
            [$0.barcode, "at " + ($0.location ?? "?"), "since " + CirculationRendering.time($0.since), $0.title.truncated(to: 40)]
        }
        text += section("On loan", report.onLoan) { [$0.barcode, $0.borrower ?? "", $0.due.map { "due " + $0 } ?? "", $0.title.truncated(to: 40)] }
        text += section("Still missing", report.stillMissing) { [$0.barcode, $0.title.truncated(to: 60)] }
        text += section("Withdrawn but scanned", report.withdrawn) { [$0.barcode, $0.title.truncated(to: 60)] }
        text += section("Checked in (were on loan)", report.returned) { [$0.barcode, $0.title.truncated(to: 60)] }
        text += section("Found (were missing)", report.found) { [$0.barcode, $0.title.truncated(to: 60)] }
        text += section("Unknown barcodes", report.unknown) { [$0] }
        text += section("Scanned more than once (counted once)", report.duplicates) { [$0.barcode, "\($0.times) times"] }
        if markMissing && report.markingRefused == nil {
            text += "\n\(report.dryRun ? "Would mark" : "Marked") \(report.markedMissing) not-seen copies missing.\n"
        }
        if !report.dryRun { text += "\nTo undo this stocktake: lawcat undo --stocktake \(report.id)\n" }
        return text
    }

    /// A blank line, the title with its count, and the rows indented, their
    /// columns aligned. The last column is not padded, so its (long, often
    /// non-ASCII) cells need no measuring.
    private static func section<T>(_ title: String, _ items: [T], _ cells: (T) -> [String]) -> String {
        var text = "\n" + Style.bold.apply("\(title): \(items.count)") + "\n"
        guard !items.isEmpty else { return text }
        let rows = items.map(cells)
        let columns = rows.map(\.count).max() ?? 1
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.displayWidth) } }
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                line += " " + (i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.displayWidth))
            }
            text += line + "\n"
        }
        return text
    }
}
