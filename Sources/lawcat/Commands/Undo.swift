import ArgumentParser
import Catalogue

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a copy's latest action, or a whole stocktake.",
        discussion: """
            Puts the copy back exactly as it was before its latest action (a checkout,
            return, renewal, move, sighting, missing report, find or withdrawal; a find
            recorded with a return or sighting is undone with it). The log keeps both the
            mistake and its undoing. Undo again to undo the action before. A copy's
            `added` event is never undone. --stocktake ID undoes everything a stocktake
            recorded (its report gives the id), refused if anything has happened to one of
            its copies since.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode (or - to read barcodes from standard input).")
    var barcode: String?
    @Option(help: ArgumentHelp("Undo this stocktake instead.", valueName: "id"))
    var stocktake: Int64?
    @Option(help: "A note for the event log.")
    var note: String?

    func validate() throws {
        if (barcode == nil) == (stocktake == nil) {
            throw ValidationError("give a barcode, or --stocktake ID, to say what to undo")
        }
    }

    func run() throws {
        let db = try catalogue.open(create: false)
        if let stocktake {
            let result = try db.undoStocktake(stocktake, note: note)
            for copy in result.copies { Terminal.line(Self.line(copy)) }
            Terminal.line("undid stocktake \(result.stocktake) of \(result.location): \(result.copies.count) \(result.copies.count == 1 ? "copy" : "copies") put back")
            return
        }
        try Scanner.each(barcode ?? "-") { code in Self.line(try db.undo(barcode: code, note: note)) }
    }

    static func line(_ result: UndoResult) -> String {
        let what = result.undone.map { "\($0.kind.rawValue) of \(CirculationRendering.time($0.at))" }.joined(separator: " and ")
        var now = "now \(result.copy.status.rawValue)"
        if let borrower = result.copy.borrower { now += " to \(borrower)" }
        if let place = result.copy.location {
            now += result.copy.status == .missing ? ", last seen at \(place)" : " at \(place)"
        }
        return CirculationRendering.done("undid \(what); \(now)", result.copy)
    }
}
