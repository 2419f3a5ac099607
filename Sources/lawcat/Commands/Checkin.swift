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
            barcode per line from standard input (a scanner); each line is reported, and the
            exit code is 1 if any failed.
            """,
        aliases: ["in", "return"])

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Where the copy is put (default: the desk, LAWCAT_DESK, else its home). A new location is added.", valueName: "location"))
    var at: String?

    func run() throws {
        let db = try copy.open()
        try Scanner.each(copy.barcode) { code in
            let result = try db.checkin(barcode: code, at: at ?? Desk.location, note: copy.note)
            return CirculationRendering.done("checked in at \(result.location ?? result.home)", result)
        }
    }
}
