// How `where` and `history` answer on a terminal: each copy's sentence, then
// its trail of events. The demo's tour prints the same.
import Catalogue

extension CirculationRendering {
    /// Each copy's status, sentence and trail, then the next matches.
    static func whereabouts(_ answer: WhereAnswer) -> String {
        var lines: [String] = []
        if let first = answer.copies.first {
            lines.append(Style.bold.apply(first.title) + "  (book \(first.bookID))")
        }
        if answer.copies.isEmpty { lines.append("This book has no copies.") }
        var text = lines.map { $0 + "\n" }.joined()
        for copy in answer.copies {
            let status = BookRendering.statusStyle(copy.status).apply(copy.status.rawValue)
            text += "\n\(copy.barcode)  \(status)  home \(copy.home)\n"
            text += "  " + self.answer(copy) + "\n"
            if !copy.trail.isEmpty { text += trail(copy.trail, indent: "    ") }
        }
        if !answer.otherMatches.isEmpty {
            text += "\nNext matches (ask with more words, an ISBN or a barcode):\n"
            for book in answer.otherMatches {
                let facts = [book.fields.edition, book.fields.date].compactMap { $0 }.joined(separator: ", ")
                text += "  \(book.id)  \(book.fields.title.truncated(to: 70))" + (facts.isEmpty ? "" : " (\(facts))") + "\n"
            }
        }
        return text
    }

    /// A copy's heading and sentence, then every event.
    static func history(_ copy: Whereabouts, _ events: [CopyEvent]) -> String {
        "\(copy.barcode)  '\(copy.title.truncated(to: 60))'  home \(copy.home)\n"
            + "  " + answer(copy) + "\n"
            + trail(events, indent: "  ")
    }
}
