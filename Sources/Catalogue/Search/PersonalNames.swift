/// Names as people write them: `k starmer`, `starmer k.`, `f w maitland`,
/// `Blackstone, W.` find "Starmer, Keir", "Maitland, Frederic William",
/// "Blackstone, William"; `beale hugh` finds "Beale, H. G.".
///
/// Why not through the full-text index alone: it holds words, so the letter
/// `k` matches only books with a `k` on its own, and a prefix query `k*`
/// would read the postings of every word starting with k (tens of thousands
/// of books at a million). So a single letter typed beside other words is an
/// initial, checked on the books the other words found: some author's name
/// has a word starting with it (one GLOB on the authors' text a candidate).
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
    /// or a subject has the letter as a word (`E.C. merger control`).
    static func initialCondition(_ term: SearchQuery.Term) -> Searcher.Condition {
        let letter = term.words[0]
        let inAuthors = "*[^a-z]" + letter + "*"
        let asWord = "*[^a-z0-9]" + letter + "[^a-z0-9]*"
        return "((' ' || lower(b.authors)) GLOB \(inAuthors) OR (' ' || lower(b.title) || ' ' || lower(b.subjects) || ' ') GLOB \(asWord))"
    }

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
