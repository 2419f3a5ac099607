import ArgumentParser
import Catalogue

struct Loans: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loans",
        abstract: "Who has what: every copy on loan, soonest due first.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Only this person's loans.", valueName: "name"))
    var person: String?
    @Flag(help: "Only loans past their due date.")
    var overdue = false

    func run() throws {
        let loans = try catalogue.open(create: false).loans(person: person, overdue: overdue)
        if output.json {
            try Terminal.json(loans)
        } else if loans.isEmpty {
            Terminal.line(overdue ? "No loans are overdue." : "Nothing is on loan.")
        } else {
            Terminal.out(CirculationRendering.copies(loans))
        }
    }
}

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
        if output.json {
            try Terminal.json(copies)
        } else if copies.isEmpty {
            Terminal.line("Nothing to report.")
        } else {
            Terminal.out(CirculationRendering.copies(copies))
        }
    }
}

extension ReportKind: ExpressibleByArgument {}

struct Locations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locations",
        abstract: "Every location, with how many copies belong there and how many are there now.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let locations = try catalogue.open(create: false).locationCounts()
        if output.json {
            try Terminal.json(locations)
            return
        }
        var table = Table("LOCATION", "HOMED", "NOW AT")
        for l in locations { table.add(l.location, String(l.homed), String(l.nowAt)) }
        Terminal.out(table.render())
    }
}

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Everyone who borrows, with how many copies they have now and have ever borrowed.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let people = try catalogue.open(create: false).people()
        if output.json {
            try Terminal.json(people)
            return
        }
        var table = Table("NAME", "EMAIL", "STAFF ID", "ON LOAN", "LOANS")
        for p in people { table.add(p.name, p.email ?? "", p.staffID ?? "", String(p.onLoan), String(p.loans)) }
        Terminal.out(table.render())
    }
}
