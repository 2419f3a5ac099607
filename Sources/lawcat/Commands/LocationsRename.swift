// `lawcat locations rename`: a shelf, a floor or an office renamed, with
// everything under it.
import ArgumentParser
import Catalogue

struct LocationsRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a location and every location under it.",
        discussion: """
            London/Library to London/Main Library renames London/Library/Bay 3 too. Homes,
            current places and the history show the new names. A new name that is already
            a location merges the two (each merge is said, and recorded).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The location as it is named now.")
    var old: String
    @Argument(help: "Its new name.")
    var new: String

    func run() throws {
        let rename = try catalogue.open(create: false).renameLocation(old, to: new)
        for step in rename.steps {
            Terminal.line(step.merged ? "merged \(step.from) into \(step.to)" : "renamed \(step.from) to \(step.to)")
        }
    }
}
