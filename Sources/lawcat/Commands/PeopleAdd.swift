// `lawcat people add`: a person, before they borrow anything.
import ArgumentParser
import Catalogue

struct PeopleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person, with their e-mail and staff id.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "Their name, e.g. 'Jane Smith'.")
    var name: String
    @OptionGroup var details: PersonOptions

    func run() throws {
        let person = try catalogue.open(create: true).addPerson(
            name: name, email: details.email, staffID: details.staffId)
        Terminal.line("added \(PeopleRendering.line(person))")
    }
}
