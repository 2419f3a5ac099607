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
    /// A person this command added to the catalogue.
    public var personAdded: String?
    /// A location this command added to the catalogue.
    public var locationAdded: NewLocation?
    /// A renewal's due date before it (nil when the loan had none).
    public var previousDue: String?
}

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

extension CatalogueDatabase {
    /// Lends a copy to `person` (added when new). A copy that is on loan,
    /// missing or withdrawn is refused by the event log's triggers.
    public func checkout(
        barcode: String, to person: String, due: DueDate = .none, at place: String? = nil, note: String? = nil
    ) throws -> CirculationResult {
        let now = clock.now()
        let dueDay = try Self.dueDay(due, now: now)
        let name = try Self.personName(person)
        let path = try place.map(LocationPath.normalise)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let borrower = try db.personID(forName: name)
            if borrower.added { result.personAdded = name }
            var placeID: Int64?
            if let path {
                let place = try db.place(path)
                placeID = place.id
                result.locationAdded = place.added
            }
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: "checked-out", at: Timestamp.string(from: now),
                locationID: placeID, personID: borrower.id, due: dueDay, note: note)
            return try db.result(copy, base: result)
        }
    }

    /// Takes a copy back from loan, to its home unless `place` says otherwise.
    /// A missing copy that turns up at the desk is recorded as found there; a
    /// copy that is on the shelf is refused (there is nothing to check in).
    public func checkin(barcode: String, at place: String? = nil, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        let path = try place.map(LocationPath.normalise)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let placeID = try db.placeID(path, default: copy.homeID, into: &result)
            var found: Int64?
            if copy.status == .missing {
                found = try db.recordFound(copy, at: now, placeID: placeID, into: &result)
                // A missing copy that was not on loan has simply turned up.
                if copy.borrowerID == nil { return try db.result(copy, base: result) }
            }
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: "returned", at: now, locationID: placeID, note: note,
                follows: found)
            return try db.result(copy, base: result)
        }
    }

    /// Records that a copy now sits at `place` (on loan or not).
    public func move(barcode: String, to place: String, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        let path = try LocationPath.normalise(place)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let placeID = try db.placeID(path, default: copy.homeID, into: &result)
            let found = copy.status == .missing ? try db.recordFound(copy, at: now, placeID: placeID, into: &result) : nil
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: "moved", at: now, locationID: placeID, note: note,
                follows: found)
            return try db.result(copy, base: result)
        }
    }

    /// Records a sighting: at `place`, else where the copy is believed to be
    /// (else its home); `by` is who saw it (added when new).
    public func seen(barcode: String, at place: String? = nil, by person: String? = nil, note: String? = nil) throws
        -> CirculationResult
    {
        let now = nowStamp
        let path = try place.map(LocationPath.normalise)
        let name = try person.map(Self.personName)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let placeID = try db.placeID(path, default: copy.locationID ?? copy.homeID, into: &result)
            var personID: Int64?
            if let name {
                let seer = try db.personID(forName: name)
                personID = seer.id
                if seer.added { result.personAdded = name }
            }
            let found = copy.status == .missing ? try db.recordFound(copy, at: now, placeID: placeID, into: &result) : nil
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: "seen", at: now, locationID: placeID,
                personID: personID, note: note, follows: found)
            return try db.result(copy, base: result)
        }
    }

    /// Reports a copy missing. Its last sighting stays as it was.
    public func reportMissing(barcode: String, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            try db.recordEvent(copyID: copy.id, barcode: copy.barcode, kind: "missing", at: now, note: note)
            return try db.result(copy, base: .blank)
        }
    }

    /// Records that a missing copy turned up at `place` (its home unless given).
    public func found(barcode: String, at place: String? = nil, note: String? = nil) throws -> CirculationResult {
        let now = nowStamp
        let path = try place.map(LocationPath.normalise)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let placeID = try db.placeID(path, default: copy.homeID, into: &result)
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: "found", at: now, locationID: placeID, note: note)
            return try db.result(copy, base: result)
        }
    }

    /// The due day for `due`, refusing a day before today: a loan that is
    /// overdue the moment it starts is a typo.
    static func dueDay(_ due: DueDate, now: Date) throws -> String? {
        let today = LocalDay.string(from: now)
        switch due {
        case .none:
            return nil
        case .days(let days):
            guard days >= 0 else {
                throw CatalogueError.invalidField(field: "--days", value: String(days), reason: "give 0 or more days")
            }
            return LocalDay.string(adding: days, to: now)
        case .date(let text):
            let day = text.trimmed
            guard LocalDay.isValid(day) else {
                throw CatalogueError.invalidField(field: "due date", value: text, reason: "write it as YYYY-MM-DD")
            }
            guard day >= today else {
                throw CatalogueError.invalidField(
                    field: "due date", value: text,
                    reason: "it is before today (\(today)); give today or a later day, or --days N")
            }
            return day
        }
    }

    static func personName(_ text: String) throws -> String {
        let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else {
            throw CatalogueError.invalidField(field: "person", value: text, reason: "give a name, e.g. 'Jane Smith'")
        }
        return name
    }
}

extension CirculationResult {
    static let blank = CirculationResult(barcode: "", title: "", status: .onShelf, home: "")
}

extension Database {
    /// A location by path, added when new (with the close names of existing ones).
    func place(_ path: String) throws -> (id: Int64, added: NewLocation?) {
        let found = try locationID(forPath: path)
        guard found.added else { return (found.id, nil) }
        // A path with places under it ('London/Library' over its bays) is not news.
        let under = try Bool.fetchOne(
            self, sql: "SELECT EXISTS (SELECT 1 FROM location l WHERE l.id <> ? AND " + LocationPath.underSQL("l") + ")",
            arguments: StatementArguments([found.id] + LocationPath.underArguments(path).map { $0 as (any DatabaseValueConvertible) })) ?? false
        if under { return (found.id, nil) }
        return (found.id, NewLocation(path: path, closeNames: try closeLocationNames(to: path, except: found.id)))
    }

    /// `path`'s location id (added when new, and noted in `result`), else `fallback`.
    func placeID(_ path: String?, default fallback: Int64, into result: inout CirculationResult) throws -> Int64 {
        guard let path else { return fallback }
        let place = try place(path)
        if let added = place.added { result.locationAdded = added }
        return place.id
    }

    /// Ends a copy's missing state: any sighting of a missing copy is first a find.
    @discardableResult
    func recordFound(_ copy: CopyRow, at now: String, placeID: Int64, into result: inout CirculationResult) throws
        -> Int64
    {
        result.wasMissing = true
        return try recordEvent(copyID: copy.id, barcode: copy.barcode, kind: "found", at: now, locationID: placeID)
    }

    /// The copy's state after the command, on top of what the command noted.
    func result(_ copy: CopyRow, base: CirculationResult) throws -> CirculationResult {
        guard let row = try Row.fetchOne(
            cachedStatement(sql: CopySummary.selection + " WHERE c.id = ?"), arguments: [copy.id])
        else { throw CatalogueError.copyNotFound(barcode: copy.barcode) }
        let summary = CopySummary(row: row)
        var result = base
        result.barcode = summary.barcode
        result.title = copy.title
        result.status = summary.status
        result.location = summary.location
        result.home = summary.home
        result.borrower = summary.borrower
        result.due = summary.due
        return result
    }

    /// Existing location names within a small edit distance of `path`, or
    /// sharing its last part: what the user may have meant.
    func closeLocationNames(to path: String, except id: Int64) throws -> [String] {
        let paths = try String.fetchAll(
            cachedStatement(sql: "SELECT path FROM location WHERE id <> ? ORDER BY path"), arguments: [id])
        let target = path.lowercased()
        let last = target.split(separator: "/").last.map(String.init) ?? target
        let scored = paths.compactMap { candidate -> (String, Int)? in
            let lower = candidate.lowercased()
            let distance = EditDistance.between(lower, target, limit: 3)
            let sameLast = lower.split(separator: "/").last.map(String.init) == last
            guard distance <= 2 || sameLast else { return nil }
            return (candidate, sameLast ? min(distance, 3) : distance)
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}

/// Levenshtein distance, giving up early past `limit`.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
