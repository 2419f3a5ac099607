// `lawcat checkout`: lend a copy, or every scanned copy, to a person.
import ArgumentParser
import Catalogue

struct Checkout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Lend a copy to a person.",
        discussion: """
            A person not yet in the catalogue is added (a note on stderr says so); a name
            close to a known one (a typo?) is refused, naming it, unless --new-person. A copy
            that is on loan, missing or withdrawn is refused. A due date before today is
            refused. Give - as the barcode to read one barcode per line from standard
            input (a scanner): each is recorded and answered as it arrives, and the exit
            code is 1 if any failed; Ctrl-C stops the pile (exit 130), keeping every answer.
            """,
        aliases: ["out"])

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Who borrows it.", valueName: "person"))
    var to: String
    @Flag(help: "The borrower is a new person, though their name is close to a known one.")
    var newPerson = false
    @OptionGroup var due: DueOptions
    @Option(help: ArgumentHelp("Where the copy is going, when known (e.g. a meeting room).", valueName: "place"))
    var at: String?

    func run() throws {
        let db = try copy.open()
        let dueDate = try due.dueDate()
        // Said once, before the pile, rather than once a scan.
        if copy.barcode == "-" { try db.checkBorrower(to, newPerson: newPerson) }
        try Scanner.each(copy.barcode) { code in
            let result = try db.checkout(barcode: code, to: to, due: dueDate, at: at, note: copy.note, newPerson: newPerson)
            return CirculationRendering.done(CirculationRendering.checkedOut(result, to: to), result)
        }
    }
}
