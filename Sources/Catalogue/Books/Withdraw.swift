import GRDB

extension CatalogueDatabase {
    /// Withdraws a copy: it leaves the shelves for good, and keeps its history.
    /// This is the one code path behind `remove BARCODE` and `withdraw BARCODE`.
    public func withdraw(barcode: String, note: String? = nil) throws {
        let now = nowStamp
        try write { db in
            let copyID = try db.copyID(forBarcode: barcode)
            try db.recordEvent(copyID: copyID, barcode: barcode, kind: "withdrawn", at: now, note: note)
        }
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
        copyID: Int64, barcode: String, kind: String, at: String, locationID: Int64? = nil,
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

    /// The refusal in words, with who has the copy where that helps.
    func error(barcode: String, copyID: Int64, in db: Database) throws -> CatalogueError {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT c.status, p.name AS borrower FROM copy c LEFT JOIN person p ON p.id = c.borrower_id WHERE c.id = ?",
            arguments: [copyID])
        let status: String = row?["status"] ?? ""
        let borrower: String = row?["borrower"] ?? "someone"
        let reason: String
        switch self {
        case .withdrawn, _ where status == "withdrawn":
            // SQLite runs the newest BEFORE trigger first, so a withdrawn copy can
            // trip another refusal before `lawcat:withdrawn`: the status decides.
            reason = "this copy has been withdrawn; nothing more can happen to it"
        case .notOnShelf where status == "on-loan":
            reason = "already on loan to \(borrower); check it in first with `lawcat checkin \(barcode)`"
        case .notOnShelf where status == "missing", .missing:
            reason = "this copy is missing; record where it turned up with `lawcat found \(barcode)` first"
        case .notOnShelf:
            reason = "this copy is \(status), not on the shelf"
        case .notOnLoan:
            reason = "this copy is not on loan, so there is nothing to check in"
        case .alreadyMissing:
            reason = "this copy is already reported missing"
        case .notMissing:
            reason = "this copy is not missing; use `lawcat seen` to record a sighting"
        case .onLoan:
            reason = "on loan to \(borrower); check it in before withdrawing it"
        case .nothingToRenew where status == "missing":
            reason = "this copy is missing; record where it turned up with `lawcat found \(barcode)` first"
        case .nothingToRenew:
            reason = "this copy is not on loan, so there is no loan to renew"
        case .cannotUndo:
            reason = "that event cannot be undone"
        }
        return .refused(barcode: barcode, reason: reason)
    }
}
