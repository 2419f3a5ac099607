/// A search as lawcat understands it, parsed from what the user typed. The
/// parser accepts any text: only `name:value` with an unknown `name` is an
/// error. Nothing the user types reaches FTS5 as syntax: words are quoted
/// one by one when the MATCH expression is built.
public struct SearchQuery: Equatable, Sendable {
    /// Words (or phrases) to find, each optionally within one column.
    public struct Term: Equatable, Sendable {
        /// Folded words; more than one for a quoted phrase.
        public var words: [String]
        public var column: Column?
        public var negated: Bool
        /// The edition number or year the word stands for (`34th`, `2021`,
        /// `thirty-fourth`, and `-34th` left out): see Editions.swift. Nil for other words.
        public var number: Int? = nil
        public var isPhrase: Bool { words.count > 1 }
    }

    /// The full-text columns a term may be held to.
    public enum Column: String, Sendable {
        case title, authors, subjects, jurisdiction
    }

    /// A condition on the book or its copies, not on its words.
    public enum Condition: Equatable, Sendable {
        case jurisdiction(String)
        /// A valid ISBN, as its ISBN-13.
        case isbn(String)
        /// Something that is not an ISBN, compared with the ISBNs as written
        /// (hyphens and spaces ignored).
        case isbnText(String)
        case barcode(String)
        /// Inclusive years; nil is open.
        case years(from: Int?, to: Int?)
        /// A copy whose current location is this path or under it.
        case at(String)
        case status(StatusFilter)
    }

    public enum StatusFilter: String, Sendable, CaseIterable {
        case onLoan = "on-loan", missing, onShelf = "on-shelf", overdue
    }

    public struct Filter: Equatable, Sendable {
        public var condition: Condition
        public var negated: Bool
    }

    public var terms: [Term] = []
    public var filters: [Filter] = []
    /// True when the text ends inside its last word (no trailing space): that
    /// word also matches as a prefix, as while typing.
    public var lastWordIsOpen = false
    /// Why an `isbn:` value may find nothing: its check digit is wrong.
    public var isbnHint: String?

    public var positiveTerms: [Term] { terms.filter { !$0.negated } }
    public var isEmpty: Bool { terms.isEmpty && filters.isEmpty }

    /// The field names lawcat knows, as the error message lists them.
    public static let fieldNames = [
        "title", "author", "by", "subject", "jurisdiction", "j", "isbn", "barcode", "year", "at", "is",
    ]

    // MARK: Parsing

    public static func parse(_ text: String) throws -> SearchQuery {
        var query = SearchQuery()
        let chars = Array(text)
        var i = 0
        func isSpace(_ c: Character) -> Bool { c.isWhitespace }

        /// Reads a quoted string starting at the quote; a missing closing quote ends it at the end.
        func readQuoted() -> String {
            i += 1
            var value = ""
            while i < chars.count && chars[i] != "\"" {
                value.append(chars[i])
                i += 1
            }
            if i < chars.count { i += 1 }
            return value
        }
        func readRun() -> String {
            var value = ""
            while i < chars.count && !isSpace(chars[i]) {
                value.append(chars[i])
                i += 1
            }
            return value
        }

        var lastWasOpenWord = false
        while i < chars.count {
            lastWasOpenWord = false
            if isSpace(chars[i]) {
                i += 1
                continue
            }
            var negated = false
            if chars[i] == "-" && i + 1 < chars.count && !isSpace(chars[i + 1]) {
                negated = true
                i += 1
            }
            if chars[i] == "\"" {
                query.add(words: Words.split(Vocabulary.fold(readQuoted())), column: nil, phrase: true, negated: negated)
                continue
            }
            // A field is letters then a colon then something, with no space between.
            var nameEnd = i
            while nameEnd < chars.count && chars[nameEnd].isLetter { nameEnd += 1 }
            if nameEnd > i && nameEnd + 1 < chars.count && chars[nameEnd] == ":" && !isSpace(chars[nameEnd + 1]) {
                let name = String(chars[i..<nameEnd]).lowercased()
                guard fieldNames.contains(name) else {
                    let run = readRun()
                    throw CatalogueError.invalidField(
                        field: "search field", value: run,
                        reason: "lawcat knows " + fieldNames.map { $0 + ":" }.joined(separator: " ")
                            + " (put a space after the colon to search for the text)")
                }
                i = nameEnd + 1
                let quoted = chars[i] == "\""
                let value = quoted ? readQuoted() : readRun()
                try query.addField(name, value: value, quoted: quoted, negated: negated)
                lastWasOpenWord = !quoted && !negated && ["title", "author", "by", "subject"].contains(name)
                continue
            }
            let run = readRun()
            let words = Words.split(Vocabulary.fold(run))
            query.add(words: words, column: nil, phrase: false, negated: negated)
            lastWasOpenWord = !negated && !words.isEmpty
        }
        // The last word is open when the text ends in it (no space, quote or punctuation after it).
        if lastWasOpenWord, let last = text.last, last.isLetter || last.isNumber {
            query.lastWordIsOpen = true
        }
        query.markEditionsAndYears()
        return query
    }

    mutating func add(words: [String], column: Column?, phrase: Bool, negated: Bool) {
        guard !words.isEmpty else { return }
        if phrase {
            terms.append(Term(words: words, column: column, negated: negated))
        } else if negated {
            // `-new-york` leaves out books with both words.
            terms.append(Term(words: words, column: column, negated: true))
        } else {
            for word in words { terms.append(Term(words: [word], column: column, negated: false)) }
        }
    }

    mutating func addField(_ name: String, value: String, quoted: Bool, negated: Bool) throws {
        let trimmed = value.trimmed
        switch name {
        case "title", "author", "by", "subject":
            let column: Column = name == "title" ? .title : name == "subject" ? .subjects : .authors
            add(words: Words.split(Vocabulary.fold(trimmed)), column: column, phrase: quoted, negated: negated)
        case "jurisdiction", "j":
            guard !trimmed.isEmpty else { return }
            filters.append(Filter(condition: .jurisdiction(trimmed), negated: negated))
        case "isbn":
            let isbn = trimmed.filter { $0 != "-" && $0 != " " }
            guard !isbn.isEmpty else { return }
            switch ISBN.read(isbn) {
            case .valid(let valid): filters.append(Filter(condition: .isbn(valid.isbn13), negated: negated))
            case .badCheckDigit(let expected):
                // Found only if a book was catalogued with this very text; else the hint says why not.
                filters.append(Filter(condition: .isbnText(isbn), negated: negated))
                isbnHint = ISBN.checkDigitError(trimmed, expected: expected).message
            case .notAnISBN: filters.append(Filter(condition: .isbnText(isbn), negated: negated))
            }
        case "barcode":
            guard !trimmed.isEmpty else { return }
            filters.append(Filter(condition: .barcode(trimmed), negated: negated))
        case "year":
            guard !trimmed.isEmpty else { return }
            filters.append(Filter(condition: try Self.years(trimmed), negated: negated))
        case "at":
            guard !trimmed.isEmpty else { return }
            filters.append(Filter(condition: .at(try LocationPath.normalise(trimmed)), negated: negated))
        case "is":
            guard !trimmed.isEmpty else { return }
            guard let status = Self.status(trimmed) else {
                throw CatalogueError.invalidField(
                    field: "is:", value: trimmed,
                    reason: "write is:on-loan, is:missing, is:on-shelf or is:overdue")
            }
            filters.append(Filter(condition: .status(status), negated: negated))
        default:
            break
        }
    }

    static func status(_ text: String) -> StatusFilter? {
        switch text.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "on-loan", "onloan", "loan", "out", "borrowed": .onLoan
        case "missing", "lost": .missing
        case "on-shelf", "onshelf", "shelf", "in", "available": .onShelf
        case "overdue", "late": .overdue
        default: nil
        }
    }

    /// `2015`, `2015..`, `..1999`, `2010..2020`.
    static func years(_ text: String) throws -> Condition {
        func year(_ part: Substring) throws -> Int? {
            if part.isEmpty { return nil }
            guard part.count == 4, let value = Int(part) else { throw invalid() }
            return value
        }
        func invalid() -> CatalogueError {
            .invalidField(
                field: "year", value: text,
                reason: "write year:2015, year:2015.., year:..1999 or year:2010..2020")
        }
        if let range = text.range(of: "..") {
            let from = try year(text[..<range.lowerBound]), to = try year(text[range.upperBound...])
            guard from != nil || to != nil else { throw invalid() }
            if let from, let to, from > to { return .years(from: to, to: from) }
            return .years(from: from, to: to)
        }
        guard let single = try year(Substring(text)) else { throw invalid() }
        return .years(from: single, to: single)
    }
}
