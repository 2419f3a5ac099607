import Foundation
import GRDB

/// A copy as a stocktake lists it.
public struct StocktakeCopy: Hashable, Sendable, Encodable, FetchableRecord {
    public var barcode: String
    public var title: String
    public var home: String
    /// Where it is now (after the stocktake's own sightings).
    @Nullable public var location: String?
    /// Since when it has been there, or in its status.
    @Nullable public var since: String?
    @Nullable public var borrower: String?
    @Nullable public var due: String?

    public init(row: Row) {
        barcode = row["barcode"]
        title = row["title"]
        home = row["home"]
        location = row["location"]
        since = row["since"]
        borrower = row["borrower"]
        due = row["due"]
    }


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
    /// The location, when the stocktake added it to the catalogue.
    public var locationAdded: NewLocation?

    enum CodingKeys: String, CodingKey {
        case location, at, dryRun = "dry_run", scanned, distinct, present, misplaced, notSeen = "not_seen"
        case elsewhere, onLoan = "on_loan", stillMissing = "still_missing", unknown, withdrawn, returned, found
        case duplicates, markedMissing = "marked_missing"
    }
}

extension CatalogueDatabase {
    /// Takes stock of `place` from the barcodes scanned there (one per item;
    /// blank and repeated ones are dropped). Every known scanned copy is seen
    /// here (a missing one found first, one on loan checked in first). Then the
    /// copies homed here that were not scanned are sorted into not seen (believed
    /// here), elsewhere (last placed elsewhere, e.g. by an earlier shelf's scan),
    /// on loan and still missing. One transaction; with `dryRun` rolled back.
    public func stocktake(at place: String, scanned lines: [String], dryRun: Bool = false, markMissing: Bool = false)
        throws -> StocktakeReport
    {
        let path = try LocationPath.normalise(place)
        let now = nowStamp
        let note = "stocktake of \(path) at \(now)"
        var order: [String] = []
        var times: [String: Int] = [:]
        for line in lines {
            let barcode = line.trimmed
            guard !barcode.isEmpty else { continue }
            if times[barcode] == nil { order.append(barcode) }
            times[barcode, default: 0] += 1
        }
        var report = StocktakeReport(
            location: path, at: now, dryRun: dryRun, scanned: times.values.reduce(0, +), distinct: order.count)
        report.duplicates = order.compactMap { times[$0]! > 1 ? DuplicateScan(barcode: $0, times: times[$0]!) : nil }

        return try transaction(rollback: dryRun) { db in
            let here = try db.place(path)
            report.locationAdded = here.added
            let under = Set(try Int64.fetchAll(db, SQLRequest(literal: "SELECT id FROM location l WHERE \(LocationPath.under("l", path))")))
            var scannedIDs = Set<Int64>()
            var returnedIDs = Set<Int64>(), foundIDs = Set<Int64>()
            var scanned: [(id: Int64, withdrawn: Bool)] = []
            for barcode in order {
                let copy: CopyRow
                do { copy = try CopyRow.fetch(db, barcode: barcode) } catch CatalogueError.copyNotFound {
                    report.unknown.append(barcode)
                    continue
                }
                scannedIDs.insert(copy.id)
                if copy.status == .withdrawn {
                    scanned.append((copy.id, true))
                    continue
                }
                if copy.status == .missing {
                    try db.recordEvent(
                        copyID: copy.id, barcode: copy.barcode, kind: .found, at: now, locationID: here.id, note: note)
                    foundIDs.insert(copy.id)
                }
                if copy.borrowerID != nil {
                    try db.recordEvent(
                        copyID: copy.id, barcode: copy.barcode, kind: .returned, at: now, locationID: here.id,
                        note: note)
                    returnedIDs.insert(copy.id)
                }
                try db.recordEvent(
                    copyID: copy.id, barcode: copy.barcode, kind: .seen, at: now, locationID: here.id, note: note)
                scanned.append((copy.id, false))
            }

            // The scanned copies, as they stand now.
            // Only the home is kept beside each copy: a copied Row per scanned
            // copy was most of a 100,000-barcode stocktake's memory.
            var byID: [Int64: (copy: StocktakeCopy, homeID: Int64)] = [:]
            let rows = try Row.fetchCursor(
                db, sql: StocktakeCopy.selection + " WHERE c.id IN (SELECT value FROM json_each(?))",
                arguments: [JSONList.encodeIDs(scanned.map(\.id))])
            while let row = try rows.next() { byID[row["id"]] = (StocktakeCopy(row: row), row["home_id"]) }
            for (id, withdrawn) in scanned {
                guard let (copy, homeID) = byID[id] else { continue }
                if withdrawn {
                    report.withdrawn.append(copy)
                    continue
                }
                if under.contains(homeID) { report.present.append(copy) } else { report.misplaced.append(copy) }
                if returnedIDs.contains(id) { report.returned.append(copy) }
                if foundIDs.contains(id) { report.found.append(copy) }
            }

            // The copies homed here that were not scanned.
            var notSeen: [(Int64, String)] = []
            let homed = try Row.fetchCursor(
                db,
                sql: StocktakeCopy.selection + """
                     WHERE c.home_id IN (SELECT value FROM json_each(?)) AND c.status <> ?
                     ORDER BY home.path, c.barcode
                    """,
                arguments: [JSONList.encodeIDs(Array(under)), CopyStatus.withdrawn])
            while let row = try homed.next() {
                let id: Int64 = row["id"]
                guard !scannedIDs.contains(id) else { continue }
                let copy = StocktakeCopy(row: row)
                let locationID: Int64? = row["location_id"]
                switch CopyStatus(rawValue: row["status"]) {
                case .onLoan: report.onLoan.append(copy)
                case .missing: report.stillMissing.append(copy)
                default:
                    if let locationID, !under.contains(locationID) {
                        report.elsewhere.append(copy)
                    } else {
                        report.notSeen.append(copy)
                        notSeen.append((id, copy.barcode))
                    }
                }
            }
            if markMissing {
                for (id, barcode) in notSeen {
                    try db.recordEvent(
                        copyID: id, barcode: barcode, kind: .missing, at: now,
                        note: "not scanned in the " + note)
                }
                report.markedMissing = notSeen.count
            }
            return report
        }
    }
}
