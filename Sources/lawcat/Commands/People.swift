// `lawcat people`: everyone who borrows, with their loans now and ever.
import ArgumentParser
import Catalogue

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Everyone who borrows, with how many copies they have now and have ever borrowed.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let people = try catalogue.open(create: false).people()
        try output.print(people) {
            var table = Table("NAME", "EMAIL", "STAFF ID", "ON LOAN", "LOANS")
            for p in people { table.add(p.name, p.email ?? "", p.staffID ?? "", String(p.onLoan), String(p.loans)) }
            Terminal.out(table.render())
        }
    }
}
