// A book catalogued twice, put right: every copy of one record, with its
// history, moves to the other, and the first record goes. Each copy's
// `merged` event says where it came from; the `merge_record` the merge
// inserts makes it (its trigger moves the copies and deletes the book).
import GRDB

/// What `merge` did.
public struct BookMergeResult: Hashable, Sendable {
    public var from: Book
    public var into: Book
    /// The barcodes of the copies moved, withdrawn ones too.
    public var copies: [String]
}

extension CatalogueDatabase {
    /// Merges book `from` into book `into` (each a book id, a copy's barcode
    /// or an ISBN), in one transaction.
    public func mergeBooks(_ from: String, into: String, note: String? = nil) throws -> BookMergeResult {
        let now = nowStamp
        return try write { db in
            let source = try db.resolvedBook(from).book, target = try db.resolvedBook(into).book
            guard source.id != target.id else {
                throw CatalogueError.invalidField(
                    field: "merge", value: from, reason: "\(from.trimmed) and \(into.trimmed) are the same book (\(source.id))")
            }
            let copies = try Row.fetchAll(
                db, sql: "SELECT id, barcode FROM copy WHERE book_id = ? ORDER BY id", arguments: [source.id])
            let said = "merged from book \(source.id) ('\(source.fields.title.prefix(60))')"
            for copy in copies {
                try db.recordEvent(
                    copyID: copy["id"], barcode: copy["barcode"], kind: .merged, at: now,
                    note: note?.trimmed.nonEmpty.map { said + ": " + $0 } ?? said)
            }
            try db.recordMerge(
                kind: "book", at: now, from: source.id, fromName: source.fields.title, into: target.id,
                intoName: target.fields.title)
            return BookMergeResult(from: source, into: target, copies: copies.map { $0["barcode"] })
        }
    }
}
