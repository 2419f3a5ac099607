// `lawcat seen`: a sighting of a copy, where and by whom.
import ArgumentParser
import Catalogue

struct Seen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seen",
        abstract: "Record a sighting of a copy: where, and by whom.",
        discussion: """
            Without --at, the copy is seen where it is believed to be (else its home). A
            missing copy is recorded as found there first.
            """)

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Where it was seen. A new location is added.", valueName: "location"))
    var at: String?
    @Option(help: ArgumentHelp("Who saw it (added to the people when new).", valueName: "name"))
    var by: String?
    @Flag(help: "Whoever saw it is a new person, though their name is close to a known one.")
    var newPerson = false

    func run() throws {
        let result = try copy.open().seen(barcode: copy.barcode, at: at, by: by, note: copy.note, newPerson: newPerson)
        Terminal.line(CirculationRendering.done("seen at \(result.location ?? result.home)", result))
    }
}
