import GRDB

/// Jurisdictions as people name them, in ONE table: to teach lawcat a new
/// name, add an alias; to make a name cover others (`uk` covers Scotland),
/// list them in `covers`, or give a `prefix` for families such as US states
/// ("United States - Wisconsin").
///
/// `j:NAME` finds books whose jurisdiction is the entry's name, any name it
/// covers, or any jurisdiction starting with one of its prefixes. A name that
/// is in no entry matches jurisdictions containing its words.
public struct Jurisdiction: Sendable {
    /// The jurisdiction as the catalogue spells it.
    public var name: String
    /// Other ways of writing it (compared case- and punctuation-insensitively).
    public var aliases: [String]
    /// Other catalogue jurisdictions it includes.
    public var covers: [String] = []
    /// Catalogue jurisdictions starting with one of these are included too.
    public var prefixes: [String] = []

    public static let all: [Jurisdiction] = [
        Jurisdiction(
            name: "England and Wales",
            aliases: ["E&W", "EW", "England & Wales", "England", "English law", "English", "Wales", "Welsh law"]),
        Jurisdiction(name: "Scotland", aliases: ["Scots law", "Scottish law", "Scots", "Scottish"]),
        Jurisdiction(name: "Northern Ireland", aliases: ["NI", "N Ireland", "Northern Irish law"]),
        Jurisdiction(
            name: "United Kingdom", aliases: ["UK", "U.K.", "GB", "Great Britain", "Britain", "British"],
            covers: ["England and Wales", "England", "Wales", "Scotland", "Northern Ireland", "Great Britain"]),
        Jurisdiction(name: "Ireland", aliases: ["Republic of Ireland", "Eire", "Irish law"]),
        Jurisdiction(
            name: "European Union", aliases: ["EU", "E.U.", "EU law", "European Community", "EC", "EEC", "Europe"],
            covers: ["European Communities", "European Economic Community"]),
        Jurisdiction(
            name: "United States", aliases: ["US", "U.S.", "USA", "U.S.A.", "America", "American law"],
            prefixes: ["United States - "]),
        Jurisdiction(name: "International", aliases: ["international law", "public international law", "intl"]),
        Jurisdiction(name: "Canada", aliases: ["Canadian law"], prefixes: ["Canada - "]),
        Jurisdiction(name: "Australia", aliases: ["Australian law"], prefixes: ["Australia - "]),
    ]

    /// Compares names ignoring case, spaces and punctuation: `E&W` is `e&w`,
    /// `England & Wales` is `englandwales`.
    static func key(_ text: String) -> String {
        let folded = Vocabulary.fold(text).replacingOccurrences(of: "&", with: "and")
        return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }

    /// The entry that `text` names, if any.
    static func named(_ text: String) -> Jurisdiction? {
        let wanted = key(text)
        guard !wanted.isEmpty else { return nil }
        return all.first { entry in
            key(entry.name) == wanted || entry.aliases.contains { key($0) == wanted }
        }
    }

    /// SQL true when `book.jurisdiction` (aliased `alias`) is under what `text` names.
    static func filter(_ text: String, alias: String) -> SQL {
        guard let entry = named(text) else {
            // Not in the table: every word of it within the jurisdiction.
            let words = Words.split(text)
            guard !words.isEmpty else { return "1" }
            let likes: [SQL] = words.map { "\(sql: alias).jurisdiction LIKE \("%" + $0 + "%")" }
            return "(\(likes.joined(separator: " AND ")))"
        }
        var names = [entry.name] + entry.covers
        var prefixes = entry.prefixes
        // A covered entry's own family comes too (uk covers Scotland, whose entries might have prefixes).
        for covered in entry.covers {
            if let sub = all.first(where: { $0.name == covered }) {
                names += sub.covers
                prefixes += sub.prefixes
            }
        }
        var parts: [SQL] = ["\(sql: alias).jurisdiction COLLATE NOCASE IN (SELECT value FROM json_each(\(JSONList.encode(names))))"]
        for prefix in prefixes {
            parts.append("\(sql: alias).jurisdiction LIKE \(prefix.replacingOccurrences(of: "%", with: "") + "%")")
        }
        return "(\(parts.joined(separator: " OR ")))"
    }
}

