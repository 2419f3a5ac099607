// `lawcat loans`: who has what, soonest due first.
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
        try output.print(loans) {
            if loans.isEmpty {
                Terminal.line(overdue ? "No loans are overdue." : "Nothing is on loan.")
            } else {
                Terminal.out(CirculationRendering.copies(loans))
            }
        }
    }
}
