// What every `users` subcommand that works on an existing account asks for:
// the catalogue and the account's name. One declaration, so that the
// commands describe them alike.
import ArgumentParser
import Catalogue

/// `--db` and the account's name (the first argument).
struct AccountOptions: ParsableArguments {
    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The account's name.")
    var name: String

    func open() throws -> CatalogueDatabase { try catalogue.open(create: false) }
}
