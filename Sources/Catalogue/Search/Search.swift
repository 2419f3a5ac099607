import Foundation
import GRDB

/// Words as the full-text index sees them: runs of letters and digits.
/// Everything else a user types (quotes, `*`, brackets, operators) separates
/// words and is never handed to FTS5 as syntax.
enum Words {
    /// Splits as FTS5's `unicode61` tokenizer does: letters, numbers and
    /// private-use characters make words; combining diacritics (U+0300-U+036F)
    /// are dropped inside a word; anything else separates words (including the
    /// combining ligature halves U+FE20-U+FE2F of romanised titles).
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                current.append(scalar)
            case .nonspacingMark where (0x300...0x36F).contains(scalar.value):
                continue
            default:
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// An FTS5 string literal: the word in double quotes (a quote inside doubled).
    static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What a search found, best first.
public struct SearchResult: Sendable {
    public var books: [BookDetails]
    /// How many of `books` (the first ones) match every word as typed; the
    /// rest were found only through corrections.
    public var exactCount: Int
    /// A corrected query to suggest ("did you mean ...") when nothing, or
    /// only corrections, matched.
    public var suggestion: String?
    /// Folded words (as typed, and the corrections used) to highlight.
    public var matchedWords: [String]
    /// True when the query was a bare barcode or ISBN that named one book.
    public var jumped: Bool
    /// Something to tell the user about the query itself (an ISBN no book
    /// has), shown beside the results.
    public var notice: String? = nil

    public static let empty = SearchResult(books: [], exactCount: 0, suggestion: nil, matchedWords: [], jumped: false)
}

// MARK: - Search

extension CatalogueDatabase {
    /// Books matching `query` (lawcat's query language: see README
    /// "Searching"), best first: books that match every word as typed, then
    /// books found through corrections of typos, each group by BM25 with the
    /// title weighted above authors, above subjects, above jurisdiction.
    ///
    /// Throws `CatalogueError.invalidField` (exit 64) for `name:value` with an
    /// unknown field name, a malformed `year:` or an unknown `is:`.
    public func search(_ query: String, limit: Int = 20) throws -> SearchResult {
        let parsed = try SearchQuery.parse(query)
        guard limit > 0, !parsed.isEmpty else { return .empty }
        let today = clock.today
        // Books still pending (an older lawcat left them) are folded in first, by a write;
        // otherwise the search is one read transaction, the look for pending books in it.
        let lengths = keepsLengths.isSet ? lengthCache : nil
        if let found = try read({ db in try Self.hasPendingBooks(db) ? nil : Self.search(query, parsed, limit, today, lengths, db) }) {
            return found
        }
        try? refreshSearchIndex()
        return try read { db in try Self.search(query, parsed, limit, today, lengths, db) }
    }

    private static func hasPendingBooks(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM search_pending)")) ?? false
    }

    private static func search(
        _ query: String, _ parsed: SearchQuery, _ limit: Int, _ today: String, _ lengths: KnownLengthsCache?, _ db: Database
    ) throws -> SearchResult {
        guard let lengths else { return try search(query, parsed, limit, today, db) }
        let known = try lengths.lengths(db)
        return try KnownLengthsRegistry.shared.using(known, on: db) {
            try search(query, parsed, limit, today, db)
        }
    }

    private static func search(
        _ query: String, _ parsed: SearchQuery, _ limit: Int, _ today: String, _ db: Database
    ) throws -> SearchResult {
        switch try Searcher.jump(query, in: db) {
        case .book(let jumped):
            return SearchResult(books: try db.details(ofIDs: [jumped]), exactCount: 1, suggestion: nil, matchedWords: [], jumped: true)
        case .unknownISBN(let isbn):
            var result = SearchResult.empty
            result.notice = "no book has the ISBN \(isbn) (ISBN-10 and ISBN-13 compared alike)"
            return result
        case nil:
            break
        }
        var searcher = Searcher(query: parsed, limit: limit, today: today, db: db)
        return try searcher.run()
    }

    /// Folds the words of books still pending into the correction index.
    /// `add`, `edit` and `import` fold their books in the transaction that
    /// stores them, so on a catalogue written by this lawcat nothing is
    /// pending and a search only reads. Books left pending by an older lawcat
    /// (and every book of a catalogue just migrated to v3) are folded in by the
    /// first search that can write; on a read-only catalogue they stay pending
    /// and corrections miss their words until a write folds them in.
    public func refreshSearchIndex() throws {
        let pending = try read { db in try Self.hasPendingBooks(db) }
        guard pending else { return }
        try write { db in try Vocabulary.refresh(db) }
    }

    /// Plain FTS5: every word ANDed, as typed, in the four text columns, BM25
    /// with the same weights (`lawcat_bm25` with no filters: bm25() over the
    /// text). The baseline the search-quality test and the benchmark compare
    /// with. With `lastWordPrefix`, the last word also matches as a prefix.
    public func plainFullTextSearch(_ query: String, limit: Int, lastWordPrefix: Bool = false) throws -> [Int64] {
        var words = Words.split(query).map(Words.quoted)
        guard !words.isEmpty else { return [] }
        if lastWordPrefix { words[words.count - 1] += " *" }
        return try read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT rowid FROM book_fts WHERE book_fts MATCH ? ORDER BY \(KnownLengthsRanking.sql(filters: 0, weights: Searcher.weights)), rowid LIMIT ?",
                arguments: ["{title authors subjects jurisdiction} : (" + words.joined(separator: " AND ") + ")", limit])
        }
    }
}

/// One search, run in one read transaction.
struct Searcher {
    let query: SearchQuery
    let limit: Int
    let today: String
    let db: Database

    /// The SQL conditions on `book b` from filters and negated terms.
    private var conditions: [SQL] = []
    /// The initials as the index can ask for them (`PersonalNames.initialExpression`).
    private var initialExpressions: [String] = []
    private var correctionCache: [String: [(word: String, distance: Int)]] = [:]
    private var extensionCache: [String: [String]?] = [:]
    private var emptyCache: [String: Bool] = [:]
    private var stemmer: (any FTS5Tokenizer)?
    /// The MATCH expressions already collected, with how many extra
    /// conditions: the same statement again would find nothing new.
    private var collected = Set<String>()

    init(query: SearchQuery, limit: Int, today: String, db: Database) {
        self.query = query
        self.limit = limit
        self.today = today
        self.db = db
        for filter in query.filters {
            let condition = Self.sql(for: filter.condition, today: today)
            conditions.append(filter.negated ? "NOT coalesce(\(condition), 0)" : condition)
        }
        for term in query.terms where term.negated {
            // `-34th`, `-2021`: the books the edition or year would find are left out, tested
            // on the books the words found (the index's list of a year's books is long).
            if term.number != nil {
                conditions.append("NOT coalesce(\(Self.numberCondition(term, titleThroughIndex: true)), 0)")
                continue
            }
            let expression = Self.expression(term, alternatives: [], prefix: false)
            conditions.append("b.id NOT IN (SELECT rowid FROM book_fts WHERE book_fts MATCH \(expression))")
        }
    }

    enum Jump {
        case book(Int64)
        /// A valid ISBN that no book has: nothing to search for as text.
        case unknownISBN(String)
    }

    /// A bare barcode, book id or ISBN (one token with a digit, no field)
    /// names its book, as everywhere (`Database.resolve`). A token shaped as
    /// an ISBN with a wrong check digit is refused (a typo); a valid ISBN no
    /// book has is said so rather than searched for as a word.
    static func jump(_ text: String, in db: Database) throws -> Jump? {
        let token = text.trimmed
        guard !token.isEmpty, !token.contains(where: \.isWhitespace), token.contains(where: \.isNumber),
            !token.contains(":")
        else { return nil }
        if let found = try db.resolve(token) { return .book(found.bookID) }
        return ISBN(token) == nil ? nil : .unknownISBN(token)
    }

    static func sql(for condition: SearchQuery.Condition, today: String) -> SQL {
        switch condition {
        case .jurisdiction(let name):
            return Jurisdiction.filter(name, alias: "b")
        case .isbn(let isbn13):
            return Database.isbnCondition(isbn13, table: "b")
        case .isbnText(let text):
            return Database.isbnCondition(text, table: "b")
        case .barcode(let barcode):
            return "b.id IN (SELECT book_id FROM copy WHERE barcode = \(barcode) COLLATE NOCASE)"
        case .years(let from, let to):
            var parts: [SQL] = ["b.date IS NOT NULL"]
            if let from { parts.append("b.date >= \(String(format: "%04d", from))") }
            if let to { parts.append("b.date < \(String(format: "%04d", to + 1))") }
            return "(\(parts.joined(separator: " AND ")))"
        case .at(let path):
            return "b.id IN (SELECT c.book_id FROM copy c JOIN location l ON l.id = c.location_id WHERE \(LocationPath.under("l", path)))"
        case .status(let status):
            switch status {
            case .overdue:
                return "b.id IN (SELECT book_id FROM copy WHERE status = \(CopyStatus.onLoan) AND due < \(today))"
            case .onLoan:
                return "b.id IN (SELECT book_id FROM copy WHERE status = \(CopyStatus.onLoan))"
            case .missing:
                return "b.id IN (SELECT book_id FROM copy WHERE status = \(CopyStatus.missing))"
            case .onShelf:
                return "b.id IN (SELECT book_id FROM copy WHERE status = \(CopyStatus.onShelf))"
            }
        }
    }

    /// How one word is asked for as a prefix (see `prefixWords`).
    struct PrefixWords {
        /// The longer catalogue words it begins, asked for instead of FTS5's prefix; nil: FTS5's prefix.
        var listed: [String]?
        /// With FTS5's prefix: what FTS5 is asked for as the prefix of each form (`prefixToken`).
        var tokens: [String] = []
        /// With FTS5's prefix: the words it begins that FTS5's prefix misses, because their
        /// Porter stem is shorter than the typed word ("employment", stem "employ", for `employm`).
        var beyondStem: [String] = []
    }

    /// One term as FTS5 syntax: every word quoted, never the user's text.
    /// A prefix is asked for as `words` says: its listed words, or FTS5's
    /// prefix (with the words beyond its stem).
    static func expression(
        _ term: SearchQuery.Term, variants: [String] = [], alternatives: [String], prefix: Bool, words: PrefixWords? = nil,
        alone: Bool = false
    ) -> String {
        var core: String
        if alone {
            // The alternatives without the word itself.
            core = alternatives.map(Words.quoted).joined(separator: " OR ")
            if alternatives.count > 1 { core = "(" + core + ")" }
        } else if term.isPhrase {
            core = Words.quoted(term.words.joined(separator: " "))
        } else {
            // A prefix covers the word's other spellings too (`labour*` and `labor*`), so each finds the same books.
            let forms = [term.words[0]] + variants
            let typed: [String]
            if prefix, let listed = words?.listed {
                typed = (forms + listed).map(Words.quoted)
            } else {
                let asked = prefix && words?.tokens.count == forms.count ? words?.tokens ?? forms : forms
                typed = asked.map { Words.quoted($0) + (prefix ? " *" : "") } + (prefix ? (words?.beyondStem ?? []).map(Words.quoted) : [])
            }
            core = (typed + alternatives.map(Words.quoted)).joined(separator: " OR ")
            if typed.count + alternatives.count > 1 { core = "(" + core + ")" }
        }
        if let column = term.column { core = "\(column.rawValue) : \(core.hasPrefix("(") ? core : "(" + core + ")")" }
        return core
    }

    /// How the forms of one word (as typed, and its other spellings) are asked
    /// for as a prefix, from the longer catalogue words each begins
    /// (`Vocabulary.extensions`, at most `mostExtensions` a form), one word a
    /// Porter stem, none with a form's own stem (found with the word itself).
    ///
    /// A word some book has (`history`, `prejudiced`) lists them: FTS5's prefix
    /// would merge the postings of every word of its stem (`histori*`: 46,000
    /// books at 241,203) before it looked at the other words, and the listed
    /// words are each a look-up. And a word is a prefix of the words that start
    /// with it, as docs/searching.md says: `prejudiced` does not bring
    /// "prejudicial" (`prejudic*`). A fragment while typing (`contr`) keeps
    /// FTS5's prefix, which scores every word it covers as one, so the
    /// shortest titles with any of them come first, plus the words whose stems
    /// it misses (`employm` and "employment"). More words than can be listed:
    /// FTS5's prefix, plus the words among the shorter ones whose stems it
    /// misses (`nationa` and "national").
    mutating func prefixWords(_ forms: [String]) throws -> PrefixWords {
        // Every form's words, or nil when some form begins more than can be listed.
        var all: [String]? = []
        for form in forms {
            if extensionCache[form] == nil {
                extensionCache[form] = .some(try Vocabulary.extensions(of: form, limit: Self.mostExtensions, in: db))
            }
            if let found = extensionCache[form] ?? nil, all != nil { all? += found } else { all = nil }
        }
        var isWord = false
        for form in forms where try !matchesNothing(Words.quoted(form)) { isWord = true }
        if let all, isWord {
            var stems = Set<String>()
            for form in forms { stems.insert(try stem(form)) }
            var distinct: [String] = []
            for word in all where try stems.insert(stem(word)).inserted { distinct.append(word) }
            return PrefixWords(listed: distinct)
        }
        // FTS5's prefix, on the stems that begin with what was typed.
        var tokens: [String] = []
        var searched: [String] = []
        for form in forms {
            let token = try prefixToken(form)
            tokens.append(token.token)
            searched.append(token.searched)
        }
        // The words it begins whose stems those prefixes miss: the form itself when a book has it
        // (`history`, held as "histori", beside `constit`), and the longer words, all of them when
        // few, else the shorter ones (a longer word's stem is mostly a shorter one's:
        // "nationalisation", "nation"). A fragment under 4 letters, typed on the way, has none worth it.
        var candidates: [String] = []
        for form in forms where form.unicodeScalars.count >= Vocabulary.shortestIndexed {
            if try !matchesNothing(Words.quoted(form)) { candidates.append(form) }
            candidates += try (extensionCache[form] ?? nil)
                ?? Vocabulary.shortExtensions(of: form, extra: Self.stemCut, limit: Self.mostShortExtensions, in: db)
        }
        // Only a stem the stemmer cut from what was typed ("nation" of `nationa`, "appli" of
        // `apply`): "state", the stem of "stating", would bring every book on states for `stati`.
        let cuts = forms.flatMap { form in [form, form.hasSuffix("y") ? form.dropLast() + "i" : form] }
        var stems = Set<String>()
        var beyond: [String] = []
        for word in candidates {
            let wordStem = try stem(word)
            guard !searched.contains(where: { wordStem.hasPrefix($0) }), cuts.contains(where: { $0.hasPrefix(wordStem) }),
                stems.insert(wordStem).inserted
            else { continue }
            beyond.append(word)
        }
        return PrefixWords(listed: nil, tokens: tokens, beyondStem: beyond)
    }

    /// What FTS5 is asked for as the prefix `form`, and the prefix of stems it
    /// then looks for. FTS5 stems a prefix as it stems a word, and the Porter
    /// stemmer cuts `cons` to "con" (con*: "conquest", "Congregational", seven
    /// times the books) and turns `analy` into "anali" ("analysis" is
    /// "analysi": missed). A final e, which the stemmer drops, keeps the
    /// fragment whole: `conse` is stemmed to "cons". When that does not work
    /// (`clas`: "clase" stays), the stemmed prefix, as FTS5 would have it.
    mutating func prefixToken(_ form: String) throws -> (token: String, searched: String) {
        let stemmed = try stem(form)
        if stemmed == form { return (form, form) }
        for candidate in [form + "e", form + "ee"] where try stem(candidate) == form {
            return (candidate, form)
        }
        return (form, stemmed)
    }

    /// A word as the full-text index holds it (its Porter stem), by the index's own tokenizer.
    private mutating func stem(_ word: String) throws -> String {
        if stemmer == nil { stemmer = try db.makeTokenizer(.porter(wrapping: .unicode61(diacritics: .remove))) }
        let tokens = try stemmer?.tokenize(query: word) ?? []
        return tokens.count == 1 ? tokens[0].token : word
    }

    /// Above this many words a prefix is left to FTS5: looking each up costs
    /// more than merging them.
    static let mostExtensions = 20

    /// How many letters longer than a prefix, and how many, the words are
    /// whose stems are checked against FTS5's prefix when there are more than
    /// can be listed (`prefixWords`): Porter's longest single cut is 7 letters
    /// ("ational"), but the word it cuts into a 4-to-6-letter fragment is
    /// mostly 1 to 4 letters longer ("national", "security", "relational").
    static let stemCut = 4
    static let mostShortExtensions = 200

    /// True when no book has this term expression (a word, its spellings and
    /// corrections, no FTS5 prefix): a MATCH that needs it finds nothing, and
    /// is not run. One look at the index, kept for the search.
    mutating func matchesNothing(_ expression: String) throws -> Bool {
        if let cached = emptyCache[expression] { return cached }
        let empty = try !(Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM book_fts WHERE book_fts MATCH ?)"),
            arguments: [expression]) ?? false)
        emptyCache[expression] = empty
        return empty
    }

    mutating func corrections(_ word: String) throws -> [(word: String, distance: Int)] {
        if let cached = correctionCache[word] { return cached }
        let found = try Vocabulary.corrections(of: word, in: db)
        correctionCache[word] = found
        return found
    }

    mutating func run() throws -> SearchResult {
        let positive = query.positiveTerms
        guard !positive.isEmpty else {
            // Only filters: books in title order.
            let ids = try Int64.fetchAll(
                db,
                SQLRequest(literal: "SELECT b.id FROM book b WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.title COLLATE NOCASE, b.id LIMIT \(limit)"))
            var result = SearchResult(books: try db.details(ofIDs: ids), exactCount: ids.count, suggestion: nil, matchedWords: [], jumped: false)
            if ids.isEmpty { result.notice = query.isbnHint }
            return result
        }
        // Editions and years are asked for as numbers, not as words (Editions.swift);
        // a single letter beside other words is an initial (PersonalNames.swift).
        let numberTerms = positive.filter { $0.number != nil }
        let numbers = numberTerms.map(Self.numberFilter)
        let others = positive.filter { $0.number == nil }
        let initialTerms = others.count > others.filter(PersonalNames.isInitial).count ? others.filter(PersonalNames.isInitial) : []
        let words = others.filter { !initialTerms.contains($0) }
        let initials = initialTerms.map(PersonalNames.initialCondition)
        initialExpressions = initialTerms.map(PersonalNames.initialExpression)
        guard !words.isEmpty else {
            let ids = try booksWithout(words: numberTerms.map { Self.numberCondition($0) })
            return SearchResult(books: try db.details(ofIDs: ids), exactCount: ids.count, suggestion: nil, matchedWords: [], jumped: false)
        }
        let openLast = query.lastWordIsOpen && positive.last.map { words.last == $0 } == true
        var found: [Int64] = []
        var seen = Set<Int64>()
        var matched = Set(words.flatMap(\.words))
        // British and American spellings of each word, ranked as the word itself (SpellingVariants.swift).
        var variants: [[String]] = []
        for term in words {
            variants.append(term.isPhrase || Self.isNumeric(term.words[0]) ? [] : try SpellingVariants.known(term.words[0], in: db))
        }
        matched.formUnion(variants.joined())
        // The words each prefix stands for, looked up once the words as typed have been tried.
        var extended: [PrefixWords?] = Array(repeating: nil, count: words.count)
        func expressions(prefix: (Int, SearchQuery.Term) -> Bool, extra: [[String]] = []) -> [String] {
            words.enumerated().map { index, term in
                Self.expression(
                    term, variants: variants[index], alternatives: extra.isEmpty ? [] : extra[index], prefix: prefix(index, term),
                    words: extended[index])
            }
        }
        let isLast = { (index: Int, _: SearchQuery.Term) in openLast && index == words.count - 1 }

        // 1. Every word as typed (or in its other spelling).
        try collect(expressions(prefix: { _, _ in false }), filters: numbers, and: initials, into: &found, seen: &seen)
        if found.count < limit {
            for (index, term) in words.enumerated()
            where !term.isPhrase && (isLast(index, term) || Self.mayBePrefix(term.words[0])) {
                extended[index] = try prefixWords([term.words[0]] + variants[index])
            }
        }
        // 2. The last word as a prefix, while typing. Pass 1 found every book with the
        //    words as typed, so only the longer words the last one begins can add a book:
        //    when they are listed they are asked for alone (none: nothing to ask).
        if found.count < limit && openLast, let longer = extended[words.count - 1]?.listed {
            if !longer.isEmpty {
                var asked = expressions(prefix: { _, _ in false })
                asked[words.count - 1] = Self.expression(words[words.count - 1], alternatives: longer, prefix: false, alone: true)
                try collect(asked, filters: numbers, and: initials, into: &found, seen: &seen)
            }
        } else if found.count < limit && openLast {
            try collect(expressions(prefix: isLast), filters: numbers, and: initials, into: &found, seen: &seen)
        }
        let exactCount = found.count
        // 3. Every word of 4 letters or more as a prefix too (`constit admin`).
        let prefixed = { (index: Int, term: SearchQuery.Term) in
            isLast(index, term) || (!term.isPhrase && Self.mayBePrefix(term.words[0]))
        }
        if found.count < limit && words.indices.contains(where: { prefixed($0, words[$0]) && !isLast($0, words[$0]) }) {
            try collect(expressions(prefix: prefixed), filters: numbers, and: initials, into: &found, seen: &seen)
        }
        // 4. A given name typed in full where the record has only its initial (`beale hugh`: "Beale, H. G.").
        //    Only words some author has can be the surname (the initial's postings are long).
        //    When a word is in no book, it is likelier a typo than a given name (`competiton law`
        //    read as "Law, C." put unrelated books first and hid "showing results for"), so
        //    the names come after the corrections (6b) rather than before them.
        func givenNames(_ filters: [NumberFilter]) throws {
            guard found.count < limit && PersonalNames.mayBeNames(words) else { return }
            var surnames = Set<String>()
            for term in words where try !matchesNothing("authors : " + Words.quoted(term.words[0])) {
                surnames.insert(term.words[0])
            }
            if let names = PersonalNames.givenNameExpression(words, variants: variants, surnames: surnames) {
                try collect([names], filters: filters, and: initials, into: &found, seen: &seen)
            }
        }
        // Looked at only when the names pass would run: a word in no book as typed, nor in its other spelling.
        let typoLike = found.count < limit && PersonalNames.mayBeNames(words)
            ? try words.indices.contains { index in
                try !words[index].isPhrase
                    && matchesNothing(Self.expression(words[index], variants: variants[index], alternatives: [], prefix: false))
            }
            : false
        if !typoLike { try givenNames(numbers) }
        let beforeRelaxed = found.count
        // 5. The words without the edition or year asked for: other editions of the book follow.
        if found.count < limit && !numbers.isEmpty {
            try collect(expressions(prefix: isLast), filters: [], and: initials, into: &found, seen: &seen)
            // And the given names so (`hugh beale 2019`: Beale, H., of another year).
            if !typoLike { try givenNames([]) }
        }
        let uncorrected = found.count
        // 6. Through corrections of typos: first of the words no book has (cheap, and
        //    closest to what was typed); then, when nothing matched as typed, of every
        //    word (a typo may spell another real word). A query of real words that
        //    matches as typed is not second-guessed; nor is a word the catalogue has
        //    in another spelling, nor a number.
        if found.count < limit {
            let correctable = words.enumerated().filter { index, term in
                !term.isPhrase && index < Vocabulary.mostCorrectedWords && Vocabulary.allowedEdits(term.words[0]) > 0
                    && !Self.isNumeric(term.words[0]) && variants[index].isEmpty
            }.map(\.offset)
            var unknown = Set<Int>()
            for index in correctable where try !Vocabulary.isKnown(words[index].words[0], in: db) {
                unknown.insert(index)
            }
            let all = Set(correctable)
            let passes: [Set<Int>] =
                uncorrected > 0 ? (unknown.isEmpty ? [] : [unknown])
                : unknown.isEmpty || unknown == all ? [all] : [unknown, all]
            for pass in passes {
                // Every word is corrected only when correcting the unknown ones found nothing.
                guard found.count == uncorrected || (pass == unknown && found.count < limit) else { break }
                var extra: [[String]] = []
                var nearest: [[String]] = []
                for (index, term) in words.enumerated() {
                    let found = pass.contains(index) ? try corrections(term.words[0]) : []
                    extra.append(found.map(\.word))
                    let closest = found.map(\.distance).min()
                    nearest.append(found.filter { $0.distance == closest }.map(\.word))
                }
                matched.formUnion(extra.joined())
                // The corrections one edit away first, then those two away: all at once, BM25
                // put "completion" (two edits from `competiton`, and the stem of "complete")
                // above "competition" (one).
                if nearest != extra && nearest.contains(where: { !$0.isEmpty }) {
                    try collect(expressions(prefix: isLast, extra: nearest), filters: numbers, and: initials, into: &found, seen: &seen)
                }
                if found.count < limit && extra.contains(where: { !$0.isEmpty }) {
                    try collect(expressions(prefix: isLast, extra: extra), filters: numbers, and: initials, into: &found, seen: &seen)
                }
            }
        }
        // 6b. The given names put off by a word no book has (4).
        if typoLike { try givenNames(numbers) }
        var suggestion: String?
        var notice: String?
        // A suggestion only when nothing matched the words as typed, as prefixes or as names.
        if exactCount == 0 && uncorrected == 0 {
            suggestion = try suggest(positive.filter { !initialTerms.contains($0) })
        }
        // Only when no pass found a book with the number: as a prefix or through a given name is a match too.
        if beforeRelaxed == 0 {
            if uncorrected > beforeRelaxed {
                let asked = positive.filter { $0.number != nil }.map { $0.words.joined(separator: " ") }
                notice = "no book matches every word with " + asked.map { "'\($0)'" }.joined(separator: " and ")
                    + " as its edition or year; showing the books that match the other words"
            }
        }
        var result = SearchResult(
            books: try db.details(ofIDs: found), exactCount: exactCount, suggestion: suggestion,
            matchedWords: matched.sorted(), jumped: false)
        result.notice = found.isEmpty ? query.isbnHint ?? notice : notice
        return result
    }

    /// A condition on `book b`: what an initial asks for, or an edition or
    /// year in a query without words (`numberCondition`).
    typealias Condition = SQL

    /// An edition or year as the full-text index is asked for it: the book's
    /// edition number or year (the index's `edition_and_year`), or, typed in
    /// digits, the same word in the title (`Companies Act 2006`). It goes first in the
    /// MATCH, beside the words, and is not scored (`score(filters:)`): FTS5
    /// finds the books with both, where a condition on the book read every
    /// book with the word to test it (`history 2000`: 185,428 at a million).
    struct NumberFilter {
        var expression: String
        /// How many phrases (quoted strings) `expression` has.
        var phrases: Int
    }

    static func numberFilter(_ term: SearchQuery.Term) -> NumberFilter {
        var alternatives = ["edition_and_year : " + Words.quoted(String(term.number ?? 0))]
        if let word = titleWord(term) {
            alternatives.append("title : " + Words.quoted(word))
        }
        return NumberFilter(expression: "(" + alternatives.joined(separator: " OR ") + ")", phrases: alternatives.count)
    }

    /// The word an edition or year is also looked for in the title as: the
    /// typed word when it has digits (`2006`, `34th`), never a written ordinal
    /// (`second`: "Seconded employees" has its stem).
    static func titleWord(_ term: SearchQuery.Term) -> String? {
        guard let word = term.words.first, !word.contains(" "), word.unicodeScalars.first.map({ $0.properties.numericType != nil }) == true
        else { return nil }
        return word
    }

    /// The same as a condition on `book b`, for a query of editions and years
    /// only (`booksWithout`), which has no words to ask the index for, and for
    /// one left out (`-2021`), with the title asked of the index: testing the
    /// title of every book the words found took longer than the search.
    static func numberCondition(_ term: SearchQuery.Term, titleThroughIndex: Bool = false) -> Condition {
        let number = term.number ?? 0
        var parts: [SQL] = ["b.edition_number = \(number)"]
        if (1000...9999).contains(number) {
            parts.append("substr(b.date, 1, 4) = \(String(number))")
        }
        if let word = titleWord(term) {
            if titleThroughIndex {
                parts.append("b.id IN (SELECT rowid FROM book_fts WHERE book_fts MATCH \("title : " + Words.quoted(word)))")
            } else {
                let asWord: SQL = "(' ' || lower(b.title) || ' ') GLOB \("*[^a-z0-9]" + word + "[^a-z0-9]*")"
                // A common word brings 100,000s of books to test: LIKE (no copy of the
                // title, ASCII case folded in place) passes over most at a quarter of the
                // cost. Words are letters and digits, never LIKE's `%` or `_`.
                parts.append(word.utf8.allSatisfy { $0 < 0x80 } ? "(b.title LIKE \("%" + word + "%") AND \(asWord))" : asWord)
            }
        }
        return "(\(parts.joined(separator: " OR ")))"
    }

    /// A word that may also match as the start of a longer one: 4 letters or
    /// more, not a number.
    static func mayBePrefix(_ word: String) -> Bool {
        word.unicodeScalars.count >= 4 && !isNumeric(word)
    }

    static func isNumeric(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// True (1) for a book none of whose copies can be had: every copy
    /// withdrawn or missing, or no copies. Searches rank such books after the
    /// others that match alike. Copies not on the shelf are few and indexed
    /// (`copy_by_status`, partial: the `<> 'on-shelf'` lets SQLite use it; without
    /// it the copies are read one by one, 0.3 s at a million), so most books are
    /// settled by one look at `copy_by_book`.
    static let unavailable: SQL = """
        (CASE WHEN b.id IN (SELECT book_id FROM copy WHERE status IN ('withdrawn', 'missing') AND status <> 'on-shelf')
          THEN NOT EXISTS (SELECT 1 FROM copy c WHERE c.book_id = b.id AND (c.status = 'on-shelf' OR c.status = 'on-loan'))
          ELSE NOT EXISTS (SELECT 1 FROM copy c WHERE c.book_id = b.id) END)
        """

    /// Runs one MATCH with the filters (and `extra` conditions) and appends
    /// the ids not yet found. Books that can be had come first; books that
    /// score alike (editions of one work) come newest first.
    private mutating func collect(
        _ expressions: [String], filters: [NumberFilter], and extra: [Condition], into found: inout [Int64],
        seen: inout Set<Int64>
    ) throws {
        // The filters first: the ranking leaves the first phrases unscored. Each part in
        // brackets: the names pass's is an OR, which binds looser than AND in FTS5.
        // `narrowing`: more unscored parts, between the filters and the words.
        func matching(narrowing: [String] = []) -> String {
            (filters.map(\.expression) + narrowing + expressions).map { "(" + $0 + ")" }.joined(separator: " AND ")
        }
        let match = matching()
        // A pass that asks what an earlier one asked (a prefix that begins no longer
        // word is the word itself), or that needs a word no book has, finds nothing new.
        // Within one search the extra conditions are the initials or none, told apart by their count.
        guard collected.insert(match + "\u{0}\(extra.count)").inserted else { return }
        // Only worth asking beside an FTS5 prefix, which is merged in full before anything is matched.
        if expressions.contains(where: { $0.contains("*") }) {
            for expression in filters.map(\.expression) + expressions where !expression.contains("*") {
                if try matchesNothing(expression) { return }
            }
        }
        let phrases = filters.reduce(0) { $0 + $1.phrases }
        let wanted = limit + seen.count
        var ranked = conditions.isEmpty ? try bestByScore(match, filters: phrases, wanted: wanted, meeting: extra) : nil
        if ranked == nil {
            // Initials the best few by score could not answer (a rare letter): the index first
            // narrows the books to test them on, unscored like the filters. Not beside other
            // conditions, where the best few were not tried and the letter may be a common one,
            // every word starting with it merged.
            let narrowing = extra.isEmpty || !conditions.isEmpty ? [] : initialExpressions
            let unscored = phrases + narrowing.count * PersonalNames.initialExpressionPhrases
            var request: SQL = """
                SELECT f.rowid FROM book_fts f JOIN book b ON b.id = f.rowid
                WHERE book_fts MATCH \(matching(narrowing: narrowing))
                """
            for condition in conditions + extra { request += " AND \(condition)" }
            request += "\nORDER BY \(Self.unavailable), \(Self.score(filters: unscored)), b.date DESC, f.rowid LIMIT \(wanted)"
            ranked = try Int64.fetchAll(db, SQLRequest(literal: request, cached: true))
        }
        for id in ranked ?? [] where found.count < limit && seen.insert(id).inserted {
            found.append(id)
        }
    }

    /// BM25 over the text, the title weighted above authors, above subjects,
    /// above jurisdiction; the MATCH's first `filters` phrases (editions and
    /// years) unscored. `lawcat_bm25` (KnownLengths.swift) scores as FTS5's
    /// bm25() did over the four text columns, with the books' lengths known
    /// in a process that keeps them (`lawcat serve`).
    static func score(filters: Int, best: Int? = nil) -> SQL {
        let call = KnownLengthsRanking.sql(filters: filters, weights: weights)
        guard let best else { return SQL(sql: call) }
        // A bound value, not text: one prepared statement whatever the number.
        return "\(sql: String(call.dropLast())), \(best))"
    }

    static let weights = [10.0, 5.0, 2.0, 1.0]

    /// The first `wanted` books of a MATCH in `collect`'s order (can be had,
    /// score, newest, id) that meet the `extra` conditions, or nil when this
    /// way cannot tell them.
    ///
    /// Why: a common word matches tens of thousands of books, and reading
    /// each one's row and copies to order them cost as much again as scoring
    /// them ("history": 88 ms against 36 ms at 241,203 books). So the index
    /// alone gives the best `2 × wanted + 16` by score; every book scored
    /// below the last of those (strictly: ties at the edge may lie beyond it)
    /// ranks above every book not read, so when `wanted` of them meet the
    /// conditions and can be had, they are the answer, ordered here as the
    /// full statement would. When the index had fewer books than asked, all
    /// of them are here. Otherwise (many at the edge cannot be had, or do not
    /// meet the conditions) nil, and the full statement runs.
    ///
    /// With conditions (an initial: `history c`, as search-as-you-type sends
    /// it), sixteen times as many are read, so that enough of them meet the
    /// conditions for all but a rare letter (`history q`), for which the full
    /// statement runs, narrowed by the index (`collect`). Testing the
    /// condition on every book with "history" took 1.1 to 1.9 s at a million
    /// books. One read of many rather than a second after a first of few: a
    /// single common word cannot be weighed in part (each book's best score
    /// with no length beats the real ones: KnownLengths.swift), so each read
    /// weighs every book with it.
    private func bestByScore(_ match: String, filters: Int, wanted: Int, meeting extra: [Condition]) throws -> [Int64]? {
        let asked = (extra.isEmpty ? 1 : 16) * (2 * wanted + 16)
        // Only the books that may be among the best `asked` are weighed (KnownLengths.swift):
        // the others score after every real score, so the first `asked` are as if all were.
        let scored = try Row.fetchAll(
            db,
            SQLRequest(literal: """
                SELECT rowid, \(Self.score(filters: filters, best: asked)) AS score FROM book_fts WHERE book_fts MATCH \(match)
                ORDER BY score, rowid LIMIT \(asked)
                """, cached: true))
        let complete = scored.count < asked
        let edge: Double? = complete ? nil : scored.last?["score"]
        var score: [Int64: Double] = [:]
        for row in scored {
            let value: Double = row["score"]
            if let edge, value >= edge { continue }
            score[row["rowid"]] = value
        }
        guard !score.isEmpty || complete else { return nil }
        var shelfRequest: SQL = """
            SELECT b.id, \(Self.unavailable) AS unavailable, b.date FROM book b
            WHERE b.id IN (SELECT value FROM json_each(\("[" + score.keys.map(String.init).joined(separator: ",") + "]")))
            """
        for condition in extra { shelfRequest += " AND \(condition)" }
        let shelf = try Row.fetchAll(db, SQLRequest(literal: shelfRequest, cached: true))
        var books: [(id: Int64, unavailable: Bool, score: Double, date: String?)] = shelf.map { row in
            let id: Int64 = row["id"]
            return (id, row["unavailable"], score[id] ?? 0, row["date"])
        }
        guard complete || books.filter({ !$0.unavailable }).count >= wanted else { return nil }
        books.sort { a, b in
            if a.unavailable != b.unavailable { return !a.unavailable }
            if a.score != b.score { return a.score < b.score }
            // Newest first, a book with no date last (SQLite's DESC); ISO dates compare as text.
            if a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
            return a.id < b.id
        }
        return books.prefix(wanted).map(\.id)
    }

    /// Books that hold a query of editions and years only (and its filters),
    /// newest first: no words to look up, so the books are read one by one.
    private func booksWithout(words numbers: [Condition]) throws -> [Int64] {
        let all = conditions + numbers
        return try Int64.fetchAll(
            db,
            SQLRequest(literal: """
                SELECT b.id FROM book b WHERE \(all.joined(separator: " AND "))
                ORDER BY \(Self.unavailable), b.date DESC, b.id LIMIT \(limit)
                """))
    }

    /// The query with each word that no book has replaced by its nearest
    /// catalogue word (one edit allowed even for short words), when that
    /// changes anything. Of corrections equally near, the first that some book
    /// has beside the query's known words: `chity contracts` is "chitty
    /// contracts", not "chiti contracts" (an author with no book on contracts).
    private mutating func suggest(_ terms: [SearchQuery.Term]) throws -> String? {
        var words: [String] = []
        var changed = false
        // Whether each word is kept as typed: a number, or a word the catalogue has (in either spelling).
        func isKnown(_ word: String) throws -> Bool {
            word.unicodeScalars.count >= Vocabulary.shortestIndexed
                ? try Vocabulary.isKnown(word, in: db) || !SpellingVariants.known(word, in: db).isEmpty
                : try !matchesNothing(Words.quoted(word))
        }
        var knownWords: [String] = []
        for term in terms.prefix(Vocabulary.mostCorrectedWords) where term.number == nil {
            for word in term.words where try !Self.isNumeric(word) && isKnown(word) { knownWords.append(word) }
        }
        for term in terms.prefix(Vocabulary.mostCorrectedWords) {
            for word in term.words {
                // A number, an ordinal, a year or the digits of an ISBN is never corrected.
                if term.number != nil || Self.isNumeric(word) {
                    words.append(word)
                    continue
                }
                if try isKnown(word) {
                    words.append(word)
                    continue
                }
                let candidates = Vocabulary.allowedEdits(word) > 0
                    ? try corrections(word)
                    : try Vocabulary.corrections(of: word, edits: word.count >= 3 ? 1 : 0, limit: 3, in: db)
                let nearest = candidates.filter { $0.distance == candidates.first?.distance }.map(\.word)
                var best = nearest.first
                for candidate in nearest where !knownWords.isEmpty {
                    if try !matchesNothing(([candidate] + knownWords).map(Words.quoted).joined(separator: " AND ")) {
                        best = candidate
                        break
                    }
                }
                if let best {
                    words.append(best)
                    changed = true
                } else {
                    changed = true  // dropped: nothing like it in the catalogue
                }
            }
        }
        guard changed, !words.isEmpty else { return nil }
        return words.joined(separator: " ")
    }
}
