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

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode, or - to read barcodes from standard input.")
    var barcode: String
    @Option(help: ArgumentHelp("Who borrows it.", valueName: "person"))
    var to: String
    @Option(help: ArgumentHelp("The due date, YYYY-MM-DD.", valueName: "date"))
    var due: String?
    @Option(help: ArgumentHelp("Due this many days from today.", valueName: "n"))
    var days: Int?
    @Option(help: ArgumentHelp("Where the copy is going, when known (e.g. a meeting room).", valueName: "place"))
    var at: String?
    @Option(help: "A note for the event log.")
    var note: String?

    func validate() throws {
        if due != nil && days != nil { throw ValidationError("give --due or --days, not both") }
    }

    func run() throws {
        let db = try catalogue.open(create: false)
        let dueDate: DueDate = due.map { .date($0) } ?? days.map { .days($0) } ?? .none
        try Scanner.each(barcode) { code in
            let result = try db.checkout(barcode: code, to: to, due: dueDate, at: at, note: note)
            var verb = "checked out to \(result.borrower ?? to)"
            verb += result.due.map { ", due \($0)" } ?? ", no due date"
            if let place = result.location { verb += ", at \(place)" }
            return CirculationRendering.done(verb, result)
        }
    }
}

struct Checkin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Take a copy back from loan: to its home, unless --at says where it is.",
        discussion: """
            A copy that is not on loan is refused. A missing copy that turns up is recorded
            as found (and checked in, if it was on loan). Give - as the barcode to read one
            barcode per line from standard input (a scanner); each line is reported, and the
            exit code is 1 if any failed.
            """,
        aliases: ["in", "return"])

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode, or - to read barcodes from standard input.")
    var barcode: String
    @Option(help: ArgumentHelp("Where the copy is put (default: the desk, LAWCAT_DESK, else its home). A new location is added.", valueName: "location"))
    var at: String?
    @Option(help: "A note for the event log.")
    var note: String?

    func run() throws {
        let db = try catalogue.open(create: false)
        try Scanner.each(barcode) { code in
            let result = try db.checkin(barcode: code, at: at ?? Desk.location, note: note)
            return CirculationRendering.done("checked in at \(result.location ?? result.home)", result)
        }
    }
}
