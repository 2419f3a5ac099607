// `lawcat search`: books by title, author, subject or jurisdiction, best first.
import ArgumentParser
import Catalogue

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find books by title, author, subject or jurisdiction, best first, forgiving typos.",
        discussion: """
            Words may be misspelt. Fields: title: author: (by:) subject: jurisdiction: (j:)
            isbn: barcode: year:2015.. year:..1999 year:2010..2020 at:LOCATION
            is:on-loan is:missing is:on-shelf is:overdue. "Quoted phrases", -word and
            -field:value leave books out. A bare barcode or ISBN shows its book.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The most books to show.")
    var limit = 20
    /// Every word, including ones starting with a dash (`-scotland`, `-j:us`), which
    /// would otherwise be taken for options.
    @Argument(parsing: .allUnrecognized, help: "What to look for: words, \"phrases\", fields, -word to leave out.")
    var words: [String] = []

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        // A lone `--` ends the options, as everywhere; it is not a word to look for.
        let query = words.filter { $0 != "--" }.joined(separator: " ")
        let result = try catalogue.open(create: false).search(query, limit: limit)
        if output.json {
            try Terminal.json(result.books)
            if let notice = result.notice { Terminal.note(notice + "\n") }
            if result.books.isEmpty, let suggestion = result.suggestion {
                Terminal.note("did you mean: \(suggestion)\n")
            }
            return
        }
        if let notice = result.notice { Terminal.line(notice) }
        if result.books.isEmpty {
            guard result.notice == nil else { return }
            var line = "no books match '\(query)'"
            if let suggestion = result.suggestion { line += "; did you mean: \(suggestion)" }
            Terminal.line(line)
            return
        }
        if result.jumped, let book = result.books.first {
            Terminal.out(BookRendering.details(book))
            return
        }
        if result.exactCount == 0, let suggestion = result.suggestion {
            Terminal.line("nothing matches '\(query)' as typed; showing results for: \(suggestion)")
        }
        Terminal.out(SearchRendering.list(result))
    }
}
