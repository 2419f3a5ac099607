// `lawcat people rename`: a name put right (a typo, a marriage).
import ArgumentParser
import Catalogue

struct PeopleRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a person; their loans and history show the new name.",
        discussion: "A name someone else has is refused: to make two people one, use `lawcat people merge`.")

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "Their name as it is.")
    var old: String
    @Argument(help: "Their new name.")
    var new: String

    func run() throws {
        let person = try catalogue.open(create: false).editPerson(old, newName: new)
        Terminal.line("renamed \(old) to \(person.name)")
    }
}
