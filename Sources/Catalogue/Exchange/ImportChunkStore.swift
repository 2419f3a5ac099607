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
    /// before the import: a book it has not seen is not looked up.
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
        var stored: [Int64?]
        if let filter = fresh {
            let maybe = books.indices.filter { filter.mayContain(books[$0].identity) }
            stored = maybe.isEmpty
                ? [Int64?](repeating: nil, count: books.count)
                : try db.storedBookIDs(bookValues.rows(maybe, width: Self.valuesPerBook), books: books.count)
        } else {
            stored = try db.storedBookIDs(bookValues, books: books.count)
            // A lawcat before this one kept a CSV's text as it came, often decomposed (NFD);
            // books are now kept in NFC. A book not found as NFC is looked for as NFD too, so
            // that the same file imported again, or the catalogue's MARC export, finds it.
            var decomposed: [(index: Int, fields: BookFields)] = []
            for index in books.indices where stored[index] == nil {
                if let fields = books[index].fields.decomposed { decomposed.append((index, fields)) }
            }
            if !decomposed.isEmpty {
                var values = BulkValues()
                for (position, book) in decomposed.enumerated() {
                    Self.appendBook(EncodedBook(book.fields), position: position, to: &values)
                }
                for (position, id) in try db.storedBookIDs(values, books: decomposed.count).enumerated() where id != nil {
                    stored[decomposed[position].index] = id
                }
            }
        }
        let new = books.indices.filter { stored[$0] == nil }
        var ids = stored
        var refused: [Int: any Error] = [:]
        if !new.isEmpty {
            do {
                let values = new.count == books.count ? bookValues : bookValues.rows(new, width: Self.valuesPerBook)
                for (index, id) in zip(new, try db.insertBooks(values, count: new.count)) { ids[index] = id }
            } catch is DatabaseError {
                // SQLite refused a book, and the statement changed nothing. (Anything
                // else, such as a chunk not stored whole, ends the import.)
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
                        db.cachedStatement(sql: "SELECT book_id FROM copy WHERE barcode = ? COLLATE NOCASE"), arguments: [taken])
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
    /// same (normalised) fields, if there is one (ISBNs compared as ISBNs: an
    /// ISBN-10 and its ISBN-13 are the same), by the books' places in the
    /// chunk: one statement for all of them, each found through the index of
    /// titles' starts and dates (`book_by_title_start`).
    func storedBookIDs(_ values: BulkValues, books: Int) throws -> [Int64?] {
        var ids = [Int64?](repeating: nil, count: books)
        let statement = try cachedStatement(
            sql: """
                WITH given(position, title, authors, subjects, date, edition, jurisdiction, isbn, isbn13, edition_number)
                  AS (VALUES \(Self.placeholders(rows: values.count / ImportChunk.valuesPerBook, columns: ImportChunk.valuesPerBook)))
                SELECT given.position, (
                  SELECT book.id FROM book
                  WHERE substr(book.title, 1, 16) = substr(given.title, 1, 16) AND book.date IS given.date
                    AND book.title = given.title AND book.authors = given.authors
                    AND book.subjects = given.subjects
                    AND book.edition IS given.edition AND book.jurisdiction IS given.jurisdiction
                    AND (book.isbn IS given.isbn OR book.isbn13 = given.isbn13)
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
        let statement = try cachedStatement(
            sql: """
                INSERT INTO book(title, authors, subjects, date, edition, jurisdiction, isbn, isbn13, edition_number)
                VALUES \(Self.placeholders(rows: count, columns: ImportChunk.valuesPerBook - 1))
                """)
        let columns = values.droppingFirst(of: ImportChunk.valuesPerBook)
        return Array(try insertRows(into: "book", count: count) { try run(statement, with: columns) })
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
            let statement = try cachedStatement(
                sql: "INSERT INTO copy(book_id, barcode, home_id) VALUES \(Self.placeholders(rows: copies.count, columns: 3))")
            let ids = try insertRows(into: "copy", count: copies.count) { try run(statement, with: values) }
            // The event log's triggers place each copy, as for a copy added alone.
            try cachedStatement(
                sql: """
                    INSERT INTO event(copy_id, kind, at, location_id)
                    SELECT id, ?, ?, home_id FROM copy WHERE id BETWEEN ? AND ? ORDER BY id
                    """
            ).execute(arguments: [EventKind.added, now, ids.lowerBound, ids.upperBound])
            return .commit
        }
    }

    /// Runs `insert`, a many-row INSERT into `table` that names no rowids,
    /// and returns the rowids SQLite gave the rows, in the order inserted.
    ///
    /// SQLite gives a new row the largest rowid in the table plus one (until
    /// the largest possible rowid is taken, which lawcat never reaches), so
    /// one statement's rows get consecutive rowids after the largest before
    /// it; the count and the last rowid confirm it. (Asking with `RETURNING`
    /// cost SQLite a temporary table a statement, and sorting.)
    private func insertRows(into table: String, count: Int, _ insert: () throws -> Void) throws -> ClosedRange<Int64> {
        let before = try Int64.fetchOne(cachedStatement(sql: "SELECT max(rowid) FROM \(table)")) ?? 0
        try insert()
        let last = lastInsertedRowID
        guard count > 0, changesCount == count, last - before == Int64(count) else {
            throw CatalogueError.unexpected("a chunk of rows for \(table) was not stored whole, in order")
        }
        return (before + 1)...last
    }

    /// `(?, ?), (?, ?)`: placeholders for `rows` rows of `columns` values.
    static func placeholders(rows: Int, columns: Int) -> String {
        let row = "(" + repeatElement("?", count: columns).joined(separator: ", ") + ")"
        return repeatElement(row, count: rows).joined(separator: ", ")
    }
}
