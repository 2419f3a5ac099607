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
    /// 3. **An ISBN**, ISBN-10 or ISBN-13, with or without its hyphens and
    ///    spaces (see `isbnCondition`). Last, because an ISBN names an edition, not one
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
        if let id = try bookID(isbnKey: key) {
            return BookKey(bookID: id, kind: .isbn)
        }
        return nil
    }

    /// The one comparison of an ISBN as typed or scanned with the ISBNs of
    /// the books in `table` (see `ISBN`): a valid ISBN-10 or ISBN-13, with or
    /// without its hyphens and spaces, is compared by its ISBN-13 with
    /// `book.isbn13`, so `0-421-69190-9` finds the book catalogued as
    /// `9780421691902` and the other way round (the `book_by_isbn13` index
    /// answers it). Any other text (an ISBN printed wrong in the book, kept
    /// as the record gave it) is compared as written, hyphens, spaces and
    /// case aside, with the books that have no valid ISBN; that reads every
    /// book, and is kept for that rare case.
    static func isbnCondition(_ typed: String, table: String = "book") -> SQL {
        if let isbn = ISBN(typed) {
            return "\(sql: table).isbn13 = \(isbn.isbn13)"
        }
        let plain = String(typed.filter { $0 != "-" && $0 != " " }).uppercased()
        return "(\(sql: table).isbn13 IS NULL AND upper(replace(replace(\(sql: table).isbn, '-', ''), ' ', '')) = \(plain))"
    }

    /// The first book (by id) that a key typed or scanned as an ISBN names;
    /// nil when the key is not shaped as an ISBN or no book has it. A key
    /// shaped as an ISBN whose check digit is wrong is a typo, refused saying
    /// so, unless a book was catalogued with that very text.
    func bookID(isbnKey key: String) throws -> Int64? {
        let reading = ISBN.read(key)
        if case .notAnISBN = reading { return nil }
        let request: SQL = "SELECT id FROM book WHERE \(Self.isbnCondition(key)) ORDER BY id LIMIT 1"
        let id = try Int64.fetchOne(self, SQLRequest(literal: request, cached: true))
        if id == nil, case .badCheckDigit(let expected) = reading {
            throw ISBN.checkDigitError(key, expected: expected)
        }
        return id
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
