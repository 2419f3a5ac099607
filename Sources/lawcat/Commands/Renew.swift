import ArgumentParser
import Catalogue

struct Renew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Extend a loan.",
        discussion: """
            Without --due or --days the loan gets its own length again, counted from today
            (a 14-day loan renewed is due 14 days from today). A day that is not later than
            the loan's due date is refused. Give - as the barcode to read one barcode per
            line from standard input (a scanner).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode, or - to read barcodes from standard input.")
    var barcode: String
    @Option(help: ArgumentHelp("The new due date, YYYY-MM-DD.", valueName: "date"))
    var due: String?
    @Option(help: ArgumentHelp("Due this many days from today.", valueName: "n"))
    var days: Int?
    @Option(help: "A note for the event log.")
    var note: String?

    func validate() throws {
        if due != nil && days != nil { throw ValidationError("give --due or --days, not both") }
    }

    func run() throws {
        let db = try catalogue.open(create: false)
        let dueDate: DueDate = due.map { .date($0) } ?? days.map { .days($0) } ?? .none
        try Scanner.each(barcode) { code in
            let result = try db.renew(barcode: code, due: dueDate, note: note)
            let was = result.previousDue.map { " (was \($0))" } ?? " (had no due date)"
            return CirculationRendering.done("renewed for \(result.borrower ?? "its borrower"), due \(result.due ?? "")\(was)", result)
        }
    }
}
