import GRDB

/// What `lawcat check` found: SQLite's own checks, lawcat's schema, the full-text index, and
/// every copy's stored state against the state its event log implies.
public struct CheckReport: Sendable, Encodable {
    /// `PRAGMA integrity_check` lines other than "ok".
    public var integrity: [String] = []
    /// `PRAGMA foreign_key_check` rows, as "table row N -> parent".
    public var foreignKeys: [String] = []
    /// Tables, indexes and triggers of lawcat's that are missing or changed.
    public var schema: [String] = []
    /// The full-text index's own integrity check, when it fails.
    public var fullText: [String] = []
    /// Copies whose stored state or loans differ from their replayed log.
    public var copies: [String] = []
    public var copiesChecked = 0
    public var eventsReplayed = 0

    public var isClean: Bool {
        integrity.isEmpty && foreignKeys.isEmpty && schema.isEmpty && fullText.isEmpty && copies.isEmpty
    }
    /// Every problem, one line each.
    public var problems: [String] {
        integrity.map { "integrity: " + $0 } + foreignKeys.map { "foreign key: " + $0 }
            + schema.map { "schema: " + $0 } + fullText.map { "full-text index: " + $0 } + copies
    }

    enum CodingKeys: String, CodingKey {
        case clean, integrity, foreignKeys = "foreign_keys", schema, fullText = "full_text", copies
        case copiesChecked = "copies_checked", eventsReplayed = "events_replayed"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(isClean, forKey: .clean)
        try c.encode(integrity, forKey: .integrity)
        try c.encode(foreignKeys, forKey: .foreignKeys)
        try c.encode(schema, forKey: .schema)
        try c.encode(fullText, forKey: .fullText)
        try c.encode(copies, forKey: .copies)
        try c.encode(copiesChecked, forKey: .copiesChecked)
        try c.encode(eventsReplayed, forKey: .eventsReplayed)
    }
}

extension CatalogueDatabase {
    /// Checks the whole catalogue: SQLite's own checks, the full-text index,
    /// and every copy's state against its event log. Never changes anything:
    /// SQLite's checks and the replay read one snapshot; FTS5's own check runs
    /// in a write transaction that is rolled back (it is spelt as an INSERT).
    /// `restore` refuses a backup whose report is not clean.
    public func check() throws -> CheckReport {
        do {
            return try Self.check(writer)
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }
}

extension Database {
    /// The checks behind `lawcat check`, on this connection. With `fullText`,
    /// the connection must be writable; nothing is changed.
    public func check(fullText: Bool = true) throws -> CheckReport {
        var report = CheckReport()
        report.integrity = try pageProblems()
        report.foreignKeys = try foreignKeyProblems()
        report.schema = try schemaProblems()
        if fullText { report.fullText = try fullTextProblems() }
        try replay(into: &report)
        return report
    }

    /// Recomputes every copy's state from its events, in Swift and in id
    /// order, exactly as the triggers on `event` define it, and compares. The
    /// copies and their events are read side by side in copy order, so memory
    /// stays flat however big the catalogue is.
    func replay(into report: inout CheckReport) throws {
        let survivors = try Survivors(self)
        var openLoans: [Int64: (person: Int64, out: Int64)] = [:]
        let loans = try Row.fetchCursor(
            self, sql: "SELECT copy_id, person_id, out_event_id FROM loan WHERE return_event_id IS NULL")
        while let row = try loans.next() { openLoans[row["copy_id"]] = (row["person_id"], row["out_event_id"]) }

        let events = try Row.fetchCursor(
            self, sql: "SELECT id, copy_id, kind, at, location_id, person_id, due FROM event e WHERE "
                + Self.eventIsInEffect + " ORDER BY copy_id, id")
        var pending = try events.next().map { $0.copy() }
        let copies = try Row.fetchCursor(
            self,
            sql: "SELECT id, barcode, status, location_id, borrower_id, due, since, last_seen_event_id, home_id FROM copy ORDER BY id")
        while let row = try copies.next() {
            report.copiesChecked += 1
            let id: Int64 = row["id"]
            let barcode: String = row["barcode"]
            // Events of copies that do not exist are foreign_key_check's to report; skip them.
            while let event = pending, (event["copy_id"] as Int64) < id { pending = try events.next().map { $0.copy() } }
            var expected = ReplayedCopy()
            while let event = pending, (event["copy_id"] as Int64) == id {
                // A kind this lawcat does not know (the schema allows none) changes nothing.
                if let kind = (event["kind"] as String?).flatMap(EventKind.init(rawValue:)) {
                    expected.apply(
                        id: event["id"], kind: kind, at: event["at"], locationID: survivors.location(event["location_id"]),
                        personID: survivors.person(event["person_id"]), due: event["due"])
                }
                report.eventsReplayed += 1
                pending = try events.next().map { $0.copy() }
            }
            var differences: [String] = []
            func compare<T: Equatable>(_ name: String, _ stored: T?, _ derived: T?) {
                if stored != derived {
                    differences.append("\(name) is \(stored.map { "\($0)" } ?? "null"), its events say \(derived.map { "\($0)" } ?? "null")")
                }
            }
            compare("status", row["status"] as String?, expected.status?.rawValue)
            compare("place", row["location_id"] as Int64?, expected.locationID)
            compare("borrower", row["borrower_id"] as Int64?, expected.borrowerID)
            compare("due", row["due"] as String?, expected.due)
            compare("since", row["since"] as String?, expected.since)
            compare("last sighting", row["last_seen_event_id"] as Int64?, expected.lastSeenEventID)
            compare("home", row["home_id"] as Int64?, expected.homeID)
            let open = openLoans[id]
            compare("open loan's borrower", open?.person, expected.openLoan?.person)
            compare("open loan's checkout event", open?.out, expected.openLoan?.out)
            if !differences.isEmpty {
                report.copies.append("copy \(barcode): " + differences.joined(separator: "; "))
            }
        }
    }
}

extension Database {
    /// The events that make a copy's state (`e` the event): all but the undos
    /// and what they undid. An undo puts the copy back as these alone make it.
    static let eventIsInEffect = "e.kind <> 'undone' AND NOT EXISTS (SELECT 1 FROM event_undone u WHERE u.event_id = e.id)"
}

/// Who and where merged people and locations are now: an event names the
/// person or place as it was when recorded, and a copy's state names the one
/// it was merged into (the triggers on `merge_record` move copies and loans
/// on), so a replay reads each event's through this.
struct Survivors {
    private var locations: [Int64: Int64] = [:]
    private var people: [Int64: Int64] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, merged_into_id FROM location WHERE merged_into_id IS NOT NULL") {
            locations[row[0]] = row[1]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, merged_into_id FROM person WHERE merged_into_id IS NOT NULL") {
            people[row[0]] = row[1]
        }
    }

    func location(_ id: Int64?) -> Int64? { id.map { locations[$0] ?? $0 } }
    func person(_ id: Int64?) -> Int64? { id.map { people[$0] ?? $0 } }
}

/// A copy's state as its events make it: the triggers in schema.sql, in Swift.
struct ReplayedCopy {
    var status: CopyStatus?
    var locationID: Int64?
    var borrowerID: Int64?
    var due: String?
    var since: String?
    var lastSeenEventID: Int64?
    /// Where it belongs: where its `added` event placed it, or its latest new home.
    var homeID: Int64?
    var openLoan: (person: Int64, out: Int64)?

    mutating func apply(id: Int64, kind: EventKind, at: String, locationID newPlace: Int64?, personID: Int64?, due newDue: String?) {
        switch kind {
        case .added, .checkedOut, .returned, .moved, .seen, .found:
            switch kind {
            case .added, .returned: status = .onShelf
            case .checkedOut: status = .onLoan
            case .found: status = borrowerID == nil ? .onShelf : .onLoan
            default: break
            }
            let oldPlace = locationID
            switch kind {
            case .checkedOut: locationID = newPlace
            case .found: locationID = newPlace ?? oldPlace
            default: locationID = newPlace
            }
            switch kind {
            case .checkedOut:
                borrowerID = personID
                due = newDue
                if let personID { openLoan = (personID, id) }
            case .returned:
                borrowerID = nil
                due = nil
                openLoan = nil
            default: break
            }
            if [.added, .checkedOut, .returned, .found].contains(kind) || oldPlace != newPlace {
                since = at
            }
            lastSeenEventID = id
            if kind == .added { homeID = newPlace }
        case .missing:
            status = .missing
            since = at
        case .withdrawn:
            status = .withdrawn
            since = at
        case .renewed:
            due = newDue
        case .rehomed:
            homeID = newPlace
        case .undone, .merged, .reminded:
            // An undo is never replayed (the undone events are left out
            // instead); a merge and a reminder change nothing of the copy's state.
            break
        }
    }
}
