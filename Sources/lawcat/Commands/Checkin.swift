// `lawcat checkin`: take a copy, or every scanned copy, back from loan.
import ArgumentParser
import Catalogue

struct Checkin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Take a copy back from loan: to its home, unless --at says where it is.",
        discussion: """
            A copy that is not on loan is refused. A missing copy that turns up is recorded
            as found (and checked in, if it was on loan). Give - as the barcode to read one
            barcode per line from standard input (a scanner): each is recorded and answered
            as it arrives, and the exit code is 1 if any failed; Ctrl-C stops the pile
            (exit 130), keeping every answer.
            """,
        aliases: ["in", "return"])

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Where the copy is put (default: the desk, LAWCAT_DESK, else its home). A new location is added.", valueName: "location"))
    var at: String?

    func run() throws {
        let db = try copy.open()
        try Scanner.each(copy.barcode) { code in
            let result = try db.checkin(barcode: code, at: at ?? Desk.location, note: copy.note)
            let place = result.location ?? result.home
            // A missing copy that was not on loan is only found: there was no loan to end.
            return CirculationRendering.done(result.endedLoan ? "checked in at \(place)" : "back at \(place) (it was not on loan)", result)
        }
    }
}
