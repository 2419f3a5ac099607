import ArgumentParser
import Catalogue

struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Record that a copy now sits at a location (its home does not change).",
        discussion: "A copy on loan stays on loan. A missing copy is recorded as found there first.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Argument(help: "Where it is now, e.g. London/5F/Meeting room 5.12. A new location is added.")
    var location: String
    @Option(help: "A note for the event log.")
    var note: String?

    func run() throws {
        let result = try catalogue.open(create: false).move(barcode: barcode, to: location, note: note)
        Terminal.line(CirculationRendering.done("moved to \(result.location ?? location)", result))
    }
}

struct Seen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seen",
        abstract: "Record a sighting of a copy: where, and by whom.",
        discussion: """
            Without --at, the copy is seen where it is believed to be (else its home). A
            missing copy is recorded as found there first.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Option(help: ArgumentHelp("Where it was seen. A new location is added.", valueName: "location"))
    var at: String?
    @Option(help: ArgumentHelp("Who saw it (added to the people when new).", valueName: "name"))
    var by: String?
    @Option(help: "A note for the event log.")
    var note: String?

    func run() throws {
        let result = try catalogue.open(create: false).seen(barcode: barcode, at: at, by: by, note: note)
        Terminal.line(CirculationRendering.done("seen at \(result.location ?? result.home)", result))
    }
}

struct Missing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Report a copy missing. Where it was last seen is kept.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Option(help: "A note for the event log.")
    var note: String?

    func run() throws {
        let result = try catalogue.open(create: false).reportMissing(barcode: barcode, note: note)
        Terminal.line(CirculationRendering.done("reported missing", result))
    }
}

struct Found: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "found",
        abstract: "Record that a missing copy turned up: at --at, else at its home.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Option(help: ArgumentHelp("Where it turned up (default: its home). A new location is added.", valueName: "location"))
    var at: String?
    @Option(help: "A note for the event log.")
    var note: String?

    func run() throws {
        let result = try catalogue.open(create: false).found(barcode: barcode, at: at, note: note)
        Terminal.line(CirculationRendering.done("found at \(result.location ?? result.home)", result))
    }
}

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a copy for good; its history stays (the same as `remove BARCODE`).")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Option(help: "Why the copy is withdrawn.")
    var note: String?

    func run() throws {
        let db = try catalogue.open(create: false)
        try db.withdraw(barcode: barcode, note: note)
        Terminal.line("\(barcode.trimmingCharacters(in: .whitespaces)): withdrawn")
    }
}
