// `lawcat people edit`: a person's e-mail, staff id or name.
import ArgumentParser
import Catalogue

struct PeopleEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a person's e-mail, staff id or name.",
        discussion: "An empty value (--email '') removes it. Their history shows the new name.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "Their name as it is.")
    var name: String
    @OptionGroup var details: PersonOptions
    @Option(name: .customLong("name"), help: ArgumentHelp("Their new name.", valueName: "name"))
    var newName: String?

    func run() throws {
        let person = try catalogue.open(create: false).editPerson(
            name, email: details.email, staffID: details.staffId, newName: newName)
        Terminal.line("changed \(PeopleRendering.line(person))")
    }
}
