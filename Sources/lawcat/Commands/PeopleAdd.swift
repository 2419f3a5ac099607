// `lawcat people add`: a person, before they borrow anything.
import ArgumentParser
import Catalogue

struct PeopleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person, with their e-mail and staff id.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "Their name, e.g. 'Jane Smith'.")
    var name: String
    @Option(help: "Their e-mail address (for reminders).")
    var email: String?
    @Option(help: ArgumentHelp("Their staff id.", valueName: "id"))
    var staffId: String?

    func run() throws {
        let person = try catalogue.open(create: true).addPerson(name: name, email: email, staffID: staffId)
        Terminal.line("added \(PeopleRendering.line(person))")
    }
}
