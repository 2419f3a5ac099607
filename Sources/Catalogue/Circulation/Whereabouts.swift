import Foundation
import GRDB

/// The last time anyone saw a copy: where, when, who, and how.
public struct Sighting: Hashable, Sendable, Encodable {
    @Nullable public var location: String?
    public var at: String
    @Nullable public var by: String?
    /// The kind of event that placed it (a kind that `isSighting`).
    public var how: EventKind
}

/// A copy's most recent loan: who, when it went out, and when it came back
/// (`returned` is null while the loan is open).
public struct LastLoan: Hashable, Sendable, Encodable {
    public var name: String
    public var out: String
    @Nullable public var returned: String?
}

/// Where a copy is now: the answer to "where is it?".
public struct Whereabouts: Hashable, Sendable, Encodable {
    public var barcode: String
    public var bookID: Int64
    public var title: String
    public var status: CopyStatus
    /// Where it belongs.
    public var home: String
    /// Where it is now, when known (for a missing copy: its last known place).
    @Nullable public var location: String?
    @Nullable public var borrower: String?
    /// When its current status or place began.
    @Nullable public var since: String?
    @Nullable public var due: String?
    /// Whole days past the due day, on loan only; 0 when not overdue.
    @Nullable public var overdueDays: Int? = nil
    @Nullable public var lastSeen: Sighting? = nil
    @Nullable public var lastBorrower: LastLoan? = nil
    /// Its latest events, oldest first.
    public var trail: [CopyEvent]

    enum CodingKeys: String, CodingKey {
        case barcode, bookID = "book_id", title, status, home, location, borrower, since, due
        case overdueDays = "overdue_days", lastSeen = "last_seen", lastBorrower = "last_borrower", trail
    }
}

/// The answer to `where`: the copies of the book found, and the books that
/// matched next when the question was free text.
public struct WhereAnswer: Sendable {
    public var copies: [Whereabouts]
    public var otherMatches: [Book]

    public init(copies: [Whereabouts], otherMatches: [Book]) {
        self.copies = copies
        self.otherMatches = otherMatches
    }
}

extension CatalogueDatabase {
    /// Where the copies of a book are. `query` is a barcode (that copy first,
    /// then the book's other copies), a book id or an ISBN (see
    /// `Database.resolve`), else free text (the best-matching book; the next
    /// matches are named).
    public func whereabouts(_ query: String, trail: Int = 5) throws -> WhereAnswer {
        let key = query.trimmed
        let today = clock.today
        let direct = try read { db -> WhereAnswer? in
            guard let found = try db.resolve(key) else { return nil }
            var copies = try db.whereabouts(bookID: found.bookID, today: today, trail: trail)
            if let barcode = found.barcode { copies.sort { a, b in a.barcode == barcode && b.barcode != barcode } }
            return WhereAnswer(copies: copies, otherMatches: [])
        }
        if let direct { return direct }
        let matches = try search(key, limit: 6).books
        guard let best = matches.first else { throw CatalogueError.bookNotFound(key) }
        let copies = try read { db in try db.whereabouts(bookID: best.id, today: today, trail: trail) }
        return WhereAnswer(copies: copies, otherMatches: matches.dropFirst().map(\.book))
    }

    /// Every event of a copy, oldest first. `key` is the copy's barcode, or
    /// names a book (see `Database.resolve`) that has exactly one copy.
    public func history(_ key: String) throws -> (copy: Whereabouts, events: [CopyEvent]) {
        let today = clock.today
        return try read { db in
            let copyID = try db.copyID(forKey: key)
            guard let copy = try db.whereabouts(copyIDs: [copyID], today: today, trail: 0).first else {
                throw CatalogueError.copyNotFound(barcode: key.trimmed)
            }
            return (copy, try db.events(ofCopy: copyID))
        }
    }
}

extension Database {
    /// The copy that `key` names: by its barcode, or the only copy of the book
    /// it names. A book with no copy or several is refused, naming its copies.
    func copyID(forKey key: String) throws -> Int64 {
        guard let found = try resolve(key) else { throw CatalogueError.copyNotFound(barcode: key.trimmed) }
        if let barcode = found.barcode { return try copyID(forBarcode: barcode) }
        let copies = try Row.fetchAll(
            cachedStatement(sql: "SELECT id, barcode FROM copy WHERE book_id = ? ORDER BY id"), arguments: [found.bookID])
        guard copies.count == 1 else {
            throw CatalogueError.notOneCopy(bookID: found.bookID, barcodes: copies.map { $0["barcode"] })
        }
        return copies[0]["id"]
    }

    func whereabouts(bookID: Int64, today: String, trail: Int) throws -> [Whereabouts] {
        let ids = try Int64.fetchAll(
            cachedStatement(sql: "SELECT id FROM copy WHERE book_id = ? ORDER BY id"), arguments: [bookID])
        return try whereabouts(copyIDs: ids, today: today, trail: trail)
    }

    /// The whereabouts of copies by id, in the order given.
    func whereabouts(copyIDs: [Int64], today: String, trail: Int) throws -> [Whereabouts] {
        try copyIDs.compactMap { id in
            guard let row = try Row.fetchOne(
                cachedStatement(sql: Self.whereaboutsSQL), arguments: [id, id]) else {
                return nil
            }
            return try Whereabouts(row: row, today: today, trail: trail > 0 ? events(ofCopy: id, last: trail) : [])
        }
    }

    /// One copy with its book, places, borrower, last sighting and last loan.
    static let whereaboutsSQL = """
        SELECT c.id, c.barcode, c.book_id, b.title, c.status, home.path AS home, here.path AS location,
               p.name AS borrower, c.since, c.due,
               seen.at AS seen_at, seen.kind AS seen_how, seenPlace.path AS seen_location, seenBy.name AS seen_by,
               lastLoan.name AS loan_name, lastLoan.out_at AS loan_out, lastLoan.returned_at AS loan_returned
        FROM copy c
        JOIN book b ON b.id = c.book_id
        JOIN location home ON home.id = c.home_id
        LEFT JOIN location here ON here.id = c.location_id
        LEFT JOIN person p ON p.id = c.borrower_id
        LEFT JOIN event seen ON seen.id = c.last_seen_event_id
        LEFT JOIN location seenRecorded ON seenRecorded.id = seen.location_id
        LEFT JOIN location seenPlace ON seenPlace.id = coalesce(seenRecorded.merged_into_id, seenRecorded.id)
        LEFT JOIN person seenBy ON seenBy.id = seen.person_id
        LEFT JOIN (
          SELECT lp.name, o.at AS out_at, r.at AS returned_at
          FROM loan l
          JOIN event o ON o.id = l.out_event_id
          JOIN person lp ON lp.id = l.person_id
          LEFT JOIN event r ON r.id = l.return_event_id
          WHERE l.copy_id = ?
          ORDER BY l.out_event_id DESC LIMIT 1
        ) lastLoan
        WHERE c.id = ?
        """
}

extension Whereabouts {
    init(row: Row, today: String, trail: [CopyEvent]) {
        barcode = row["barcode"]
        bookID = row["book_id"]
        title = row["title"]
        status = CopyStatus(rawValue: row["status"]) ?? .onShelf
        home = row["home"]
        location = row["location"]
        let borrower: String? = row["borrower"], due: String? = row["due"]
        self.borrower = borrower
        since = row["since"]
        self.due = due
        self.trail = trail
        if status == .onLoan || borrower != nil {
            overdueDays = due.flatMap { LocalDay.days(from: $0, to: today) }.map { max($0, 0) }
        }
        if let at: String = row["seen_at"], let how = (row["seen_how"] as String?).flatMap(EventKind.init(rawValue:)) {
            lastSeen = Sighting(location: row["seen_location"], at: at, by: row["seen_by"], how: how)
        }
        if let name: String = row["loan_name"] {
            lastBorrower = LastLoan(name: name, out: row["loan_out"], returned: row["loan_returned"])
        }
    }
}

extension CatalogueDatabase {
    /// Where one copy is, by its barcode only (typed in any case): the entry
    /// `whereabouts` gives that copy, with its last `trail` events.
    public func copyWhereabouts(barcode: String, trail: Int = 5) throws -> Whereabouts {
        let today = clock.today
        return try read { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            guard let found = try db.whereabouts(copyIDs: [copy.id], today: today, trail: trail).first else {
                throw CatalogueError.copyNotFound(barcode: barcode.trimmed)
            }
            return found
        }
    }
}
