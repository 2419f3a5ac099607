// `lawcat stocktake`: take stock of a location from scanned barcodes.
import ArgumentParser
import Catalogue

struct Stocktake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stocktake",
        abstract: "Take stock of a location from scanned barcodes.",
        discussion: """
            Reads barcodes one per line from FILE, or standard input when FILE is - or left
            out. Every known scanned copy is seen at LOCATION (a missing one is found, one on
            loan is checked in). Then it lists: present, misplaced (homed elsewhere), not seen
            (homed here, believed here, not scanned), elsewhere (homed here but last placed
            somewhere else, e.g. by an earlier shelf's scan), on loan, still missing, unknown
            barcodes and barcodes scanned twice. One transaction.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The location being stocktaken (copies homed under it count too).")
    var location: String
    @Argument(help: "A file of scanned barcodes, or - for standard input (the default).")
    var file: String = "-"
    @Flag(help: "Report what the stocktake would find and record, changing nothing.")
    var dryRun = false
    @Flag(help: "Mark every not-seen copy missing, naming the stocktake in the note.")
    var markMissing = false

    func run() throws {
        let lines = try Scanner.lines(of: file)
        let report = try catalogue.open(create: !dryRun).stocktake(
            at: location, scanned: lines, dryRun: dryRun, markMissing: markMissing)
        try output.print(report) { Terminal.out(StocktakeRendering.report(report, markMissing: markMissing)) }
    }
}
