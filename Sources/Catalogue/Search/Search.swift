import GRDB

/// Words as the full-text index sees them: runs of letters and digits.
/// Everything else a user types (quotes, `*`, brackets, operators) separates
/// words and is never handed to FTS5 as syntax.
enum Words {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// An FTS5 string literal: the word in double quotes (a quote inside doubled).
    static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

// MARK: - Search

extension CatalogueDatabase {
    /// Books matching every word of `query`, best first: BM25 with the title
    /// weighted above authors, above subjects, above jurisdiction. The last
    /// word also matches as a prefix, as while typing.
    public func search(_ query: String, limit: Int = 20) throws -> [BookDetails] {
        let words = Words.split(query)
        guard !words.isEmpty, limit > 0 else { return [] }
        let match = words.enumerated().map { index, word in
            Words.quoted(word) + (index == words.count - 1 ? " *" : "")
        }.joined(separator: " AND ")
        return try read { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT rowid FROM book_fts WHERE book_fts MATCH ?
                    ORDER BY bm25(book_fts, 10.0, 5.0, 2.0, 1.0), rowid LIMIT ?
                    """,
                arguments: [match, limit])
            return try db.details(ofIDs: ids)
        }
    }
}
