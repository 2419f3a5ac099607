import ArgumentParser
import Catalogue
import Foundation

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
    /// For bench/search.sh: a file of `label<TAB>query` lines to time in process.
    @Option(help: .hidden)
    var benchQueries: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        if let benchQueries {
            try SearchBenchmark.run(file: benchQueries, catalogue: catalogue.open(create: false), limit: limit)
            return
        }
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

/// Search results as a table, with the matched words highlighted on a terminal.
enum SearchRendering {
    static func list(_ result: SearchResult) -> String {
        BookRendering.list(result.books) { highlight($0, result.matchedWords) }
    }

    /// Each word of `text` that starts with a matched word (or is a matched
    /// word's stem: `contracts` for `contract`) in bold yellow. Padding is
    /// done first, so escapes never upset alignment.
    static func highlight(_ text: String, _ matched: [String]) -> String {
        guard Terminal.colour, !matched.isEmpty else { return text }
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let folded = SearchFolding.fold(word)
            let hit = matched.contains { m in
                folded.hasPrefix(m) || (m.count >= 4 && m.hasPrefix(folded) && folded.count >= m.count - 2)
            }
            out += hit ? "\u{1B}[1;33m" + word + "\u{1B}[0m" : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}

/// Lower case without diacritics, as the catalogue compares words.
enum SearchFolding {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}

/// `lawcat search --bench-queries FILE` (hidden): times each query in process,
/// after one warm-up pass, and prints the median and 99th percentile per label.
enum SearchBenchmark {
    static func run(file: String, catalogue: CatalogueDatabase, limit: Int) throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CatalogueError.fileNotFound(path: file)
        }
        let queries: [(label: String, query: String)] = text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        for (_, query) in queries { _ = try catalogue.search(query, limit: limit) }  // warm the page cache
        var times: [String: [Double]] = [:]
        var labels: [String] = []
        for (label, query) in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try catalogue.search(query, limit: limit)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if times[label] == nil { labels.append(label) }
            times[label, default: []].append(elapsed)
        }
        for label in labels {
            let sorted = times[label]!.sorted()
            let median = sorted[sorted.count / 2]
            let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
            Terminal.line("\(label)\t\(sorted.count)\t" + String(format: "%.2f\t%.2f", median, p99))
        }
    }
}
