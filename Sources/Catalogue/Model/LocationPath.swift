import GRDB

/// Location paths, most general first: `London/4F/Litigation`.
public enum LocationPath {
    /// Trims each part and drops empty ones: ` London / 4F/ ` is `London/4F`.
    /// Throws when nothing is left.
    public static func normalise(_ text: String) throws -> String {
        let parts = text.split(separator: "/").map { String($0).trimmed }.filter { !$0.isEmpty }
        // Reliability review: a control character inside a part (a NUL, a tab,
        // a line break) made the schema's CHECK fail later as an "unexpected
        // problem" (exit 70), or was stored; it is a bad location, said here.
        if parts.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw CatalogueError.invalidField(
                field: "location", value: text,
                reason: "a location cannot contain control characters; give a path such as London/4F/Litigation")
        }
        guard !parts.isEmpty else {
            throw CatalogueError.invalidField(
                field: "location", value: text, reason: "give a path such as London/4F/Litigation")
        }
        return parts.joined(separator: "/")
    }

    /// SQL that is true when the location aliased `alias` is `path` or under it.
    /// The range test on `path` (NOCASE) uses the unique index; "0" is the
    /// character after "/".
    static func under(_ alias: String, _ path: String) -> SQL {
        "(\(sql: alias).path = \(path) OR (\(sql: alias).path >= \(path + "/") AND \(sql: alias).path < \(path + "0")))"
    }
}
