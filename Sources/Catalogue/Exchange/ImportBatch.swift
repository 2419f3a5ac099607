import GRDB

/// Import rows held back so that their new books, their copies and the
/// copies' `added` events are each inserted by one statement a batch rather
/// than one a row.
///
/// Why: every statement that fires a trigger runs inside a statement
/// savepoint, and at each savepoint SQLite 3.40's FTS5 writes out what it
/// holds in memory as a new index segment, and later merges the segments. Row
/// by row, the full-text index of a large import was rewritten again and again
/// and the import took several times as long. The triggers and the
/// transaction are unchanged: only the number of statements is.
///
/// SQLite still judges every row. When a batch's statement fails (a bad date,
/// a barcode already taken...), it changes nothing, and the batch's rows are
/// inserted one by one so that each bad row is named by its line, as before.
/// A batch holds at most `size` books and `size` copies: memory does not grow
/// with the file.
struct ImportBatch {
    static let size = 256

    /// The book a held-back copy belongs to.
    enum Book {
        case stored(Int64)
        case held(Int)
    }

    struct Copy {
        var book: Book
        var barcode: String
        var homeID: Int64
        var line: Int
    }

    private var books: [EncodedBook] = []
    private var bookLines: [Int] = []
    private var bookPositions: [BookFields: Int] = [:]
    private var copies: [Copy] = []
    private var barcodes: Set<String> = []

    var isFull: Bool { books.count >= Self.size || copies.count >= Self.size }

    /// The held-back book with exactly these fields, if there is one.
    func heldBook(_ fields: BookFields) -> Int? { bookPositions[fields] }

    /// Whether a held-back copy has this barcode (for generated barcodes).
    func holds(barcode: String) -> Bool { barcodes.contains(barcode) }

    /// Holds back a new book, first seen on `line`; returns its place in the batch.
    mutating func add(_ book: EncodedBook, line: Int) -> Int {
        books.append(book)
        bookLines.append(line)
        bookPositions[book.fields] = books.count - 1
        return books.count - 1
    }

    mutating func add(_ copy: Copy) {
        copies.append(copy)
        barcodes.insert(copy.barcode)
    }

    private mutating func removeAll() {
        books.removeAll(keepingCapacity: true)
        bookLines.removeAll(keepingCapacity: true)
        bookPositions.removeAll(keepingCapacity: true)
        copies.removeAll(keepingCapacity: true)
        barcodes.removeAll(keepingCapacity: true)
    }

    /// Inserts everything held back, and empties the batch.
    mutating func flush(
        into db: Database, at now: String, report: inout ImportReport, problems: inout ProblemList
    ) throws {
        // Emptied keeping its storage: a fresh batch regrew its dictionary and
        // set from nothing at every flush (3% of an import's CPU, profiled).
        defer { removeAll() }
        // The books: all at once, else one by one to name the bad ones.
        var ids: [Int64?] = []
        var refusals: [Int: any Error] = [:]
        if !books.isEmpty {
            do {
                ids = try db.insertBooks(books)
            } catch {
                for index in books.indices {
                    do {
                        ids.append(try db.insertBook(books[index].fields))
                    } catch {
                        try problems.add(line: bookLines[index], error)
                        refusals[index] = error
                        ids.append(nil)
                    }
                }
            }
            report.booksAdded += ids.compactMap { $0 }.count
        }
        // The copies of books that were stored. Every other row of a refused
        // book is named too, as if it had been stored alone.
        var ready: [(bookID: Int64, copy: Copy)] = []
        for copy in copies {
            switch copy.book {
            case .stored(let id):
                ready.append((id, copy))
            case .held(let index):
                if let id = ids[index] {
                    ready.append((id, copy))
                } else if copy.line != bookLines[index], let refusal = refusals[index] {
                    try problems.add(line: copy.line, refusal)
                }
            }
        }
        guard !ready.isEmpty else { return }
        do {
            try db.insertCopies(ready.map { ($0.bookID, $0.copy.barcode, $0.copy.homeID) }, at: now)
            report.copiesAdded += ready.count
        } catch {
            for (bookID, copy) in ready {
                do {
                    try db.insertCopy(bookID: bookID, barcode: copy.barcode, homeID: copy.homeID, at: now)
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

/// A book's fields with its lists already written as JSON, as stored.
struct EncodedBook {
    var fields: BookFields
    var authors: String
    var subjects: String

    init(_ fields: BookFields) {
        self.fields = fields
        authors = JSONList.encode(fields.authors)
        subjects = JSONList.encode(fields.subjects)
    }
}

extension Database {
    /// Inserts normalised books with one statement; returns their ids in order.
    /// Throws, changing nothing, if any of them is refused.
    func insertBooks(_ books: [EncodedBook]) throws -> [Int64?] {
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: books.count).joined(separator: ", ")
        var arguments = StatementArguments()
        for book in books {
            let f = book.fields
            arguments += [f.title, book.authors, book.subjects, f.date, f.edition, f.jurisdiction, f.isbn]
        }
        // New rowids are each above every rowid before them (lawcat never
        // reaches the largest rowid), so sorted they follow the VALUES order.
        let ids = try Int64.fetchAll(
            cachedStatement(
                sql: "INSERT INTO book(title, authors, subjects, date, edition, jurisdiction, isbn) VALUES \(values) RETURNING id"),
            arguments: arguments
        ).sorted()
        guard ids.count == books.count else { throw CatalogueError.unexpected("a batch of books was not stored whole") }
        return ids
    }

    /// Inserts copies and their `added` events with one statement each, in one
    /// savepoint: all of them or, throwing, none.
    func insertCopies(_ copies: [(bookID: Int64, barcode: String, homeID: Int64)], at now: String) throws {
        let values = Array(repeating: "(?, ?, ?)", count: copies.count).joined(separator: ", ")
        var arguments = StatementArguments()
        for copy in copies { arguments += [copy.bookID, copy.barcode, copy.homeID] }
        try inSavepoint {
            let ids = try Int64.fetchAll(
                cachedStatement(sql: "INSERT INTO copy(book_id, barcode, home_id) VALUES \(values) RETURNING id"),
                arguments: arguments
            ).sorted()
            guard let first = ids.first, let last = ids.last, ids.count == copies.count else {
                throw CatalogueError.unexpected("a batch of copies was not stored whole")
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
}
