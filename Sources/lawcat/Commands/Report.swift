// `lawcat report`: missing copies, overdue loans, or copies nobody has seen for a while.
import ArgumentParser
import Catalogue

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Missing copies, overdue loans, or copies nobody has seen for a while.",
        discussion: """
            missing: missing copies with their last known place (--days N: missing for at
            least N days). overdue: loans past their due date (--days N: overdue by at least
            N days). not-seen: copies, on loan or not, with no sighting for N days (default
            180). --at LOCATION keeps the copies homed at LOCATION or under it.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "missing, overdue or not-seen.")
    var kind: ReportKind
    @Option(help: ArgumentHelp("A number of days (see above).", valueName: "n"))
    var days: Int?
    @Option(help: ArgumentHelp("Only copies homed at this location or under it.", valueName: "location"))
    var at: String?

    func validate() throws {
        if let days, days < 0 { throw ValidationError("give --days as 0 or more") }
    }

    func run() throws {
        let copies = try catalogue.open(create: false).report(kind, days: days, at: at)
        try output.print(copies) {
            Terminal.out(copies.isEmpty ? "Nothing to report.\n" : CirculationRendering.copies(copies))
        }
    }
}

extension ReportKind: ExpressibleByArgument {}
