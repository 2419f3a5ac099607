import GRDB

/// A copy to add: its barcode and its home location.
public struct NewCopy: Hashable, Sendable {
    public var barcode: String
    public var location: String

    public init(barcode: String, location: String) {
        self.barcode = barcode
        self.location = location
    }
}

/// Changes to a book's fields: nil leaves a field as it is; an empty string
/// (or an empty list) clears it.
public struct BookChanges: Sendable {
    public var title: String?
    public var authors: [String]?
    public var subjects: [String]?
    public var date: String?
    public var edition: String?
    public var jurisdiction: String?
    public var isbn: String?

    /// No changes: set the fields to change.
    public init() {}

    var isEmpty: Bool {
        title == nil && authors == nil && subjects == nil && date == nil && edition == nil
            && jurisdiction == nil && isbn == nil
    }

    func applied(to fields: BookFields) -> BookFields {
        BookFields(
            title: title ?? fields.title, authors: authors ?? fields.authors,
            subjects: subjects ?? fields.subjects, date: date ?? fields.date,
            edition: edition ?? fields.edition, jurisdiction: jurisdiction ?? fields.jurisdiction,
            isbn: isbn ?? fields.isbn
        ).normalised
    }
}

/// What `remove` did.
public enum Removal: Hashable, Sendable {
    case withdrewCopy(barcode: String, title: String)
    case deletedBook(id: Int64, title: String)
}

// MARK: - Writes

extension CatalogueDatabase {
    /// Adds a book and its copies in one transaction, and returns the book's id.
    @discardableResult
    public func addBook(_ fields: BookFields, copies: [NewCopy] = []) throws -> Int64 {
        let fields = fields.normalised
        let homes = try copies.map { try LocationPath.normalise($0.location) }
        let now = nowStamp
        return try write { db in
            let id = try db.insertBook(fields)
            for (copy, home) in zip(copies, homes) {
                try db.insertCopy(bookID: id, barcode: copy.barcode.trimmed, home: home, at: now)
            }
            // Its words join the correction index in the same transaction: searches never write.
            try Vocabulary.refresh(db)
            return id
        }
    }

    /// Changes a book's fields, and adds copies to it; returns the book's id.
    @discardableResult
    public func editBook(_ key: String, changes: BookChanges, addingCopies copies: [NewCopy] = []) throws -> Int64 {
        if changes.isEmpty && copies.isEmpty { throw CatalogueError.nothingToChange }
        let homes = try copies.map { try LocationPath.normalise($0.location) }
        let now = nowStamp
        return try write { db in
            let book = try db.book(forKey: key)
            let fields = changes.applied(to: book.fields)
            if fields != book.fields {
                try db.updateBook(id: book.id, fields)
                // Its new words join the correction index in the same transaction.
                try Vocabulary.refresh(db)
            }
            for (copy, home) in zip(copies, homes) {
                try db.insertCopy(bookID: book.id, barcode: copy.barcode.trimmed, home: home, at: now)
            }
            return book.id
        }
    }

    /// Withdraws the copy `key` is the barcode of, or else deletes the book it
    /// names (see `Database.resolve`) if that book never had a copy.
    public func remove(_ key: String, note: String? = nil) throws -> Removal {
        let (found, book) = try read { db in try db.resolvedBook(key) }
        if let barcode = found.barcode {
            try withdraw(barcode: barcode, note: note)
            return .withdrewCopy(barcode: barcode, title: book.fields.title)
        }
        try deleteBook(id: book.id)
        return .deletedBook(id: book.id, title: book.fields.title)
    }

    /// Deletes a book that has no copies. A book with copies keeps them and
    /// their history: withdraw the copies instead.
    public func deleteBook(id: Int64) throws {
        try write { db in
            guard try db.book(id: id) != nil else {
                throw CatalogueError.bookNotFound(String(id))
            }
            do {
                try db.execute(sql: "DELETE FROM book WHERE id = ?", arguments: [id])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                let copies = try Int.fetchOne(db, sql: "SELECT count(*) FROM copy WHERE book_id = ?", arguments: [id]) ?? 0
                throw CatalogueError.bookHasCopies(id: id, copies: copies)
            }
        }
    }
}

extension Database {
    /// Inserts a normalised book, mapping a failed CHECK to the field it guards.
    func insertBook(_ f: BookFields) throws -> Int64 {
        do {
            try cachedStatement(
                sql: """
                    INSERT INTO book(title, authors, subjects, date, edition, jurisdiction, isbn, isbn13, edition_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                f.title, JSONList.encode(f.authors), JSONList.encode(f.subjects), f.date, f.edition,
                f.jurisdiction, f.isbn, ISBN.normalised(f.isbn), Edition.number(of: f.edition),
            ])
        } catch {
            throw CatalogueError.invalid(error, in: f)
        }
        return lastInsertedRowID
    }

    func updateBook(id: Int64, _ f: BookFields) throws {
        do {
            try execute(
                sql: """
                    UPDATE book SET title = ?, authors = ?, subjects = ?, date = ?, edition = ?,
                    jurisdiction = ?, isbn = ?, isbn13 = ?, edition_number = ? WHERE id = ?
                    """,
                arguments: [
                    f.title, JSONList.encode(f.authors), JSONList.encode(f.subjects), f.date, f.edition,
                    f.jurisdiction, f.isbn, ISBN.normalised(f.isbn), Edition.number(of: f.edition), id,
                ])
        } catch {
            throw CatalogueError.invalid(error, in: f)
        }
    }

    /// Inserts a copy homed at `home` (a normalised path) and its `added` event.
    /// Returns whether its home location was new.
    @discardableResult
    func insertCopy(bookID: Int64, barcode: String, home: String, at now: String) throws -> Bool {
        // Reliability review: SQLite's length() and GLOB stop at a NUL, so the
        // schema's copy_barcode_is_printable CHECK let "A\0 B" through; this
        // one case the database cannot see is refused here.
        if barcode.utf8.contains(0) {
            throw CatalogueError.invalidField(
                field: "barcode", value: barcode,
                reason: "a barcode is 1 to 64 letters, digits or symbols, without spaces")
        }
        let home = try locationID(forPath: home)
        try insertCopy(bookID: bookID, barcode: barcode, homeID: home.id, at: now)
        return home.added
    }

    /// Inserts a copy homed at the location `homeID` and its `added` event.
    /// (Import resolves each place once and calls this directly.)
    func insertCopy(bookID: Int64, barcode: String, homeID: Int64, at now: String) throws {
        do {
            try cachedStatement(sql: "INSERT INTO copy(book_id, barcode, home_id) VALUES (?, ?, ?)")
                .execute(arguments: [bookID, barcode, homeID])
        } catch let error as DatabaseError where error.isUniqueViolation {
            let title = try String.fetchOne(
                self, sql: "SELECT b.title FROM copy c JOIN book b ON b.id = c.book_id WHERE c.barcode = ? COLLATE NOCASE",
                arguments: [barcode]) ?? "another book"
            throw CatalogueError.barcodeTaken(barcode: barcode, title: title)
        } catch {
            if let check = FailedCheck(error) {
                throw CatalogueError.invalidField(field: check.field, value: barcode, reason: check.reason)
            }
            throw error
        }
        try cachedStatement(
            sql: "INSERT INTO event(copy_id, kind, at, location_id) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [lastInsertedRowID, EventKind.added, now, homeID])
    }
}

extension CatalogueError {
    /// The invalid-field error for a book whose insert or update failed a CHECK.
    static func invalid(_ error: any Error, in f: BookFields) -> any Error {
        guard let check = FailedCheck(error) else { return error }
        let value: String
        switch check.field {
        case "date": value = f.date ?? ""
        case "edition": value = f.edition ?? ""
        case "jurisdiction": value = f.jurisdiction ?? ""
        case "isbn": value = f.isbn ?? ""
        default: value = f.title
        }
        return CatalogueError.invalidField(field: check.field, value: value, reason: check.reason)
    }
}
