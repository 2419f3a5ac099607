import GRDB

/// What a migration needs of a catalogue before it can run, in Swift: a
/// refusal in words, where the migration's SQL alone could only fail.
extension Migrations {
    /// Why a catalogue cannot have `identifier` as it stands, checked before
    /// the migration runs, in its transaction; nil when it can.
    static func refusal(before identifier: String, _ db: Database) throws -> String? {
        guard identifier == "v6-desk" else { return nil }
        // Barcodes come to ignore case: two that differ only in case would be one.
        let clashes = try String.fetchAll(
            db,
            sql: """
                SELECT group_concat(barcode, ' and ') FROM copy
                GROUP BY barcode COLLATE NOCASE HAVING count(*) > 1 ORDER BY min(barcode) LIMIT 3
                """)
        guard !clashes.isEmpty else { return nil }
        return "barcodes \(clashes.joined(separator: "; ")) differ only in case, and lawcat now takes them for one;"
            + " give one of each pair a new barcode first (docs/reference.md, 'Barcodes that differ only in case')"
    }
}
