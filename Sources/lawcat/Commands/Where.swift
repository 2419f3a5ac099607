// `lawcat where`: where every copy of a book is now.
import ArgumentParser
import Catalogue

struct Where: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "where",
        abstract: "Where is it now? Every copy of a book: where, who has it, or where it was last seen.",
        discussion: """
            Give a barcode (that copy first, then the book's other copies), an ISBN, or
            words: then lawcat answers for the best-matching book and names the next matches.
            Each copy's answer is followed by its last five events.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A barcode, an ISBN, or words from the title, authors or subjects.")
    var query: [String]

    func run() throws {
        let answer = try catalogue.open(create: false).whereabouts(query.joined(separator: " "))
        try output.print(answer.copies) { Terminal.out(CirculationRendering.whereabouts(answer)) }
    }
}
