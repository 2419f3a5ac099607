// "What does this token name?": the one answer, for every command that takes
// a barcode, a book id or an ISBN (show, edit, remove, where, history, and a
// search that is one bare token).
import GRDB

/// What a key the user typed turned out to name: a book, and the copy when
/// the key was that copy's barcode.
public struct BookKey: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case barcode, bookID = "book id", isbn = "ISBN"
    }

    public var bookID: Int64
    /// The copy's barcode, as stored, when `kind` is `.barcode`.
    public var barcode: String?
    public var kind: Kind
}

extension Database {
    /// What `key` names, or nil when it names nothing. Tried in this order,
    /// the first that matches wins:
    ///
    /// 1. **A copy's barcode.** It names one copy exactly (barcodes are
    ///    unique), and it is what a scanner types: a command given a copy
    ///    (`remove`, `history`, `where`) wants that copy, not only its book.
    ///    A barcode spelt like a book id is the barcode.
    /// 2. **A book id** (digits only). Ids are lawcat's own names for books,
    ///    printed by `add`, `edit`, `search` (the ID column) and `where`; an
    ///    all-digit key that is not a barcode is an id copied from lawcat.
    /// 3. **An ISBN**, with or without its hyphens and spaces (see
    ///    `isbnCondition`). Last, because an ISBN names an edition, not one
    ///    book: when several books share it, the lowest id wins. An ISBN has
    ///    10 or 13 characters, so a real catalogue's ids never collide with it.
    ///
    /// Surrounding white space is ignored.
    func resolve(_ key: String) throws -> BookKey? {
        let key = key.trimmed
        guard !key.isEmpty else { return nil }
        if let copy = try Row.fetchOne(
            cachedStatement(sql: "SELECT book_id, barcode FROM copy WHERE barcode = ? COLLATE NOCASE"), arguments: [key])
        {
            return BookKey(bookID: copy["book_id"], barcode: copy["barcode"], kind: .barcode)
        }
        if key.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int64(key),
            try Bool.fetchOne(cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM book WHERE id = ?)"), arguments: [id])
                == true
        {
            return BookKey(bookID: id, kind: .bookID)
        }
        let isbn: SQL = "SELECT id FROM book WHERE \(Self.isbnCondition(key)) ORDER BY id LIMIT 1"
        if let id = try Int64.fetchOne(self, SQLRequest(literal: isbn, cached: true)) {
            return BookKey(bookID: id, kind: .isbn)
        }
        return nil
    }

    /// The one comparison of an ISBN as typed with the ISBNs stored in
    /// `book.isbn`: the stored ISBN is the typed one as given, or without its
    /// hyphens and spaces. An `IN` on the column, so that the `book_by_isbn`
    /// index answers it.
    static func isbnCondition(_ typed: String, column: String = "isbn") -> SQL {
        let plain = typed.filter { $0 != "-" && $0 != " " }
        return "\(sql: column) IN (\(typed), \(plain))"
    }

    /// The book that `key` names (see `resolve`), or `bookNotFound`.
    func book(forKey key: String) throws -> Book {
        try resolvedBook(key).book
    }

    /// What `key` names, and its book; `bookNotFound` when it names nothing.
    func resolvedBook(_ key: String) throws -> (key: BookKey, book: Book) {
        guard let found = try resolve(key), let book = try book(id: found.bookID) else {
            throw CatalogueError.bookNotFound(key.trimmed)
        }
        return (found, book)
    }
}
