import GRDB

/// Jurisdictions as people name them, in ONE table: to teach lawcat a new
/// name, add an alias; to make a name cover others (`uk` covers Scotland),
/// list them in `covers`, or give a `prefix` for families such as US states
/// ("United States - Wisconsin").
///
/// The table is a hierarchy: a covered name that is an entry brings what it
/// covers, to any depth (Europe covers the United Kingdom, which covers
/// Scotland). `j:NAME` finds books whose jurisdiction is the entry's name,
/// anything under it, or any jurisdiction starting with one of their
/// prefixes. A name that is in no entry matches jurisdictions containing its
/// words (`j:germany`).
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
        // The European Union alone: `j:eu` is not the continent.
        Jurisdiction(
            name: "European Union", aliases: ["EU", "E.U.", "EU law", "European Community", "EC", "EEC"],
            covers: ["European Communities", "European Economic Community"]),
        // The continent: what the Library of Congress files as "Europe" (KJ-KKZ), the
        // European Union, and each European country, the United Kingdom with its parts.
        Jurisdiction(
            name: "Europe", aliases: ["European law", "European countries", "Continental Europe"],
            covers: [
                "European Union", "United Kingdom", "Ireland", "Albania", "Andorra", "Austria", "Belarus", "Belgium",
                "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Czechia", "Czechoslovakia",
                "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy", "Kosovo",
                "Latvia", "Liechtenstein", "Lithuania", "Luxembourg", "Malta", "Moldova", "Monaco", "Montenegro",
                "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Russia", "San Marino",
                "Serbia", "Slovakia", "Slovenia", "Soviet Union", "Spain", "Sweden", "Switzerland", "Ukraine",
                "Yugoslavia",
            ]),
        Jurisdiction(
            name: "United States", aliases: ["US", "U.S.", "USA", "U.S.A.", "America", "American law"],
            prefixes: ["United States - "]),
        Jurisdiction(name: "Canada", aliases: ["Canadian law"], prefixes: ["Canada - "]),
        Jurisdiction(
            name: "Latin America", aliases: ["South America", "Central America", "Latin American law"],
            covers: [
                "Argentina", "Belize", "Bolivia", "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba", "Dominican Republic",
                "Ecuador", "El Salvador", "Guatemala", "Honduras", "Mexico", "Nicaragua", "Panama", "Paraguay", "Peru",
                "Puerto Rico", "Uruguay", "Venezuela",
            ]),
        // The Library of Congress's "Americas" (KDZ: the Americas as a whole) and each part.
        Jurisdiction(
            name: "Americas", aliases: ["The Americas", "Western Hemisphere"],
            covers: ["United States", "Canada", "Latin America", "Caribbean", "West Indies"]),
        // The Library of Congress files Asia, Africa and the Pacific together (KL-KWX); each
        // region includes that class and its own countries.
        Jurisdiction(
            name: "Asia", aliases: ["Asian law", "Asia-Pacific", "Middle East", "Far East"],
            covers: [
                "Asia, Africa and Pacific", "China", "Japan", "India", "Hong Kong", "Singapore", "Malaysia", "Indonesia",
                "Thailand", "Vietnam", "Philippines", "Korea", "South Korea", "Taiwan", "Pakistan", "Bangladesh",
                "Sri Lanka", "Israel", "Iran", "Iraq", "Saudi Arabia", "United Arab Emirates", "Turkey", "Kazakhstan",
            ]),
        Jurisdiction(
            name: "Africa", aliases: ["African law"],
            covers: [
                "Asia, Africa and Pacific", "South Africa", "Nigeria", "Kenya", "Ghana", "Egypt", "Uganda", "Tanzania",
                "Zimbabwe", "Zambia", "Botswana", "Ethiopia", "Morocco", "Algeria", "Tunisia",
            ]),
        Jurisdiction(
            name: "Pacific", aliases: ["Oceania", "Australasia", "Pacific region"],
            covers: ["Asia, Africa and Pacific", "Australia", "New Zealand", "Fiji", "Papua New Guinea"]),
        Jurisdiction(
            name: "Asia, Africa and Pacific", aliases: ["Asia Africa Pacific"], covers: ["Asia", "Africa", "Pacific"]),
        Jurisdiction(name: "Australia", aliases: ["Australian law"], prefixes: ["Australia - "]),
        Jurisdiction(name: "International", aliases: ["international law", "public international law", "intl"]),
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
            // Not in the table: a word of the jurisdiction starting with every word of it (`j:germ`
            // is Germany), never a piece inside a word (`j:ny` was Germany, `j:india` Indiana).
            // Words are letters and digits, never GLOB's `*`, `?` or `[`.
            let words = Words.split(text).map { $0.lowercased() }
            guard !words.isEmpty else { return "1" }
            let starts: [SQL] = words.map {
                "(' ' || lower(\(sql: alias).jurisdiction)) GLOB \("*[^a-z0-9]" + $0 + "*")"
            }
            return "(\(starts.joined(separator: " AND ")))"
        }
        // Everything it covers, and everything those cover, to any depth (Europe, the
        // United Kingdom, Scotland), each entry once.
        var names: [String] = []
        var prefixes: [String] = []
        var pending = [entry.name]
        var visited = Set<String>()
        while let name = pending.popLast() {
            guard visited.insert(key(name)).inserted else { continue }
            names.append(name)
            if let sub = all.first(where: { key($0.name) == key(name) }) {
                pending += sub.covers
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

