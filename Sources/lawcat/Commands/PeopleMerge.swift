// `lawcat people merge`: one person entered twice made one.
import ArgumentParser
import Catalogue

struct PeopleMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge one person into another: loans, history and details move to INTO, and FROM goes.",
        discussion: """
            FROM's e-mail and staff id go to INTO when INTO has none. FROM leaves the list
            of people; the events recorded under FROM keep that name, and the name still
            finds INTO. The merge is recorded.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The person to merge away.")
    var from: String
    @Argument(help: "The person who remains.")
    var into: String

    func run() throws {
        let merge = try catalogue.open(create: false).mergePeople(from, into: into)
        Terminal.line(
            "merged \(merge.from) into \(merge.into.name): \(merge.loansMoved) \(merge.loansMoved == 1 ? "loan" : "loans") moved;"
                + " \(merge.into.name) has \(merge.into.onLoan) on loan, \(merge.into.loans) ever")
    }
}
