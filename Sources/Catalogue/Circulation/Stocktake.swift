import Foundation
import GRDB

/// A copy as a stocktake lists it.
public struct StocktakeCopy: Hashable, Sendable, Codable, FetchableRecord {
    public var barcode: String
    public var title: String
    public var home: String
    /// Where it is now (after the stocktake's own sightings).
    @Nullable public var location: String?
    /// Since when it has been there, or in its status.
    @Nullable public var since: String?
    @Nullable public var borrower: String?
    @Nullable public var due: String?

    static let selection = """
        SELECT c.id, c.barcode, b.title, home.path AS home, here.path AS location, c.since,
               p.name AS borrower, c.due, c.status, c.location_id, c.home_id
        FROM copy c
        JOIN book b ON b.id = c.book_id
        JOIN location home ON home.id = c.home_id
        LEFT JOIN location here ON here.id = c.location_id
        LEFT JOIN person p ON p.id = c.borrower_id
        """
}

/// A barcode scanned more than once, counted once.
public struct DuplicateScan: Hashable, Sendable, Encodable {
    public var barcode: String
    public var times: Int

    public init(barcode: String, times: Int) {
        self.barcode = barcode
        self.times = times
    }
}

/// What a stocktake of one location found.
public struct StocktakeReport: Sendable, Encodable {
    public var location: String
    /// UTC ISO 8601, the time of every event the stocktake recorded.
    public var at: String
    public var dryRun: Bool
    /// Barcodes read (blank lines not counted), and how many were distinct.
    public var scanned: Int
    public var distinct: Int
    /// Homed here and scanned.
    public var present: [StocktakeCopy] = []
    /// Scanned here but homed elsewhere (`home` says where).
    public var misplaced: [StocktakeCopy] = []
    /// Homed here, believed here, not scanned: candidates for missing.
    public var notSeen: [StocktakeCopy] = []
    /// Homed here, not scanned, but last placed somewhere else (`location`, `since`).
    public var elsewhere: [StocktakeCopy] = []
    /// Homed here and on loan, so not expected.
    public var onLoan: [StocktakeCopy] = []
    /// Homed here, already missing, and not scanned.
    public var stillMissing: [StocktakeCopy] = []
    /// Barcodes the catalogue does not know.
    public var unknown: [String] = []
    /// Scanned copies that had been withdrawn (nothing recorded for them).
    public var withdrawn: [StocktakeCopy] = []
    /// Scanned copies that had been on loan: now checked in here.
    public var returned: [StocktakeCopy] = []
    /// Scanned copies that had been missing: now found here.
    public var found: [StocktakeCopy] = []
    public var duplicates: [DuplicateScan] = []
    /// How many not-seen copies were marked missing (`--mark-missing`).
    public var markedMissing: Int = 0
    /// The stocktake's id, for `lawcat undo --stocktake ID` (0 for a dry run).
    public var id: Int64 = 0
    /// Why not-seen copies were not marked missing, when `--mark-missing` was
    /// given but the scan looked wrong (see `StocktakeSession.finish`).
    @Nullable public var markingRefused: String?

    enum CodingKeys: String, CodingKey {
        case id, location, at, dryRun = "dry_run", scanned, distinct, present, misplaced, notSeen = "not_seen"
        case elsewhere, onLoan = "on_loan", stillMissing = "still_missing", unknown, withdrawn, returned, found
        case duplicates, markedMissing = "marked_missing", markingRefused = "marking_refused"
    }
}

/// What one scan of a stocktake did.
public struct StocktakeScan: Sendable {
    public enum Outcome: String, Sendable {
        /// Seen here: homed here or under it.
        case present
        /// Seen here, but homed elsewhere.
        case misplaced
        /// Scanned before in this stocktake: counted once.
        case repeated
        /// Withdrawn: nothing recorded.
        case withdrawn
        /// No copy has this barcode.
        case unknown
    }
    public var barcode: String
    public var title: String?
    public var outcome: Outcome
    /// It had been missing: found here first.
    public var found = false
    /// It had been on loan: checked in here first.
    public var returned = false
    /// Where it belongs, for a misplaced copy.
    public var home: String?
}

/// A stocktake under way: the location, and what the scans so far found.
/// Made by `beginStocktake`; each scan is its own transaction, so an
/// interrupted stocktake keeps every sighting it recorded (they are true),
/// and only `finishStocktake` reports and marks copies missing.
public struct StocktakeSession: Sendable {
    public let id: Int64
    public let location: String
    /// When it began (UTC ISO 8601): the report's `at`.
    public let at: String
    let locationID: Int64
    let under: Set<Int64>
    let dryRun: Bool
    var note: String { "stocktake of \(location) at \(at)" }
    var order: [String] = []
    var times: [String: Int] = [:]
    /// Each barcode as first scanned, by its lower-case spelling: barcodes ignore case.
    var firstSpelling: [String: String] = [:]
    var unknown: [String] = []
    var scanned: [(id: Int64, withdrawn: Bool)] = []
    var scannedIDs = Set<Int64>()
    var returnedIDs = Set<Int64>()
    var foundIDs = Set<Int64>()
    /// Barcodes read so far, repeats included.
    public var count: Int { times.values.reduce(0, +) }
}

extension CatalogueDatabase {
    /// Takes stock of `place` from the barcodes scanned there, in one
    /// transaction (rolled back with `dryRun`): `beginStocktake`, a scan a
    /// barcode, `finishStocktake`. For a file or a dry run; a scanner at the
    /// shelf uses the three steps, one transaction each.
    public func stocktake(
        at place: String, scanned lines: [String], dryRun: Bool = false, markMissing: Bool = false,
        force: Bool = false
    ) throws -> StocktakeReport {
        let barcodes = lines.map(\.trimmed).filter { !$0.isEmpty }
        guard !barcodes.isEmpty else { throw CatalogueError.noScans }
        let now = nowStamp
        return try transaction(rollback: dryRun) { db in
            var session = try db.beginStocktake(at: place, now: now, dryRun: dryRun)
            for barcode in barcodes { _ = try db.scan(barcode, in: &session, at: now) }
            return try db.finish(session, markMissing: markMissing, force: force, at: now)
        }
    }

    /// Starts a stocktake of a known location (one that a copy is homed or
    /// placed under): a mistyped shelf is refused with the names it is close
    /// to, and never added.
    public func beginStocktake(at place: String) throws -> StocktakeSession {
        let now = nowStamp
        return try write { db in try db.beginStocktake(at: place, now: now, dryRun: false) }
    }

    /// Records one scan in its own transaction, and says what it did.
    public func scan(_ barcode: String, in session: inout StocktakeSession) throws -> StocktakeScan {
        let now = nowStamp
        var copy = session
        let scan = try write { db in try db.scan(barcode, in: &copy, at: now) }
        session = copy
        return scan
    }

    /// Reports the stocktake and, with `markMissing`, marks the copies
    /// believed here but not scanned missing, unless the scan looks wrong.
    public func finishStocktake(_ session: StocktakeSession, markMissing: Bool = false, force: Bool = false) throws
        -> StocktakeReport
    {
        guard session.count > 0 else { throw CatalogueError.noScans }
        let now = nowStamp
        return try write { db in try db.finish(session, markMissing: markMissing, force: force, at: now) }
    }
}

extension Database {
    func beginStocktake(at place: String, now: String, dryRun: Bool) throws -> StocktakeSession {
        let path = try LocationPath.normalise(place)
        let under = Set(try Int64.fetchAll(self, SQLRequest(literal: "SELECT id FROM location l WHERE \(LocationPath.under("l", path))")))
        let used = try Bool.fetchOne(
            self,
            sql: """
                SELECT EXISTS (SELECT 1 FROM copy WHERE home_id IN (SELECT value FROM json_each(?1))
                   OR location_id IN (SELECT value FROM json_each(?1)))
                """, arguments: [JSONList.encodeIDs(Array(under))]) ?? false
        guard used else {
            throw CatalogueError.unknownStocktakeLocation(path: path, closeNames: try closeLocationNames(to: path, except: -1))
        }
        // A path that groups known ones ('London/Library' over its bays) may be new as a row.
        let locationID = try locationID(forPath: path).id
        try execute(sql: "INSERT INTO stocktake(location_id, started) VALUES (?, ?)", arguments: [locationID, now])
        return StocktakeSession(
            id: dryRun ? 0 : lastInsertedRowID, location: path, at: now, locationID: locationID, under: under,
            dryRun: dryRun)
    }

    /// Every known scanned copy is seen here: a missing one found first, one
    /// on loan checked in first, the three recorded together (undone together).
    func scan(_ line: String, in session: inout StocktakeSession, at now: String) throws -> StocktakeScan {
        let barcode = line.trimmed
        // Repeats are counted under the first spelling scanned.
        let key = session.firstSpelling[barcode.lowercased(), default: barcode]
        let repeated = session.times[key] != nil
        session.times[key, default: 0] += 1
        if !repeated {
            session.firstSpelling[barcode.lowercased()] = key
            session.order.append(key)
        }
        let copy: CopyRow
        do { copy = try CopyRow.fetch(self, barcode: barcode) } catch CatalogueError.copyNotFound {
            if !repeated { session.unknown.append(key) }
            return StocktakeScan(barcode: barcode, outcome: .unknown)
        }
        var scan = StocktakeScan(barcode: copy.barcode, title: copy.title, outcome: .present)
        if repeated {
            scan.outcome = .repeated
            return scan
        }
        session.scannedIDs.insert(copy.id)
        if copy.status == .withdrawn {
            session.scanned.append((copy.id, true))
            scan.outcome = .withdrawn
            return scan
        }
        let stocktake = session.dryRun ? nil : session.id
        var previous: Int64?
        if copy.status == .missing {
            previous = try recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .found, at: now, locationID: session.locationID,
                note: session.note, stocktake: stocktake)
            session.foundIDs.insert(copy.id)
            scan.found = true
        }
        if copy.borrowerID != nil {
            previous = try recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .returned, at: now, locationID: session.locationID,
                note: session.note, follows: previous, stocktake: stocktake)
            session.returnedIDs.insert(copy.id)
            scan.returned = true
        }
        try recordEvent(
            copyID: copy.id, barcode: copy.barcode, kind: .seen, at: now, locationID: session.locationID,
            note: session.note, follows: previous, stocktake: stocktake)
        session.scanned.append((copy.id, false))
        if !session.under.contains(copy.homeID) {
            scan.outcome = .misplaced
            scan.home = try String.fetchOne(self, sql: "SELECT path FROM location WHERE id = ?", arguments: [copy.homeID])
        }
        return scan
    }

    /// The report, from what the scans did and the copies homed here; and the
    /// marking of not-seen copies missing. Marking is refused, and the report
    /// says why, when the scan looks wrong: when none of the copies scanned
    /// is homed here (the wrong shelf, or the wrong file), or when more copies
    /// would be marked missing than were found present (a scan cut short),
    /// unless `force`.
    func finish(_ session: StocktakeSession, markMissing: Bool, force: Bool, at now: String) throws
        -> StocktakeReport
    {
        var report = StocktakeReport(
            location: session.location, at: session.at, dryRun: session.dryRun, scanned: session.count,
            distinct: session.order.count)
        report.id = session.id
        report.unknown = session.unknown
        report.duplicates = session.order.compactMap { barcode in
            let times = session.times[barcode] ?? 1
            return times > 1 ? DuplicateScan(barcode: barcode, times: times) : nil
        }
        // The scanned copies, as they stand now.
        // Only the home is kept beside each copy: a copied Row per scanned
        // copy was most of a 100,000-barcode stocktake's memory.
        var byID: [Int64: (copy: StocktakeCopy, homeID: Int64)] = [:]
        let rows = try Row.fetchCursor(
            self, sql: StocktakeCopy.selection + " WHERE c.id IN (SELECT value FROM json_each(?))",
            arguments: [JSONList.encodeIDs(session.scanned.map(\.id))])
        while let row = try rows.next() { byID[row["id"]] = (try StocktakeCopy(row: row), row["home_id"]) }
        for (id, withdrawn) in session.scanned {
            guard let (copy, homeID) = byID[id] else { continue }
            if withdrawn {
                report.withdrawn.append(copy)
                continue
            }
            if session.under.contains(homeID) { report.present.append(copy) } else { report.misplaced.append(copy) }
            if session.returnedIDs.contains(id) { report.returned.append(copy) }
            if session.foundIDs.contains(id) { report.found.append(copy) }
        }

        // The copies homed here that were not scanned.
        var notSeen: [(Int64, String)] = []
        let homed = try Row.fetchCursor(
            self,
            sql: StocktakeCopy.selection + """
                 WHERE c.home_id IN (SELECT value FROM json_each(?)) AND c.status <> ?
                 ORDER BY home.path, c.barcode
                """,
            arguments: [JSONList.encodeIDs(Array(session.under)), CopyStatus.withdrawn])
        while let row = try homed.next() {
            let id: Int64 = row["id"]
            guard !session.scannedIDs.contains(id) else { continue }
            let copy = try StocktakeCopy(row: row)
            let locationID: Int64? = row["location_id"]
            switch CopyStatus(rawValue: row["status"]) {
            case .onLoan: report.onLoan.append(copy)
            case .missing: report.stillMissing.append(copy)
            default:
                if let locationID, !session.under.contains(locationID) {
                    report.elsewhere.append(copy)
                } else {
                    report.notSeen.append(copy)
                    notSeen.append((id, copy.barcode))
                }
            }
        }
        if markMissing && !notSeen.isEmpty {
            if report.present.isEmpty {
                report.markingRefused = "none of the \(report.scanned) copies scanned is homed under \(session.location):"
                    + " the wrong shelf, or the wrong file?"
            } else if notSeen.count > report.present.count && !force {
                report.markingRefused = "\(notSeen.count) copies would be marked missing against \(report.present.count) found present:"
                    + " was the scan cut short? If the shelf really is that empty, run the stocktake again with --force"
            } else {
                for (id, barcode) in notSeen {
                    try recordEvent(
                        copyID: id, barcode: barcode, kind: .missing, at: now,
                        note: "not scanned in the " + session.note, stocktake: session.dryRun ? nil : session.id)
                }
                report.markedMissing = notSeen.count
            }
        }
        if !session.dryRun {
            try execute(sql: "UPDATE stocktake SET finished = ? WHERE id = ?", arguments: [now, session.id])
        }
        return report
    }
}
