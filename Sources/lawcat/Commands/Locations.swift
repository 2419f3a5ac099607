// `lawcat locations`: every location, with its copies homed there and there
// now; `locations rename` renames one with everything under it.
import ArgumentParser
import Catalogue

struct Locations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locations",
        abstract: "Every location, with how many copies belong there and how many are there now; rename one.",
        subcommands: [LocationsList.self, LocationsRename.self],
        defaultSubcommand: LocationsList.self)
}

struct LocationsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every location, with how many copies belong there and how many are there now.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let locations = try catalogue.open(create: false).locationCounts()
        try output.print(locations) {
            var table = Table("LOCATION", "HOMED", "NOW AT")
            for l in locations { table.add(l.location, String(l.homed), String(l.nowAt)) }
            Terminal.out(table.render())
        }
    }
}
