import ArgumentParser
import Catalogue
import Foundation

/// `--db`, shared by every command that opens the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalogue file (default: $LAWCAT_DB, else ~/.local/share/lawcat/catalogue.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        CatalogueLocation.path(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the catalogue; `create` for commands that write.
    func open(create: Bool) throws -> CatalogueDatabase {
        try CatalogueDatabase(path: path, create: create, clock: Self.clock())
    }

    /// The system clock, unless LAWCAT_NOW (ISO 8601, for tests and the demo) stops it.
    static func clock() throws -> Clock {
        guard let text = ProcessInfo.processInfo.environment["LAWCAT_NOW"], !text.isEmpty else { return .system }
        guard let date = Timestamp.date(from: text) else {
            throw CatalogueError.invalidField(
                field: "LAWCAT_NOW", value: text, reason: "write it as 2026-11-26T09:30:00Z, or unset it")
        }
        return .fixed(date)
    }
}

/// `--json`, shared by every command that reads.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}

/// Options that describe a book, shared by `add` and `edit`.
struct BookOptions: ParsableArguments {
    @Option(help: "The title.")
    var title: String?
    @Option(name: .customLong("author"), help: "An author or editor; repeat for each, in order.")
    var authors: [String] = []
    @Option(name: .customLong("subject"), help: "A subject; repeat for each.")
    var subjects: [String] = []
    @Option(help: "The date: YYYY, YYYY-MM or YYYY-MM-DD.")
    var date: String?
    @Option(help: "The edition, e.g. '34th ed.'.")
    var edition: String?
    @Option(help: "The jurisdiction, e.g. 'England and Wales'.")
    var jurisdiction: String?
    @Option(help: "The ISBN.")
    var isbn: String?
    @Option(name: .customLong("copy"), help: ArgumentHelp("A copy's barcode; pair each with --at.", valueName: "barcode"))
    var copyBarcodes: [String] = []
    @Option(name: .customLong("at"), help: ArgumentHelp("The home location of the --copy before it.", valueName: "location"))
    var copyLocations: [String] = []

    func validate() throws {
        guard copyBarcodes.count == copyLocations.count else {
            throw ValidationError("give each --copy BARCODE an --at LOCATION (\(copyBarcodes.count) --copy, \(copyLocations.count) --at)")
        }
    }

    var copies: [NewCopy] {
        zip(copyBarcodes, copyLocations).map { NewCopy(barcode: $0, location: $1) }
    }
}
