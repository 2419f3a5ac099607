import GRDB
import GRDBSQLite

/// Storing an import chunk: its books, its copies and the copies' `added`
/// events, each kind with one statement a chunk rather than one a row.
///
/// Why: a statement costs SQLite and GRDB something whatever it holds
/// (preparing the run, binding, a statement savepoint), and 241,203 rows made
/// about a million of them. The triggers and the transaction are unchanged:
/// only the number of statements is.
///
/// SQLite still judges every row. When a chunk's statement fails (a bad date,
/// a barcode already taken...), it changes nothing, and the chunk's rows are
/// inserted one by one so that each bad row is named by its line, as before.
extension ImportChunk {
    /// Stores the chunk: finds which of its books the catalogue already has
    /// (one statement), inserts the others (one statement), then the copies
    /// and their `added` events (one each). Rows that cannot be stored are
    /// added to `problems`; other errors (a full disk...) are thrown.
    ///
    /// `fresh` holds the books stored so far when the catalogue had none
    /// before the import: a book it has never seen is not looked up.
    func store(
        into db: Database, at now: String, homes: inout LocationMemo, barcodes: inout BarcodeGenerator,
        fresh: inout StoredBookFilter?, report: inout ImportReport, problems: inout ProblemList
    ) throws {
        for refusal in refusals { problems.add(line: refusal.line, refusal.reason) }
        guard !books.isEmpty else { return }

        // Each copy's home, and a barcode for a copy that has none.
        var placed: [(copy: Copy, homeID: Int64)] = []
        placed.reserveCapacity(copies.count)
        var taken: Set<String>?
        for var copy in copies {
            do {
                let home = try homes.location(copy.location, in: db)
                if home.added { report.locationsAdded += 1 }
                if copy.barcode.isEmpty {
                    if taken == nil { taken = Set(copies.map(\.barcode)) }
                    copy.barcode = try barcodes.next(in: db, avoiding: taken!)
                }
                placed.append((copy, home.id))
            } catch {
                try problems.add(line: copy.line, error)
            }
        }

        // The books: those already stored, then the new ones all at once,
        // else one by one to name the bad ones.
        let stored: [Int64?]
        if let filter = fresh {
            let maybe = books.indices.filter { filter.mayContain(books[$0].identity) }
            stored = maybe.isEmpty
                ? [Int64?](repeating: nil, count: books.count)
                : try db.storedBookIDs(bookValues.rows(maybe, width: 8), books: books.count)
        } else {
            stored = try db.storedBookIDs(bookValues, books: books.count)
        }
        let new = books.indices.filter { stored[$0] == nil }
        var ids = stored
        var refused: [Int: any Error] = [:]
        if !new.isEmpty {
            do {
                let values = new.count == books.count ? bookValues : bookValues.rows(new, width: 8)
                for (index, id) in zip(new, try db.insertBooks(values, count: new.count)) { ids[index] = id }
            } catch {
                for index in new {
                    do {
                        ids[index] = try db.insertBook(books[index].fields)
                    } catch {
                        try problems.add(line: bookLines[index], error)
                        refused[index] = error
                    }
                }
            }
            report.booksAdded += new.filter { ids[$0] != nil }.count
            for index in new where ids[index] != nil { fresh?.insert(books[index].identity) }
        }

        // A row naming only a book adds it when it is the first row of a new
        // book; otherwise the book is already there and the row is skipped.
        // Every other row of a refused book is named too, as if stored alone.
        for row in bookRows {
            if let refusal = refused[row.book] {
                if row.line != bookLines[row.book] { try problems.add(line: row.line, refusal) }
            } else if stored[row.book] != nil || row.line != bookLines[row.book] {
                report.rowsSkipped += 1
            }
        }
        var ready: [(bookID: Int64, copy: Copy, homeID: Int64)] = []
        ready.reserveCapacity(placed.count)
        for (copy, homeID) in placed {
            if let id = ids[copy.book] {
                ready.append((id, copy, homeID))
            } else if copy.line != bookLines[copy.book], let refusal = refused[copy.book] {
                try problems.add(line: copy.line, refusal)
            }
        }

        // The copies and their events: all at once, else one by one.
        guard !ready.isEmpty else { return }
        do {
            try db.insertCopies(ready.map { ($0.bookID, $0.copy.barcode, $0.homeID) }, at: now)
            report.copiesAdded += ready.count
        } catch {
            for (bookID, copy, homeID) in ready {
                do {
                    try db.insertCopy(bookID: bookID, barcode: copy.barcode, homeID: homeID, at: now)
                    report.copiesAdded += 1
                } catch CatalogueError.barcodeTaken(let taken, let title) {
                    let owner = try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT book_id FROM copy WHERE barcode = ?"), arguments: [taken])
                    if owner == bookID {
                        // Already there, on this book: importing a file twice adds nothing.
                        report.rowsSkipped += 1
                    } else {
                        try problems.add(line: copy.line, CatalogueError.barcodeTaken(barcode: taken, title: title))
                    }
                } catch {
                    try problems.add(line: copy.line, error)
                }
            }
        }
    }
}

extension Database {
    /// For books laid out as `ImportChunk.bookValues` lays them out (all of a
    /// chunk's `books`, or some), the id of the stored book with exactly the
    /// same (normalised) fields, if there is one, by the books' places in the
    /// chunk: one statement for all of them, each found through the title index.
    func storedBookIDs(_ values: BulkValues, books: Int) throws -> [Int64?] {
        var ids = [Int64?](repeating: nil, count: books)
        let statement = try cachedStatement(
            sql: """
                WITH given(position, title, authors, subjects, date, edition, jurisdiction, isbn)
                  AS (VALUES \(Self.placeholders(rows: values.count / 8, columns: 8)))
                SELECT given.position, (
                  SELECT book.id FROM book
                  WHERE book.title = given.title AND book.authors = given.authors
                    AND book.subjects = given.subjects AND book.date IS given.date
                    AND book.edition IS given.edition AND book.jurisdiction IS given.jurisdiction
                    AND book.isbn IS given.isbn
                  ORDER BY book.id LIMIT 1)
                FROM given
                """)
        try run(statement, with: values) { row in
            if sqlite3_column_type(row, 1) != SQLITE_NULL {
                ids[Int(sqlite3_column_int64(row, 0))] = sqlite3_column_int64(row, 1)
            }
        }
        return ids
    }

    /// Inserts `count` normalised books, laid out as `ImportChunk.bookValues`,
    /// with one statement; returns their ids in order. Throws, changing
    /// nothing, if any of them is refused.
    func insertBooks(_ values: BulkValues, count: Int) throws -> [Int64] {
        // New rowids are each above every rowid before them (lawcat never
        // reaches the largest rowid), and the rows are inserted in the order
        // given, so sorted the ids follow that order.
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        let statement = try cachedStatement(
            sql: """
                INSERT INTO book(title, authors, subjects, date, edition, jurisdiction, isbn)
                SELECT column2, column3, column4, column5, column6, column7, column8
                FROM (VALUES \(Self.placeholders(rows: count, columns: 8)))
                RETURNING id
                """)
        try run(statement, with: values) { row in ids.append(sqlite3_column_int64(row, 0)) }
        guard ids.count == count else { throw CatalogueError.unexpected("a chunk of books was not stored whole") }
        return ids.sorted()
    }

    /// Inserts copies and their `added` events with one statement each, in one
    /// savepoint: all of them or, throwing, none.
    func insertCopies(_ copies: [(bookID: Int64, barcode: String, homeID: Int64)], at now: String) throws {
        var values = BulkValues()
        values.reserve(values: copies.count * 3, bytes: copies.count * 12)
        for copy in copies {
            values.append(copy.bookID)
            values.append(copy.barcode)
            values.append(copy.homeID)
        }
        try inSavepoint {
            var ids: [Int64] = []
            ids.reserveCapacity(copies.count)
            let statement = try cachedStatement(
                sql: """
                    INSERT INTO copy(book_id, barcode, home_id)
                    VALUES \(Self.placeholders(rows: copies.count, columns: 3)) RETURNING id
                    """)
            try run(statement, with: values) { row in ids.append(sqlite3_column_int64(row, 0)) }
            ids.sort()
            guard let first = ids.first, let last = ids.last, ids.count == copies.count else {
                throw CatalogueError.unexpected("a chunk of copies was not stored whole")
            }
            // The event log's triggers place each copy, as for a copy added alone.
            try cachedStatement(
                sql: """
                    INSERT INTO event(copy_id, kind, at, location_id)
                    SELECT id, 'added', ?, home_id FROM copy WHERE id BETWEEN ? AND ? ORDER BY id
                    """
            ).execute(arguments: [now, first, last])
            return .commit
        }
    }

    /// `(?, ?), (?, ?)`: placeholders for `rows` rows of `columns` values.
    static func placeholders(rows: Int, columns: Int) -> String {
        let row = "(" + repeatElement("?", count: columns).joined(separator: ", ") + ")"
        return repeatElement(row, count: rows).joined(separator: ", ")
    }
}

/// The books an import into an empty catalogue has stored, as a Bloom filter
/// of their identities (the hash of their fields): a book the filter has not
/// seen is certainly new, and is inserted without looking it up. A book it may
/// have seen is looked up as usual, so a false alarm costs one look-up and
/// never a wrong answer.
///
/// Why: in a catalogue that was empty, nearly every look-up finds nothing,
/// and the look-ups were a fifth of storing a chunk. The filter is a fixed
/// 2 MiB whatever the file's size; false alarms stay under 2% up to a million
/// books. A catalogue that already had books is looked up book by book, as
/// the filter would have to read every stored book first.
struct StoredBookFilter {
    private static let bitCount = 1 << 24
    private var words = [UInt64](repeating: 0, count: StoredBookFilter.bitCount / 64)

    func mayContain(_ identity: Int) -> Bool {
        let (a, b) = Self.bits(identity)
        return words[a >> 6] & (1 << UInt64(a & 63)) != 0 && words[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    mutating func insert(_ identity: Int) {
        let (a, b) = Self.bits(identity)
        words[a >> 6] |= 1 << UInt64(a & 63)
        words[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// Two bit positions from the two halves of the (well mixed) 64-bit hash.
    private static func bits(_ identity: Int) -> (Int, Int) {
        let hash = UInt64(bitPattern: Int64(identity))
        let mask = UInt64(bitCount - 1)
        return (Int(hash & mask), Int((hash >> 32) & mask))
    }
}
