import Foundation
import GRDB

/// The correction index: every distinct word of the catalogue's titles,
/// authors, subjects and jurisdictions (folded: lower case, no diacritics),
/// stored twice, by (length, word) and by (length, word reversed).
///
/// A typed word with one typo shares its first half or its second half with
/// the word meant, so the words one edit away are found by two range scans
/// (prefix of the typed word, suffix through the reversed table) over three
/// lengths, then checked with a true edit distance. Two typos (typed words of
/// 9 letters or more) split the word in thirds: the first third intact is a
/// prefix scan, the last third intact a suffix scan, and the rare case of one
/// typo in each outer third enumerates the one-edit variants (letters a-z,
/// about 200) of the first third before the intact middle, all prefix scans
/// in one statement. Nothing is loaded at start-up; a correction costs a few
/// index seeks (1-3 ms at a million books). Known gap: two edits of which one
/// swaps the letters either side of a third's boundary may be missed.
///
/// Keeping it in step: triggers on `book` (schema.sql, "v3-search-vocabulary")
/// note each added or edited book in `search_pending`, in the same transaction
/// as the change and at the cost of one small insert; `add`, `edit` and
/// `import` then call `refresh` before they commit, so the index is complete
/// whenever a search reads it and searches never write. (Rows an older lawcat
/// left pending are folded in by `refreshSearchIndex` before a search.) Words of
/// deleted or edited books are left behind: a correction to a word that no
/// book has any more simply matches nothing.
enum Vocabulary {
    /// Words shorter than this are never corrected, so are not indexed.
    static let shortestIndexed = 4
    /// Words longer than this are not corrected.
    static let longestCorrected = 32
    /// Only the first this many words of a query are corrected.
    static let mostCorrectedWords = 12

    /// Lower case, diacritics removed: what `remove_diacritics 2` compares.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Decompose, drop the combining diacritics, lower-case; other marks are left for `Words.split`.
        var view = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            view.append(scalar)
        }
        return String(view).lowercased()
    }

    /// How many edits a typed word may be away from the word meant.
    static func allowedEdits(_ word: String) -> Int {
        let length = word.unicodeScalars.count
        if length >= 9 { return 2 }
        if length >= 5 { return 1 }
        return 0
    }

    static func isIndexable(_ word: String) -> Bool {
        word.unicodeScalars.count >= shortestIndexed && !word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    // MARK: Keeping in step

    /// Folds the words of books added or edited since the last refresh into
    /// the index. One write transaction; cheap when nothing is pending.
    static func refresh(_ db: Database) throws {
        var words = Set<String>()
        // Books numbered by no lawcat yet (a catalogue just migrated to v6) get their edition's number.
        var numbered: [(id: Int64, number: Int?)] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT b.title, b.authors, b.subjects, b.jurisdiction, b.id, b.edition, b.edition_number
                FROM search_pending p JOIN book b ON b.id = p.book_id
                """)
        while let row = try rows.next() {
            for column in 0..<4 {
                guard let text: String = row[column] else { continue }
                addWords(of: text, to: &words)
            }
            let number = Edition.number(of: row[5])
            if number != row[6] { numbered.append((row[4], number)) }
        }
        for (id, number) in numbered {
            try db.cachedStatement(sql: "UPDATE book SET edition_number = ? WHERE id = ?").execute(arguments: [number, id])
        }
        try store(VocabularyWords(words), in: db)
        try db.execute(sql: "DELETE FROM search_pending")
    }

    /// Folds an import's words into the index: `words` were gathered as the
    /// file was read (see `ImportReader`), so the imported books, which the
    /// import kept out of `search_pending` (see `LiftedBookTriggers`), are not
    /// read back. Anything else still pending is folded as `refresh` does.
    static func refresh(_ db: Database, imported words: VocabularyWords) throws {
        try store(words, in: db)
        try refresh(db)
    }

    /// Adds words to both tables, a few thousand a statement, in the order
    /// of each table's key: each B-tree grows at its end.
    static func store(_ words: VocabularyWords, in db: Database) throws {
        for (table, column, list) in [
            ("search_word", "word", words.forward), ("search_word_reversed", "reversed", words.reversed),
        ] {
            var start = 0
            while start < list.count {
                let end = min(start + storedAtOnce, list.count)
                var values = BulkValues()
                values.reserve(values: (end - start) * 2, bytes: (end - start) * 12)
                for word in list[start..<end] {
                    values.append(Int64(word.length))
                    values.append(word.text)
                }
                try db.run(
                    db.cachedStatement(
                        sql: """
                            INSERT OR IGNORE INTO \(table)(length, \(column))
                            VALUES \(Database.placeholders(rows: end - start, columns: 2))
                            """),
                    with: values)
                start = end
            }
        }
    }

    /// Words a statement in `store` (two SQL variables each).
    static let storedAtOnce = 4096

    /// Adds the indexable folded words of `text`. Catalogue text is mostly
    /// ASCII, split here byte by byte (a million books take seconds, not
    /// minutes); only a run of bytes holding something else goes through
    /// `fold` and `Words.split`. ASCII letters and digits are the only ASCII
    /// word characters for both, so the runs split the same either way.
    static func addWords(of text: String, to words: inout Set<String>) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var nonASCII = false
            func flush() {
                if nonASCII {
                    for found in Words.split(fold(String(decoding: word, as: UTF8.self))) where isIndexable(found) {
                        words.insert(found)
                    }
                } else if word.count >= shortestIndexed && !word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    words.insert(String(decoding: word, as: UTF8.self))
                }
                word.removeAll(keepingCapacity: true)
                nonASCII = false
            }
            for byte in bytes {
                switch byte {
                case 0x80...:
                    word.append(byte)
                    nonASCII = true
                case 0x41...0x5A: word.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                default: if !word.isEmpty { flush() }
                }
            }
            if !word.isEmpty { flush() }
        }
    }

    static func reversedScalars(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: word.unicodeScalars.reversed())
        return String(result)
    }

    // MARK: Corrections

    /// True when some book has (or had) this folded word.
    static func isKnown(_ word: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM search_word WHERE length = ? AND word = ?)"),
            arguments: [word.unicodeScalars.count, word]) ?? false
    }

    /// Catalogue words that begin with `prefix` and are longer, at most
    /// `limit` of them; nil when there are more (the caller then lets FTS5
    /// match the prefix itself). Only for a prefix of 3 letters or more with
    /// no digit: every longer word is then in the index (shortestIndexed is
    /// 4, and numbers are left out). One index seek for each length the
    /// index holds above the prefix's, hopping from one to the next, so a
    /// catalogue with one absurdly long word costs one seek more, not one a letter.
    static func extensions(of prefix: String, limit: Int, in db: Database) throws -> [String]? {
        guard prefix.unicodeScalars.count >= shortestIndexed - 1,
            !prefix.unicodeScalars.contains(where: { $0.properties.numericType != nil })
        else { return nil }
        let words = try String.fetchAll(
            db.cachedStatement(sql: """
                WITH RECURSIVE lengths(length) AS (
                  SELECT min(length) FROM search_word WHERE length > ?1
                  UNION ALL
                  SELECT (SELECT min(length) FROM search_word WHERE length > lengths.length)
                  FROM lengths WHERE lengths.length IS NOT NULL
                )
                SELECT w.word FROM lengths CROSS JOIN search_word w
                ON w.length = lengths.length AND w.word > ?2 AND w.word <= ?3
                LIMIT ?4
                """),
            arguments: [prefix.unicodeScalars.count, prefix, prefix + "\u{10FFFF}", limit + 1])
        return words.count > limit ? nil : words
    }

    /// Catalogue words that begin with `prefix` and are longer by at most
    /// `extra` letters, shortest first, at most `limit`: the words whose
    /// Porter stem may be cut into the prefix (`nationa`: "national", stem
    /// "nation"), which a prefix of stems would miss. One index seek a length.
    static func shortExtensions(of prefix: String, extra: Int, limit: Int, in db: Database) throws -> [String] {
        let length = prefix.unicodeScalars.count
        // Whole numbers, not text from the query.
        let lengths = (length + 1...length + extra).map(String.init).joined(separator: ", ")
        return try String.fetchAll(
            db.cachedStatement(sql: """
                SELECT word FROM search_word WHERE length IN (\(lengths)) AND word > ? AND word <= ?
                ORDER BY length, word LIMIT ?
                """),
            arguments: [prefix, prefix + "\u{10FFFF}", limit])
    }

    /// Catalogue words within the allowed number of edits of `typed`
    /// (folded), nearest first, at most `limit`; `typed` itself is left out.
    static func corrections(of typed: String, edits: Int? = nil, limit: Int = 8, in db: Database) throws -> [(word: String, distance: Int)] {
        let k = edits ?? allowedEdits(typed)
        let t = Array(typed.unicodeScalars)
        let n = t.count
        // Longer than any real word: not worth correcting (and 10,000 letters must stay quick).
        guard k > 0, n >= 3, n <= longestCorrected else { return [] }
        let lengths = Array(max(shortestIndexed, n - k)...(n + k))
        let placeholders = lengths.map { _ in "?" }.joined(separator: ", ")
        var candidates = Set<String>()

        func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        func prefixed(_ prefix: String) throws {
            for word in try String.fetchAll(
                db.cachedStatement(sql: """
                    SELECT word FROM search_word
                    WHERE length IN (\(placeholders)) AND word >= ? AND word <= ?
                    """),
                arguments: StatementArguments(lengths + [prefix, prefix + "\u{10FFFF}"] as [any DatabaseValueConvertible]))
            {
                candidates.insert(word)
            }
        }
        /// Many prefixes in one statement: SQLite seeks the index once a prefix
        /// (CROSS JOIN keeps the prefixes as the outer loop).
        func prefixedAll(_ prefixes: [String]) throws {
            for word in try String.fetchAll(
                db.cachedStatement(sql: """
                    SELECT w.word FROM json_each(?) p CROSS JOIN search_word w
                    ON w.length IN (\(placeholders))
                      AND w.word >= p.value AND w.word <= p.value || char(1114111)
                    """),
                arguments: StatementArguments([JSONList.encode(prefixes)] + lengths as [any DatabaseValueConvertible]))
            {
                candidates.insert(word)
            }
        }
        func suffixed(_ suffix: String) throws {
            let reversed = reversedScalars(suffix)
            for word in try String.fetchAll(
                db.cachedStatement(sql: """
                    SELECT reversed FROM search_word_reversed
                    WHERE length IN (\(placeholders)) AND reversed >= ? AND reversed <= ?
                    """),
                arguments: StatementArguments(lengths + [reversed, reversed + "\u{10FFFF}"] as [any DatabaseValueConvertible]))
            {
                candidates.insert(reversedScalars(word))
            }
        }

        if k == 1 {
            // One edit: it lies in one half (or swaps the two middle letters).
            let half = n / 2
            try prefixed(string(t[..<half]))
            try suffixed(string(t[half...]))
            var swapped = t
            swapped.swapAt(half - 1, half)
            try prefixed(string(swapped[...]))
        } else {
            // Two edits: one third is intact.
            let third = n / 3
            let a = t[..<third], b = t[third..<(n - third)], c = t[(n - third)...]
            try prefixed(string(a))
            try suffixed(string(c))
            // One edit in each outer third: the first third one edit off, then the intact middle.
            let middle = string(b)
            try prefixedAll(oneEditVariants(Array(a)).map { $0 + middle })
        }

        var found: [(word: String, distance: Int)] = []
        for candidate in candidates where candidate != typed {
            let distance = EditDistance.between(t, Array(candidate.unicodeScalars), limit: k)
            if distance <= k { found.append((candidate, distance)) }
        }
        // Nearest first; among equals, the length nearest the typed word, then alphabetical (stable output).
        found.sort {
            if $0.distance != $1.distance { return $0.distance < $1.distance }
            let l0 = abs($0.word.unicodeScalars.count - n), l1 = abs($1.word.unicodeScalars.count - n)
            if l0 != l1 { return l0 < l1 }
            return $0.word < $1.word
        }
        return Array(found.prefix(limit))
    }

    /// Every string one insertion, deletion, substitution or swap of
    /// neighbours away from `s`, over the letters a-z.
    static func oneEditVariants(_ s: [Unicode.Scalar]) -> Set<String> {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        var variants = Set<String>()
        func add(_ scalars: [Unicode.Scalar]) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            variants.insert(String(view))
        }
        for i in 0..<s.count {
            var deleted = s
            deleted.remove(at: i)
            add(deleted)
            for letter in alphabet where letter != s[i] {
                var substituted = s
                substituted[i] = letter
                add(substituted)
            }
            if i + 1 < s.count {
                var swapped = s
                swapped.swapAt(i, i + 1)
                add(swapped)
            }
        }
        for i in 0...s.count {
            for letter in alphabet {
                var inserted = s
                inserted.insert(letter, at: i)
                add(inserted)
            }
        }
        return variants
    }
}

/// Folded words ready to be stored, each with its length in characters, in
/// the order of the correction index's keys: by length, then byte by byte
/// (SQLite's BINARY collation), spelt forwards and spelt backwards.
struct VocabularyWords: Sendable {
    struct Word: Sendable {
        var length: Int
        var text: String
    }

    var forward: [Word]
    var reversed: [Word]

    init(_ words: Set<String>) {
        func inKeyOrder(_ a: Word, _ b: Word) -> Bool {
            a.length != b.length ? a.length < b.length : a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
        }
        forward = words.map { Word(length: $0.unicodeScalars.count, text: $0) }
        reversed = forward.map { Word(length: $0.length, text: Vocabulary.reversedScalars($0.text)) }
        forward.sort(by: inKeyOrder)
        reversed.sort(by: inKeyOrder)
    }
}
