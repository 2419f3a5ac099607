import GRDB

/// Names as people write them: `k starmer`, `starmer k.`, `f w maitland`,
/// `Blackstone, W.` find "Starmer, Keir", "Maitland, Frederic William",
/// "Blackstone, William"; `beale hugh` finds "Beale, H. G.".
///
/// Why not through the full-text index alone: it holds words, so the letter
/// `k` matches only books with a `k` on its own, and a prefix query `k*`
/// would read the postings of every word starting with k (tens of thousands
/// of books at a million). So a single letter typed beside other words is an
/// initial, checked on the books the other words found: some author's name
/// has a word starting with it (`initialCondition`: lawcat's own SQL function,
/// called on each candidate).
/// The other way, a given name typed in full matches its initial in the
/// authors (the index holds `h` of "H. G."), in a pass of its own after the
/// words as typed, and only where the other words match too.
enum PersonalNames {
    /// A single letter, a-z, free or held to the authors: an initial.
    static func isInitial(_ term: SearchQuery.Term) -> Bool {
        guard !term.isPhrase, term.number == nil, term.column == nil || term.column == .authors,
            let scalar = term.words[0].unicodeScalars.first, term.words[0].unicodeScalars.count == 1
        else { return false }
        return scalar.value >= 97 && scalar.value <= 122
    }

    /// Some author's name has a word starting with the initial, or the title
    /// or a subject has the letter as a word (`E.C. merger control`): words
    /// as the index splits and folds them, so that the index can narrow the
    /// books to test (`initialExpression`). "École" has a word starting with
    /// e; "Ḥuqūq" none starting with q, and "Xã hội" no x (a GLOB on the
    /// text, which this replaced, read an accented letter as a space).
    static func initialCondition(_ term: SearchQuery.Term) -> Searcher.Condition {
        "lawcat_has_initial(b.authors, b.title, b.subjects, \(term.words[0]))"
    }

    /// `initialCondition` on one book's text (its authors, title and subjects as stored).
    static func hasInitial(_ letter: String, authors: String, title: String, subjects: String) -> Bool {
        Words.split(Vocabulary.fold(authors)).contains { $0.hasPrefix(letter) }
            || Words.split(Vocabulary.fold(title + " " + subjects)).contains(letter)
    }

    /// Adds `lawcat_has_initial(authors, title, subjects, letter)` to a connection.
    static func register(_ db: Database) {
        db.add(
            function: DatabaseFunction("lawcat_has_initial", argumentCount: 4, pure: true) { values in
                let text = values.map { String.fromDatabaseValue($0) ?? "" }
                return hasInitial(text[3], authors: text[0], title: text[1], subjects: text[2])
            })
    }

    /// The initial as the full-text index can ask for it: an author's word
    /// starting with the letter, or the letter as a word of the title or
    /// subjects. It finds every book `initialCondition` does (the same words,
    /// and a Porter stem keeps a word's first letter) and is asked for only
    /// beside it, to spare testing it on every book with a common word
    /// (`history q`): FTS5 merges every word starting with the letter, which
    /// costs less than that for a rare letter only.
    static func initialExpression(_ term: SearchQuery.Term) -> String {
        let letter = Words.quoted(term.words[0])
        return "authors : \(letter) * OR {title subjects} : \(letter)"
    }

    /// How many phrases `initialExpression` has (the ranking leaves them unscored).
    static let initialExpressionPhrases = 2

    /// 2 to 4 single words, free or held to the authors: a name may be among them.
    static func mayBeNames(_ words: [SearchQuery.Term]) -> Bool {
        (2...4).contains(words.count)
            && words.allSatisfy({ !$0.isPhrase && $0.number == nil && ($0.column == nil || $0.column == .authors) })
    }

    /// For 2 to 4 words (`beale hugh`, `hugh g beale`): books where one word,
    /// as a given name, is only its initial in the authors, another word is in
    /// the authors too (the surname), and every other word matches as typed.
    /// Nil for other queries.
    /// Only the surnames in `surnames` (words some author has) are tried.
    static func givenNameExpression(_ words: [SearchQuery.Term], variants: [[String]], surnames: Set<String>) -> String? {
        guard mayBeNames(words) else { return nil }
        let isName = { (word: String) in
            word.unicodeScalars.count >= 2 && word.unicodeScalars.allSatisfy { $0.value >= 97 && $0.value <= 122 }
        }
        var alternatives: [String] = []
        for (given, givenTerm) in words.enumerated() where isName(givenTerm.words[0]) {
            for (surname, surnameTerm) in words.enumerated()
            where surname != given && isName(surnameTerm.words[0]) && surnames.contains(surnameTerm.words[0]) {
                var parts = ["authors : (" + Words.quoted(String(givenTerm.words[0].prefix(1))) + ")"]
                parts.append("authors : " + Words.quoted(surnameTerm.words[0]))
                for (other, otherTerm) in words.enumerated() where other != given && other != surname {
                    parts.append(Searcher.expression(otherTerm, variants: variants[other], alternatives: [], prefix: false))
                }
                alternatives.append("(" + parts.joined(separator: " AND ") + ")")
            }
        }
        return alternatives.isEmpty ? nil : alternatives.joined(separator: " OR ")
    }
}
