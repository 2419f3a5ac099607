import GRDB

/// British and American spellings as one word: `labour` finds the Library of
/// Congress's "Labor laws", `labor` finds "Labour law", both ranked as if
/// typed so.
///
/// Not a hand list of every word: a few rules rewrite the typed (folded)
/// word, and a rewriting counts only if the catalogue has the word it makes
/// (the correction index, `Vocabulary.isKnown`), so a rule may overreach
/// without effect (`author` makes `authour`, which no book has). The rules,
/// each both ways, with at least three letters before the part rewritten:
///
/// - `-our` / `-or`: labour, labor; behaviour, behavior; honourable, honorable
/// - `-ise` / `-ize`, `-isation` / `-ization` (and -ised, -ising, -ises):
///   organise, organize; organisation, organization
/// - `-yse` / `-yze`: analyse, analyze
/// - `-tre` / `-ter` and `-bre` / `-ber` at the end: centre, center; fibre, fiber
/// - `-ence` / `-ense` after c, f or t at the end: defence, defense; offence,
///   offense; licence, license; pretence, pretense
/// - `-ogue` / `-og` at the end: catalogue, catalog; dialogue, dialog
/// - `-elled`, `-elling`, `-eller`, `-ellor` / `-eled`, `-eling`, `-eler`,
///   `-elor`: travelled, traveled; counsellor, counselor
/// - German written without umlauts: `ue`, `oe`, `ae` before a consonant also
///   match `ü`, `ö`, `ä` (which the catalogue folds to u, o, a): `ueber` finds
///   "über", `pruefung` "Prüfung".
///
/// `pairs` holds the variants no rule makes (programme, program; judgement,
/// judgment); `exceptions` the words a rule must leave alone because the
/// word it would make means something else (mostly French and Spanish, whose
/// `-tre` and `-bre` words are not British spellings: `lettre` is not
/// `letter`, `sobre` is not `sober`).
enum SpellingVariants {
    /// Catalogue words that are other spellings of `word` (folded), as typed first.
    static func known(_ word: String, in db: Database) throws -> [String] {
        var found: [String] = []
        for candidate in candidates(word) where try Vocabulary.isKnown(candidate, in: db) {
            found.append(candidate)
        }
        return found
    }

    /// Every spelling the rules and pairs make of `word`, not yet checked against the catalogue.
    static func candidates(_ word: String) -> [String] {
        guard word.unicodeScalars.count >= 4, word.unicodeScalars.allSatisfy({ $0.value >= 97 && $0.value <= 122 }),
            !exceptions.contains(word)
        else { return [] }
        var out: [String] = []
        func add(_ candidate: String) {
            if candidate != word && !exceptions.contains(candidate) && !out.contains(candidate) { out.append(candidate) }
        }
        for variant in pairTable[word] ?? [] { add(variant) }
        let w = Array(word)
        let n = w.count

        // -our / -or, anywhere after three letters.
        for i in 3..<n where w[i] == "o" {
            if i + 2 < n, w[i + 1] == "u", w[i + 2] == "r" {
                add(String(w[..<i]) + "or" + String(w[(i + 3)...]))
            } else if i + 1 < n, w[i + 1] == "r" {
                add(String(w[..<i]) + "our" + String(w[(i + 2)...]))
            }
        }
        // -ise / -ize and -yse / -yze: the s or z followed by e or ing, or -isation.
        for i in 3..<n where (w[i] == "s" || w[i] == "z") && (w[i - 1] == "i" || w[i - 1] == "y") {
            let rest = String(w[(i + 1)...])
            guard ["e", "es", "ed", "er", "ers", "ing", "ation", "ations"].contains(rest) else { continue }
            add(String(w[..<i]) + (w[i] == "s" ? "z" : "s") + rest)
        }
        // -tre / -ter, -bre / -ber at the end (and with a plural s).
        let plural = word.hasSuffix("s") && n > 5
        let stem = plural ? Array(w.dropLast()) : w
        let m = stem.count
        if m >= 5 && (stem[m - 3] == "t" || stem[m - 3] == "b") {
            let tail = plural ? "s" : ""
            if stem[m - 2] == "r" && stem[m - 1] == "e" {
                add(String(stem[..<(m - 2)]) + "er" + tail)
            } else if stem[m - 2] == "e" && stem[m - 1] == "r" {
                add(String(stem[..<(m - 2)]) + "re" + tail)
            }
        }
        // -ence / -ense after c, f or t at the end.
        if m >= 6 && ["c", "f", "t"].contains(stem[m - 5]) && stem[m - 4] == "e" && stem[m - 3] == "n" && stem[m - 1] == "e" {
            let tail = plural ? "s" : ""
            if stem[m - 2] == "c" { add(String(stem[..<(m - 2)]) + "se" + tail) }
            if stem[m - 2] == "s" { add(String(stem[..<(m - 2)]) + "ce" + tail) }
        }
        // -ogue / -og at the end.
        if m >= 7 && String(stem[(m - 4)...]) == "ogue" {
            add(String(stem[..<(m - 2)]) + (plural ? "s" : ""))
        } else if m >= 5 && String(stem[(m - 2)...]) == "og" {
            add(String(stem) + "ue" + (plural ? "s" : ""))
        }
        // -elled / -eled and the like.
        for ending in ["ed", "ing", "er", "ers", "or", "ors"] where word.hasSuffix(ending) {
            let base = Array(word.dropLast(ending.count))
            let b = base.count
            guard b >= 4 else { continue }
            if base[b - 1] == "l" && base[b - 2] == "l" && base[b - 3] == "e" {
                add(String(base.dropLast()) + ending)
            } else if base[b - 1] == "l" && base[b - 2] == "e" && b >= 4 {
                add(String(base) + "l" + ending)
            }
        }
        // German without umlauts: ue, oe, ae before a consonant.
        for i in 0..<(n - 2) where w[i + 1] == "e" && "uoa".contains(w[i]) && !"aeiouy".contains(w[i + 2]) {
            add(String(w[...i]) + String(w[(i + 2)...]))
        }
        return out
    }

    /// Variants no rule makes, each group one word in its spellings.
    static let pairs: [[String]] = [
        ["programme", "program"], ["programmes", "programs"], ["judgement", "judgment"], ["judgements", "judgments"],
        ["acknowledgement", "acknowledgment"], ["ageing", "aging"], ["enquiry", "inquiry"], ["enquiries", "inquiries"],
        ["gaol", "jail"], ["practise", "practice"], ["wilful", "willful"], ["skilful", "skillful"],
        ["fulfil", "fulfill"], ["enrol", "enroll"], ["instalment", "installment"], ["instalments", "installments"],
        ["paediatric", "pediatric"], ["encyclopaedia", "encyclopedia"], ["mediaeval", "medieval"], ["foetus", "fetus"],
        ["manoeuvre", "maneuver"], ["anaesthesia", "anesthesia"], ["aluminium", "aluminum"], ["sceptic", "skeptic"],
        ["sceptical", "skeptical"], ["jewellery", "jewelry"], ["mould", "mold"], ["plough", "plow"], ["grey", "gray"],
        ["connexion", "connection"], ["cheque", "check"], ["cheques", "checks"],
    ]

    static let pairTable: [String: [String]] = {
        var table: [String: [String]] = [:]
        for group in pairs {
            for word in group { table[word, default: []] += group.filter { $0 != word } }
        }
        return table
    }()

    /// Words a rule would rewrite into a different word: left as they are.
    static let exceptions: Set<String> = [
        // -our that is not -or
        "contour", "contours", "detour", "detours", "devour", "velour", "paramour", "troubadour", "glamour",
        // -ise that has no -ize
        "prise", "prised", "prising",
        // French, Spanish and Latin words ending -tre, -bre
        "entre", "contre", "notre", "votre", "autre", "titre", "titres", "lettre", "lettres", "mettre", "membre",
        "membres", "nombre", "libre", "libres", "timbre", "maitre", "ministre", "registre", "chapitre", "filtre",
        "arbitre", "quatre", "sobre", "octobre", "novembre", "decembre", "septembre", "octubre", "noviembre",
        "diciembre", "septiembre", "liber", "sober", "timber", "member", "members", "letter", "letters", "enter",
        "minister", "register", "filter", "arbiter", "quater", "october", "november", "december", "september",
        "number", "numbers", "peter", "petre", "chamber", "chambers", "chambre", "chambres",
    ]
}
