// The event log: the one way anything happens to a copy. A copy's state is
// read once at the start of a command (`CopyRow`), each change is one event
// appended (`recordEvent`), and the triggers on `event` refuse what the
// copy's state forbids and move its state on; their refusals are turned into
// sentences here. Commands that record several events run them in one
// transaction (`transaction(rollback:)`, which a dry run rolls back).
import GRDB

/// A copy's state as stored, read at the start of a command.
struct CopyRow {
    var id: Int64
    var barcode: String
    var title: String
    var status: CopyStatus
    var homeID: Int64
    var locationID: Int64?
    var borrowerID: Int64?

    private static let selection = """
        SELECT c.id, c.barcode, b.title, c.status, c.home_id, c.location_id, c.borrower_id
        FROM copy c JOIN book b ON b.id = c.book_id
        """

    /// The copy with `barcode`, typed in any case.
    static func fetch(_ db: Database, barcode: String) throws -> CopyRow {
        let barcode = barcode.trimmed
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: selection + " WHERE c.barcode = ? COLLATE NOCASE"), arguments: [barcode])
        else { throw CatalogueError.copyNotFound(barcode: barcode) }
        return CopyRow(row: row)
    }

    /// The copies matching `condition` (on `c`, the copy), in barcode order.
    static func fetchAll(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [CopyRow] {
        try Row.fetchAll(db, sql: selection + " WHERE \(condition) ORDER BY c.barcode", arguments: arguments)
            .map(CopyRow.init)
    }
}

extension CopyRow {
    init(row: Row) {
        self.init(
            id: row["id"], barcode: row["barcode"], title: row["title"],
            status: CopyStatus(rawValue: row["status"]) ?? .onShelf, homeID: row["home_id"],
            locationID: row["location_id"], borrowerID: row["borrower_id"])
    }
}

extension Database {
    func copyID(forBarcode barcode: String) throws -> Int64 {
        let barcode = barcode.trimmed
        guard let id = try Int64.fetchOne(
            cachedStatement(sql: "SELECT id FROM copy WHERE barcode = ? COLLATE NOCASE"), arguments: [barcode])
        else { throw CatalogueError.copyNotFound(barcode: barcode) }
        return id
    }

    /// Appends an event to a copy's log and returns its id. The triggers on
    /// `event` refuse what the copy's state forbids and move its state on;
    /// their refusals come out as `CatalogueError.refused` in words.
    /// `follows` is the event this one is recorded with (one command's work on
    /// one copy, undone together); `stocktake` the stocktake recording it.
    @discardableResult
    func recordEvent(
        copyID: Int64, barcode: String, kind: EventKind, at: String, locationID: Int64? = nil,
        personID: Int64? = nil, due: String? = nil, note: String? = nil, follows: Int64? = nil,
        stocktake: Int64? = nil
    ) throws -> Int64 {
        do {
            try cachedStatement(
                sql: """
                    INSERT INTO event(copy_id, kind, at, location_id, person_id, due, note, follows_id, stocktake_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                copyID, kind, at, locationID, personID, due, note?.trimmed.nonEmpty, follows, stocktake,
            ])
            return lastInsertedRowID
        } catch let error as DatabaseError {
            if let refusal = Refusal(error) {
                throw try refusal.error(barcode: barcode, copyID: copyID, in: self)
            }
            if let check = FailedCheck(error) {
                throw CatalogueError.invalidField(field: check.field, value: due ?? "", reason: check.reason)
            }
            throw error
        }
    }
}

/// A refusal raised by a trigger on `event` (`RAISE(ABORT, 'lawcat:…')`).
enum Refusal: String {
    case withdrawn = "lawcat:withdrawn"
    case notOnShelf = "lawcat:not-on-shelf"
    case notOnLoan = "lawcat:not-on-loan"
    case alreadyMissing = "lawcat:already-missing"
    case notMissing = "lawcat:not-missing"
    case onLoan = "lawcat:on-loan"
    case missing = "lawcat:missing"
    case cannotUndo = "lawcat:cannot-undo"
    case nothingToRenew = "lawcat:nothing-to-renew"

    init?(_ error: DatabaseError) {
        guard let message = error.message, let refusal = Refusal(rawValue: message) else { return nil }
        self = refusal
    }

    private static func missing(_ barcode: String) -> Reason {
        Reason(
            commandLine: "this copy is missing; record where it turned up with `lawcat found \(barcode)` first",
            browser: "this copy is missing; record where it turned up first (Found there, on its copy's page)")
    }

    /// The refusal in words, with who has the copy where that helps.
    func error(barcode: String, copyID: Int64, in db: Database) throws -> CatalogueError {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT c.status, p.name AS borrower FROM copy c LEFT JOIN person p ON p.id = c.borrower_id WHERE c.id = ?",
            arguments: [copyID])
        let status = (row?["status"] as String?).flatMap(CopyStatus.init(rawValue:))
        let borrower: String = row?["borrower"] ?? "someone"
        // SQLite runs the newest BEFORE trigger first, so a withdrawn copy can
        // trip another refusal before `lawcat:withdrawn`: the status decides.
        let refusal = status == .withdrawn ? .withdrawn : self
        let reason: Reason
        switch refusal {
        case .withdrawn:
            reason = "this copy has been withdrawn; nothing more can happen to it"
        case .notOnShelf where status == .onLoan:
            reason = Reason(
                commandLine: "already on loan to \(borrower); check it in first with `lawcat checkin \(barcode)`",
                browser: "already on loan to \(borrower); check it in first (Check in, then scan it)")
        case .notOnShelf where status == .missing, .missing:
            reason = Self.missing(barcode)
        case .notOnShelf:
            reason = "this copy is \(status?.rawValue ?? "unknown"), not on the shelf"
        case .notOnLoan:
            reason = "this copy is not on loan, so there is nothing to check in"
        case .alreadyMissing:
            reason = "this copy is already reported missing"
        case .notMissing:
            reason = Reason(
                commandLine: "this copy is not missing; use `lawcat seen` to record a sighting",
                browser: "this copy is not missing; use Seen there to record a sighting")
        case .onLoan:
            reason = "on loan to \(borrower); check it in before withdrawing it"
        case .nothingToRenew where status == .missing:
            reason = Self.missing(barcode)
        case .nothingToRenew:
            reason = "this copy is not on loan, so there is no loan to renew"
        case .cannotUndo:
            reason = "that event cannot be undone"
        }
        return .refused(barcode: barcode, reason: reason)
    }
}

extension CatalogueDatabase {
    /// Runs `body` in one IMMEDIATE transaction, rolled back at the end when `rollback`.
    func transaction<T>(rollback: Bool, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return rollback ? .rollback : .commit
                }
                return result!
            }
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }
}
