/// Editions and years as words: "Chitty 34th" is how a lawyer asks for a book.
///
/// A record's edition statement is free text in the cataloguer's language
/// (`34th ed.`, `3rd ed. / by ...`, `Second edition`, `2. Aufl.`, `Wyd. 1.`,
/// `Di 1 ban.`, `Rev. ed.`). lawcat keeps its number in `book.edition_number`
/// (migration `v7-search-editions`), written by `add`, `edit` and `import`
/// through `Edition.number(of:)`, so a search compares numbers, not spellings.
///
/// The rule, in order: the first whole number in the statement (1 to 9999:
/// `34th ed.` is 34, `2. Aufl.` 2, `Wyd. 1.` 1, `1999 ed.` 1999); else the
/// first ordinal written as a word, in English, German, French, Spanish,
/// Italian or Portuguese, up to the ninety-ninth (`Second edition` is 2,
/// `Thirty-fourth edition` 34, `Zweite Auflage` 2); else none (`Rev. ed.`,
/// `New ed.`). Statements that start with a digit are numbered by the
/// migration in SQL (`CAST(edition AS INTEGER)`, the same answer); the others
/// are left to `Vocabulary.refresh`, which numbers the books pending.
enum Edition {
    /// The edition number a statement gives, or nil.
    static func number(of statement: String?) -> Int? {
        guard let statement, !statement.isEmpty else { return nil }
        var run = ""
        for scalar in statement.unicodeScalars {
            if scalar.value >= 48 && scalar.value <= 57 {
                run.unicodeScalars.append(scalar)
            } else if !run.isEmpty {
                break
            }
        }
        if !run.isEmpty {
            // As SQLite's CAST(edition AS INTEGER) reads it (the migration numbers so).
            guard let value = Int(run), (1...9999).contains(value) else { return nil }
            return value
        }
        let words = Words.split(Vocabulary.fold(statement))
        for index in words.indices {
            if let (value, _) = ordinal(in: words, at: index) { return value }
        }
        return nil
    }

    // MARK: Ordinals written as words

    /// A written ordinal starting at `words[index]`: its value and how many
    /// words it took (`thirty fourth` is two; `thirty-fourth` is split so).
    static func ordinal(in words: [String], at index: Int) -> (value: Int, words: Int)? {
        let word = words[index]
        if let unit = ordinalUnits[word] { return (unit, 1) }
        if let tens = ordinalTens[word] { return (tens, 1) }
        if let tens = cardinalTens[word], index + 1 < words.count, let unit = ordinalUnits[words[index + 1]], unit < 10 {
            return (tens + unit, 2)
        }
        return nil
    }

    /// first ... nineteenth, in the languages of the catalogue's records.
    static let ordinalUnits: [String: Int] = {
        var table: [String: Int] = [:]
        let lists: [[String]] = [
            ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth"],
            ["erste", "zweite", "dritte", "vierte", "funfte", "sechste", "siebte", "achte", "neunte", "zehnte"],
            ["premiere", "deuxieme", "troisieme", "quatrieme", "cinquieme", "sixieme", "septieme", "huitieme",
             "neuvieme", "dixieme"],
            ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "septima", "octava", "novena", "decima"],
            ["primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono", "decimo"],
        ]
        for list in lists {
            for (offset, word) in list.enumerated() { table[word] = offset + 1 }
        }
        // Other forms that say the same: German endings, French `seconde`, Spanish and Portuguese masculines.
        for (word, value) in [
            ("ersten", 1), ("zweiten", 2), ("dritten", 3), ("vierten", 4), ("funften", 5), ("sechsten", 6),
            ("siebten", 7), ("achten", 8), ("neunten", 9), ("zehnten", 10), ("seconde", 2), ("premier", 1),
            ("primero", 1), ("segundo", 2), ("tercero", 3), ("cuarto", 4), ("terceira", 3), ("quarta", 4),
        ] {
            table[word] = value
        }
        return table
    }()

    /// twentieth ... ninetieth.
    static let ordinalTens: [String: Int] = [
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90,
    ]

    /// twenty ... ninety, before a unit ordinal (`thirty-fourth`).
    static let cardinalTens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    // MARK: In a query

    /// Words that say "edition" after its number (`34th ed`, `34. Aufl.`,
    /// `2e éd.`, `3a ed.`): taken with the number, not searched for.
    static let editionWords: Set<String> = [
        "ed", "edn", "eds", "edition", "editions", "aufl", "auflage", "ausg", "ausgabe", "edicion", "edizione",
        "edicao", "druk", "uppl", "izd", "wyd",
    ]

    /// The number a typed word stands for as an edition or a year: digits
    /// (`34`, `2021`) or digits with an ordinal ending (`34th`, `2nd`, `2d`,
    /// `1re`, `2e`, `3a`, `1o`), at most four digits; nil for anything else.
    static func number(typed word: String) -> Int? {
        var digits = ""
        var rest = ""
        for character in word {
            if rest.isEmpty, character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                rest.append(character)
            }
        }
        guard !digits.isEmpty, digits.count <= 4, let value = Int(digits), value >= 1 else { return nil }
        let endings: Set<String> = ["", "st", "nd", "rd", "th", "d", "e", "er", "re", "eme", "a", "o", "ª", "º"]
        return endings.contains(rest) ? value : nil
    }
}

extension SearchQuery {
    /// Marks the free words that name an edition or a year (`34th`,
    /// `thirty-fourth`, `34th ed`, `34. Aufl.`, `2021`) as numbers, and drops
    /// the words that only say "edition" after them. A written ordinal
    /// counts only in two words (`thirty fourth`) or before an edition word
    /// (`second edition`): alone, `second` or `third` is a title word
    /// (`third parties`).
    mutating func markEditionsAndYears() {
        var marked: [Term] = []
        var index = 0
        let isFree: (Term) -> Bool = { !$0.negated && !$0.isPhrase && $0.column == nil && $0.number == nil }
        while index < terms.count {
            var term = terms[index]
            guard isFree(term) else {
                // `-34th`, `-2021 ed`: a number left out, its edition words with it.
                if term.negated && !term.isPhrase && term.column == nil, let value = Edition.number(typed: term.words[0]) {
                    term.number = value
                }
                marked.append(term)
                index += 1
                if term.number != nil {
                    while index < terms.count && isFree(terms[index]) && Edition.editionWords.contains(terms[index].words[0]) {
                        index += 1
                    }
                }
                continue
            }
            let freeWords = terms[index...].prefix(while: isFree).map { $0.words[0] }
            var taken = 1
            if let value = Edition.number(typed: term.words[0]) {
                term.number = value
            } else if let (value, words) = Edition.ordinal(in: freeWords, at: 0),
                words == 2 || (freeWords.count > 1 && Edition.editionWords.contains(freeWords[1]))
            {
                term.number = value
                term.words = [freeWords[0..<words].joined(separator: " ")]
                taken = words
            }
            if term.number != nil {
                // The edition words after it say what it is; they are not searched for.
                while taken < freeWords.count && Edition.editionWords.contains(freeWords[taken]) { taken += 1 }
            }
            marked.append(term)
            index += taken
        }
        terms = marked
    }
}
