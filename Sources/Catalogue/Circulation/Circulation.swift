// Circulation: lending, returning, moving, sighting, losing, finding and
// withdrawing copies, each one transaction of events in the event log.
import Foundation
import GRDB

/// When a loan is due back.
public enum DueDate: Sendable, Equatable {
    case none
    /// A day, `YYYY-MM-DD`.
    case date(String)
    /// This many days from today.
    case days(Int)
}

/// A location that a command added because nobody had named it before, with
/// the existing names it is close to (a typo is likelier than a new room).
public struct NewLocation: Hashable, Sendable {
    public var path: String
    public var closeNames: [String]
}

/// What a circulation command did to one copy, and where the copy stands now.
public struct CirculationResult: Hashable, Sendable {
    public var barcode: String
    public var title: String
    public var status: CopyStatus
    public var location: String?
    public var home: String
    public var borrower: String?
    public var due: String?
    /// The copy had been missing: a `found` event was recorded before this one.
    public var wasMissing: Bool = false
    /// A check-in ended a loan (false for a missing copy that was not on loan: it was only found).
    public var endedLoan: Bool = false
    /// A person this command added to the catalogue.
    public var personAdded: String?
    /// A location this command added to the catalogue.
    public var locationAdded: NewLocation?
    /// A renewal's due date before it (nil when the loan had none).
    public var previousDue: String?
    /// The copy's latest event once the command is done: the one it recorded.
    /// The desk's Undo names it, so that it undoes that action and nothing after (`undo(event:)`).
    public var eventID: Int64? = nil
}

extension CatalogueDatabase {
    /// Lends a copy to `person` (added when new; a new name close to a known
    /// one is refused unless `newPerson`). A copy that is on loan, missing or
    /// withdrawn is refused by the event log's triggers.
    public func checkout(
        barcode: String, to person: String, due: DueDate = .none, at place: String? = nil, note: String? = nil,
        newPerson: Bool = false
    ) throws -> CirculationResult {
        let now = clock.now()
        let dueDay = try Self.dueDay(due, now: now)
        let name = try Self.personName(person)
        let path = try place.map(LocationPath.normalise)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let borrower = try db.personID(forName: name, new: newPerson)
            if borrower.added { result.personAdded = name }
            var placeID: Int64?
            if let path {
                let place = try db.place(path)
                placeID = place.id
                result.locationAdded = place.added
            }
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .checkedOut, at: Timestamp.string(from: now),
                locationID: placeID, personID: borrower.id, due: dueDay, note: note)
            return try db.result(copy, base: result)
        }
    }

    /// Takes a copy back from loan, to its home unless `place` says otherwise.
    /// A missing copy that turns up at the desk is recorded as found there; a
    /// copy that is on the shelf is refused (there is nothing to check in).
    public func checkin(barcode: String, at place: String? = nil, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        return try change(barcode, at: place.map(LocationPath.normalise), else: \.homeID) { db, copy, placeID, result in
            var found: Int64?
            if copy.status == .missing {
                found = try db.recordFound(copy, at: now, placeID: placeID, into: &result)
                // A missing copy that was not on loan has simply turned up.
                if copy.borrowerID == nil { return }
            }
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .returned, at: now, locationID: placeID, note: note,
                follows: found)
            result.endedLoan = true
        }
    }

    /// Records that a copy now sits at `place` (on loan or not).
    public func move(barcode: String, to place: String, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        return try change(barcode, at: LocationPath.normalise(place), else: \.homeID) { db, copy, placeID, result in
            let found = copy.status == .missing ? try db.recordFound(copy, at: now, placeID: placeID, into: &result) : nil
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .moved, at: now, locationID: placeID, note: note,
                follows: found)
        }
    }

    /// Records a sighting: at `place`, else where the copy is believed to be
    /// (else its home); `by` is who saw it (added when new, as `checkout` adds a borrower).
    public func seen(
        barcode: String, at place: String? = nil, by person: String? = nil, note: String? = nil, newPerson: Bool = false
    ) throws -> CirculationResult
    {
        let now = nowStamp
        let path = try place.map(LocationPath.normalise)
        let name = try person.map(Self.personName)
        return try change(barcode, at: path, else: { $0.locationID ?? $0.homeID }) { db, copy, placeID, result in
            var personID: Int64?
            if let name {
                let seer = try db.personID(forName: name, new: newPerson)
                personID = seer.id
                if seer.added { result.personAdded = name }
            }
            let found = copy.status == .missing ? try db.recordFound(copy, at: now, placeID: placeID, into: &result) : nil
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .seen, at: now, locationID: placeID,
                personID: personID, note: note, follows: found)
        }
    }

    /// Reports a copy missing. Its last sighting stays as it was.
    public func reportMissing(barcode: String, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            try db.recordEvent(copyID: copy.id, barcode: copy.barcode, kind: .missing, at: now, note: note)
            return try db.result(copy, base: .blank)
        }
    }

    /// Records that a missing copy turned up at `place` (its home unless given).
    public func found(barcode: String, at place: String? = nil, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        return try change(barcode, at: place.map(LocationPath.normalise), else: \.homeID) { db, copy, placeID, result in
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .found, at: now, locationID: placeID, note: note)
        }
    }

    /// One command on one copy that puts it somewhere, in one transaction:
    /// reads the copy, finds or adds the location `path` (else the copy's
    /// `fallback` place), lets `record` append the events, and answers with
    /// the copy as it stands after.
    private func change(
        _ barcode: String, at path: String?, else fallback: (CopyRow) -> Int64,
        _ record: (Database, CopyRow, _ placeID: Int64, inout CirculationResult) throws -> Void
    ) throws -> CirculationResult {
        try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let placeID = try db.placeID(path, default: fallback(copy), into: &result)
            try record(db, copy, placeID, &result)
            return try db.result(copy, base: result)
        }
    }

    /// Withdraws a copy: it leaves the shelves for good, and keeps its history.
    /// This is the one code path behind `remove BARCODE` and `withdraw BARCODE`.
    public func withdraw(barcode: String, note: String? = nil) throws {
        let now = nowStamp
        try write { db in
            let copyID = try db.copyID(forBarcode: barcode)
            try db.recordEvent(copyID: copyID, barcode: barcode, kind: .withdrawn, at: now, note: note)
        }
    }

    /// The longest loan in days: ten years. More is a slip of the keys (`--days 99999999`
    /// once asked for a loan due in the year 275817).
    public static let longestLoan = 3650

    /// The due day for `due`, refusing a day before today: a loan that is
    /// overdue the moment it starts is a typo.
    static func dueDay(_ due: DueDate, now: Date) throws -> String? {
        let today = LocalDay.string(from: now)
        switch due {
        case .none:
            return nil
        case .days(let days):
            // The command line's own check says the same with its options' names (DueDateArguments).
            guard days >= 1 else {
                throw CatalogueError.invalidField(
                    field: "days", value: String(days),
                    reason: "must be 1 or more (a loan due the day it starts is a slip; give today's date as the due date if it is meant)")
            }
            guard days <= longestLoan else {
                throw CatalogueError.invalidField(field: "days", value: String(days), reason: "must be at most \(longestLoan) (ten years)")
            }
            return LocalDay.string(adding: days, to: now)
        case .date(let text):
            let day = text.trimmed
            if let problem = LocalDay.problem(with: day) {
                throw CatalogueError.invalidField(field: "due date", value: text, reason: problem)
            }
            guard day >= today else {
                throw CatalogueError.invalidField(
                    field: "due date", value: text,
                    reason: "it is before today (\(today)); give today or a later day, or --days N")
            }
            return day
        }
    }
}

extension CirculationResult {
    static let blank = CirculationResult(barcode: "", title: "", status: .onShelf, home: "")
}

extension Database {
    /// Ends a copy's missing state: any sighting of a missing copy is first a find.
    /// Returns the find's event id: the sighting is recorded with it.
    @discardableResult
    func recordFound(_ copy: CopyRow, at now: String, placeID: Int64, into result: inout CirculationResult) throws
        -> Int64
    {
        result.wasMissing = true
        return try recordEvent(copyID: copy.id, barcode: copy.barcode, kind: .found, at: now, locationID: placeID)
    }

    /// The copy's state after the command, on top of what the command noted.
    func result(_ copy: CopyRow, base: CirculationResult) throws -> CirculationResult {
        guard let row = try Row.fetchOne(
            cachedStatement(sql: CopySummary.selection + " WHERE c.id = ?"), arguments: [copy.id])
        else { throw CatalogueError.copyNotFound(barcode: copy.barcode) }
        let summary = try CopySummary(row: row)
        var result = base
        result.barcode = summary.barcode
        result.title = copy.title
        result.status = summary.status
        result.location = summary.location
        result.home = summary.home
        result.borrower = summary.borrower
        result.due = summary.due
        result.eventID = try Int64.fetchOne(cachedStatement(sql: "SELECT max(id) FROM event WHERE copy_id = ?"), arguments: [copy.id])
        return result
    }

}
