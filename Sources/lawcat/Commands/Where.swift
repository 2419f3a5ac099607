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
        if output.json {
            try Terminal.json(answer.copies)
            return
        }
        try Self.show(answer)
    }

    /// The human answer: each copy's sentence and trail, then the next matches.
    static func show(_ answer: WhereAnswer) throws {
        if let first = answer.copies.first {
            Terminal.line(Style.bold.apply(first.title) + "  (book \(first.bookID))")
        }
        if answer.copies.isEmpty { Terminal.line("This book has no copies.") }
        for copy in answer.copies {
            Terminal.line()
            let status = BookRendering.statusStyle(copy.status.rawValue)?.apply(copy.status.rawValue) ?? copy.status.rawValue
            Terminal.line("\(copy.barcode)  \(status)  home \(copy.home)")
            Terminal.line("  " + CirculationRendering.answer(copy))
            if !copy.trail.isEmpty { Terminal.out(CirculationRendering.trail(copy.trail, indent: "    ")) }
        }
        if !answer.otherMatches.isEmpty {
            Terminal.line()
            Terminal.line("Next matches (ask with more words, an ISBN or a barcode):")
            for book in answer.otherMatches {
                let facts = [book.fields.edition, book.fields.date].compactMap { $0 }.joined(separator: ", ")
                Terminal.line("  \(book.id)  \(book.fields.title.truncated(to: 70))" + (facts.isEmpty ? "" : " (\(facts))"))
            }
        }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every event of a copy, oldest first.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String

    func run() throws {
        let (copy, events) = try catalogue.open(create: false).history(barcode: barcode)
        if output.json {
            try Terminal.json(events)
            return
        }
        Terminal.line("\(copy.barcode)  '\(copy.title.truncated(to: 60))'  home \(copy.home)")
        Terminal.line("  " + CirculationRendering.answer(copy))
        Terminal.out(CirculationRendering.trail(events, indent: "  "))
    }
}
