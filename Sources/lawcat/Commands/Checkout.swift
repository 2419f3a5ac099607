// `lawcat checkout`: lend a copy, or every scanned copy, to a person.
import ArgumentParser
import Catalogue

struct Checkout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Lend a copy to a person.",
        discussion: """
            A person not yet in the catalogue is added (a note on stderr says so). A copy
            that is on loan, missing or withdrawn is refused. A due date before today is
            refused. Give - as the barcode to read one barcode per line from standard
            input (a scanner); each line is reported, and the exit code is 1 if any failed.
            """,
        aliases: ["out"])

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Who borrows it.", valueName: "person"))
    var to: String
    @Option(help: ArgumentHelp("The due date, YYYY-MM-DD.", valueName: "date"))
    var due: String?
    @Option(help: ArgumentHelp("Due this many days from today.", valueName: "n"))
    var days: Int?
    @Option(help: ArgumentHelp("Where the copy is going, when known (e.g. a meeting room).", valueName: "place"))
    var at: String?

    func validate() throws {
        if due != nil && days != nil { throw ValidationError("give --due or --days, not both") }
    }

    func run() throws {
        let db = try copy.open()
        let dueDate: DueDate = due.map { .date($0) } ?? days.map { .days($0) } ?? .none
        try Scanner.each(copy.barcode) { code in
            let result = try db.checkout(barcode: code, to: to, due: dueDate, at: at, note: copy.note)
            return CirculationRendering.done(CirculationRendering.checkedOut(result, to: to), result)
        }
    }
}
