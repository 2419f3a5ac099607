// `lawcat log`: everything that happened, newest first: on a day, by a
// person, at a place, of a kind.
import ArgumentParser
import Catalogue

extension EventKind: ExpressibleByArgument {}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Every event that matches, newest first: on a day, by a person, at a place.",
        discussion: """
            Days are YYYY-MM-DD, today or yesterday, in local time. --at takes the places
            under the location too. Kinds: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Only this day.", valueName: "day"))
    var on: String?
    @Option(help: ArgumentHelp("From this day.", valueName: "day"))
    var since: String?
    @Option(help: ArgumentHelp("Up to this day.", valueName: "day"))
    var until: String?
    @Option(help: ArgumentHelp("Only events of this person (borrower, or who saw it).", valueName: "name"))
    var by: String?
    @Option(help: ArgumentHelp("Only events at this location or under it.", valueName: "location"))
    var at: String?
    @Option(help: ArgumentHelp("Only events of this kind.", valueName: "kind"))
    var kind: EventKind?
    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if on != nil && (since != nil || until != nil) { throw ValidationError("give --on, or --since and --until, not both") }
        if let limit, limit < 1 { throw ValidationError("give --limit 1 or more") }
    }

    func run() throws {
        let db = try catalogue.open(create: false)
        var filter = LogFilter()
        try filter.setDays(on: on, since: since, until: until, today: db.clock.today, prefix: "--")
        filter.person = by
        filter.location = at
        filter.kind = kind
        filter.limit = limit
        let entries = try db.log(filter)
        try output.print(entries) {
            if entries.isEmpty {
                Terminal.line("Nothing happened that matches.")
                return
            }
            var table = Table("WHEN", "BARCODE", "WHAT", "WHERE", "TITLE", "NOTE")
            for e in entries {
                var what = e.kind.rawValue
                what += CirculationRendering.personPhrase(e.kind, e.person)
                if let due = e.due, e.kind != .reminded { what += ", due \(due)" }
                table.add(
                    CirculationRendering.time(e.at), e.barcode, what, e.location ?? "", e.title.truncated(to: 40),
                    e.note ?? "")
            }
            Terminal.out(table.render())
        }
    }
}
