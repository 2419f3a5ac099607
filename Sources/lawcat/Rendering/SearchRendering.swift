// How search results look on a terminal: the book list, with the words the
// search matched in bold yellow (the library says which words those are).
import Catalogue

/// Search results as a table, with the matched words highlighted on a terminal.
enum SearchRendering {
    static func list(_ result: SearchResult) -> String {
        BookRendering.list(result.books) { highlight($0, result) }
    }

    /// Each word of `text` that the search matched in bold yellow. Padding is
    /// done first, so escapes never upset alignment.
    static func highlight(_ text: String, _ result: SearchResult) -> String {
        guard Terminal.colour, !result.matchedWords.isEmpty else { return text }
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            out += result.matches(word: word) ? "\u{1B}[1;33m" + word + "\u{1B}[0m" : word
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
