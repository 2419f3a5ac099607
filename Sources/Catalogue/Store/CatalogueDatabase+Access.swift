import GRDB

extension CatalogueDatabase {
    /// Runs `body` in one IMMEDIATE write transaction; any error rolls it all
    /// back and comes out as a `CatalogueError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot of the catalogue.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }

    /// The current time as the event log stores it.
    var nowStamp: String { Timestamp.string(from: clock.now()) }
}

extension Database {
    /// The id of the row of `table` whose unique `column` is `value`, added
    /// when there is none; returns whether it was added. Locations are found
    /// by path and people by name this way.
    func findOrAdd(in table: String, column: String, _ value: String) throws -> (id: Int64, added: Bool) {
        if let id = try Int64.fetchOne(
            cachedStatement(sql: "SELECT id FROM \(table) WHERE \(column) = ?"), arguments: [value])
        {
            return (id, false)
        }
        try cachedStatement(sql: "INSERT INTO \(table)(\(column)) VALUES (?)").execute(arguments: [value])
        return (lastInsertedRowID, true)
    }
}

/// A CHECK constraint that failed, as named in schema.sql, with the field it
/// guards and what a valid value looks like.
struct FailedCheck {
    let field: String
    let reason: String

    private static let known: [String: FailedCheck] = [
        "book_title_is_required": .init(field: "title", reason: "a book needs a title"),
        "book_date_is_iso8601": .init(
            field: "date", reason: "write a real date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019 or 2019-03-31"),
        "book_edition_is_not_blank": .init(field: "edition", reason: "leave it out rather than blank"),
        "book_jurisdiction_is_not_blank": .init(field: "jurisdiction", reason: "leave it out rather than blank"),
        "book_isbn_is_not_blank": .init(field: "isbn", reason: "leave it out rather than blank"),
        "copy_barcode_is_printable": .init(
            field: "barcode", reason: "a barcode is 1 to 64 letters, digits or symbols, without spaces"),
        "location_path_is_canonical": .init(field: "location", reason: "write a path such as London/4F/Litigation"),
        "person_name_is_required": .init(field: "name", reason: "a person needs a name"),
        "event_due_is_a_date": .init(field: "due date", reason: "write it as YYYY-MM-DD"),
        // schema v4's trigger for a day the month does not have (2019-02-30).
        "lawcat:impossible-date": .init(
            field: "date", reason: "write a real date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019 or 2019-03-31"),
    ]

    /// The failed check behind `error`, if it is a CHECK constraint lawcat names.
    init?(_ error: any Error) {
        guard let error = error as? DatabaseError,
            error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK
                || error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER,
            let message = error.message,
            let match = Self.known.first(where: { message.contains($0.key) })
        else { return nil }
        self = match.value
    }

    private init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

extension DatabaseError {
    var isUniqueViolation: Bool {
        extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
    }
}
