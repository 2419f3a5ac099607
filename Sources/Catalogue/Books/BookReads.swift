// Reading books: by key, by id, with their copies, and how many there are.
import GRDB

// MARK: - Reads

extension CatalogueDatabase {
    /// The book that `key` names, with all its copies. `key` is a copy's
    /// barcode, a book id or an ISBN, tried in that order (see `Database.resolve`).
    public func book(_ key: String) throws -> BookDetails {
        try read { db in
            let book = try db.book(forKey: key)
            return try db.details(of: [book])[0]
        }
    }

    /// Books by id, each with its copies, in the order given. Ids that name no
    /// book are left out.
    public func books(ids: [Int64]) throws -> [BookDetails] {
        try read { db in try db.details(ofIDs: ids) }
    }

    /// How many books and copies the catalogue holds.
    public func counts() throws -> (books: Int, copies: Int) {
        try read(Self.counts)
    }
}

extension Database {
    func book(id: Int64) throws -> Book? {
        try Book.fetchOne(cachedStatement(sql: "SELECT * FROM book WHERE id = ?"), arguments: [id])
    }

    func details(ofIDs ids: [Int64]) throws -> [BookDetails] {
        guard !ids.isEmpty else { return [] }
        let books = try Book.fetchAll(
            cachedStatement(sql: "SELECT * FROM book WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [JSONList.encodeIDs(ids)])
        let byID = Dictionary(uniqueKeysWithValues: books.map { ($0.id, $0) })
        return try details(of: ids.compactMap { byID[$0] })
    }

    /// Attaches every book's copies, fetched in one query.
    func details(of books: [Book]) throws -> [BookDetails] {
        guard !books.isEmpty else { return [] }
        var copies: [Int64: [CopySummary]] = [:]
        let rows = try Row.fetchCursor(
            cachedStatement(sql: CopySummary.selection + " WHERE c.book_id IN (SELECT value FROM json_each(?)) ORDER BY c.id"),
            arguments: [JSONList.encodeIDs(books.map(\.id))])
        while let row = try rows.next() {
            copies[row["book_id"], default: []].append(try CopySummary(row: row))
        }
        return books.map { BookDetails(book: $0, copies: copies[$0.id] ?? []) }
    }
}

extension JSONList {
    static func encodeIDs(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
