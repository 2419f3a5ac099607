/// lawcat's CSV import and export format: one row a physical copy.
///
/// Columns, in any order, names case-insensitive. Lists (authors, subjects)
/// are joined with `;` (written as `; `). A row with neither barcode nor
/// location is a book without copies.
public enum CSVFormat {
    public static let columns = ["title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "barcode", "location"]
    public static let peopleColumns = ["name", "email", "staff_id"]

    /// Splits a `;`-joined list, trimming each item and dropping blank ones.
    static func list(_ text: String) -> [String] {
        // Most lists have one item, or none.
        if !text.utf8.contains(UInt8(ascii: ";")) {
            let item = text.trimmed
            return item.isEmpty ? [] : [item]
        }
        // Split on the byte: `;` is ASCII, so this never cuts a character, and
        // it skips the grapheme breaking that splitting a String costs.
        return text.utf8.split(separator: UInt8(ascii: ";"))
            .map { String(decoding: $0, as: UTF8.self).trimmed }.filter { !$0.isEmpty }
    }

    static func joined(_ list: [String]) -> String {
        list.joined(separator: "; ")
    }

    /// A header cell as an error shows it: 40 characters at most, control
    /// characters (a spreadsheet's binary saved as .csv) as `?`.
    static func shown(_ name: String) -> String {
        String(String.UnicodeScalarView(name.trimmed.unicodeScalars.prefix(40).map {
            $0.properties.generalCategory == .control ? "?" : $0
        }))
    }

    /// The position of each known column in `header`; throws on an unknown,
    /// repeated or missing required column.
    static func columnIndex(_ header: [String], known: [String], required: String, path: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmed.lowercased()
            guard !name.isEmpty else {
                throw CatalogueError.invalidFile(
                    path: path,
                    reason: "column \(position + 1) of the header has no name; remove the empty column (a spreadsheet often saves"
                        + " some at the end) or name it, one of \(known.joined(separator: ", "))")
            }
            guard known.contains(name) else {
                throw CatalogueError.invalidFile(
                    path: path,
                    reason: "unknown column '\(Self.shown(rawName))';"
                        + " the known columns are \(known.joined(separator: ", ")); is it a CSV file?")
            }
            guard index[name] == nil else {
                throw CatalogueError.invalidFile(path: path, reason: "the column '\(name)' appears twice; keep one")
            }
            index[name] = position
        }
        guard index[required] != nil else {
            throw CatalogueError.invalidFile(
                path: path,
                reason: "there is no '\(required)' column; the header row needs one (known columns: \(known.joined(separator: ", ")))")
        }
        return index
    }
}
