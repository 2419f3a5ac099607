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

    @OptionGroup var copy: CopyOptions
    @OptionGroup var due: DueOptions

    func run() throws {
        let db = try copy.open()
        let dueDate = try due.dueDate()
        try Scanner.each(copy.barcode) { code in
            let result = try db.renew(barcode: code, due: dueDate, note: copy.note)
            let was = result.previousDue.map { " (was \($0))" } ?? " (had no due date)"
            return CirculationRendering.done("renewed for \(result.borrower ?? "its borrower"), due \(result.due ?? "")\(was)", result)
        }
    }
}
