// `lawcat people`: everyone who borrows, with their loans now and ever; and
// the subcommands that add, edit, rename and merge people.
import ArgumentParser
import Catalogue

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Everyone who borrows, with how many copies they have now and have ever borrowed; add, edit, rename or merge people.",
        discussion: """
            `lawcat people` lists everyone. A merged person leaves the list; the events
            recorded under their old name keep it.
            """,
        subcommands: [PeopleList.self, PeopleAdd.self, PeopleEdit.self, PeopleRename.self, PeopleMerge.self],
        defaultSubcommand: PeopleList.self)
}

struct PeopleList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Everyone who borrows, with how many copies they have now and have ever borrowed.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let people = try catalogue.open(create: false).people()
        try output.print(people) { PeopleRendering.table(people) }
    }
}

enum PeopleRendering {
    static func table(_ people: [PersonSummary]) {
        var table = Table("NAME", "EMAIL", "STAFF ID", "ON LOAN", "LOANS")
        for p in people { table.add(p.name, p.email ?? "", p.staffID ?? "", String(p.onLoan), String(p.loans)) }
        Terminal.out(table.render())
    }

    static func line(_ p: PersonSummary) -> String {
        var parts = [p.name]
        if let email = p.email { parts.append(email) }
        if let staffID = p.staffID { parts.append("staff id \(staffID)") }
        return parts.joined(separator: ", ")
    }
}
