// `--db` and the clock: how every command finds its catalogue, and the time
// it records (LAWCAT_NOW stops the clock for tests and the demo).
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

    /// Opens the catalogue; `create` for commands that write. A command, which
    /// does one thing at a time, holds one connection; `lawcat serve` a pool.
    func open(create: Bool, connections: CatalogueDatabase.Connections = .one) throws -> CatalogueDatabase {
        try CatalogueDatabase(path: path, create: create, clock: Self.clock(), connections: connections)
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
