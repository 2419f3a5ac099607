import Foundation
import GRDB

/// The last time anyone saw a copy: where, when, who, and how.
public struct Sighting: Hashable, Sendable, Encodable {
    public var location: String?
    public var at: String
    public var by: String?
    /// The kind of event that placed it: added, checked-out, returned, moved, seen, found.
    public var how: String

    public init(location: String?, at: String, by: String?, how: String) {
        self.location = location
        self.at = at
        self.by = by
        self.how = how
    }

    enum CodingKeys: String, CodingKey { case location, at, by, how }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location, forKey: .location)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(how, forKey: .how)
    }
}

/// A copy's most recent loan: who, when it went out, and when it came back
/// (`returned` is null while the loan is open).
public struct LastLoan: Hashable, Sendable, Encodable {
    public var name: String
    public var out: String
    public var returned: String?

    public init(name: String, out: String, returned: String?) {
        self.name = name
        self.out = out
        self.returned = returned
    }

    enum CodingKeys: String, CodingKey { case name, out, returned }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(out, forKey: .out)
        try c.encode(returned, forKey: .returned)
    }
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
    public var location: String?
    public var borrower: String?
    /// When its current status or place began.
    public var since: String?
    public var due: String?
    /// Whole days past the due day, on loan only; 0 when not overdue.
    public var overdueDays: Int?
    public var lastSeen: Sighting?
    public var lastBorrower: LastLoan?
    /// Its latest events, oldest first.
    public var trail: [CopyEvent]

    enum CodingKeys: String, CodingKey {
        case barcode, bookID = "book_id", title, status, home, location, borrower, since, due
        case overdueDays = "overdue_days", lastSeen = "last_seen", lastBorrower = "last_borrower", trail
    }

    /// Every key is always present: absent values are `null` or `[]`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(barcode, forKey: .barcode)
        try c.encode(bookID, forKey: .bookID)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(home, forKey: .home)
        try c.encode(location, forKey: .location)
        try c.encode(borrower, forKey: .borrower)
        try c.encode(since, forKey: .since)
        try c.encode(due, forKey: .due)
        try c.encode(overdueDays, forKey: .overdueDays)
        try c.encode(lastSeen, forKey: .lastSeen)
        try c.encode(lastBorrower, forKey: .lastBorrower)
        try c.encode(trail, forKey: .trail)
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
    /// then the book's other copies), an ISBN, or free text (the best-matching
    /// book; the next matches are named).
    public func whereabouts(_ query: String, trail: Int = 5) throws -> WhereAnswer {
        let key = query.trimmed
        let today = LocalDay.string(from: clock.now())
        let direct = try read { db -> WhereAnswer? in
            if let copy = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, book_id FROM copy WHERE barcode = ?"), arguments: [key])
            {
                var copies = try db.whereabouts(bookID: copy["book_id"], today: today, trail: trail)
                copies.sort { a, b in a.barcode == key && b.barcode != key }
                return WhereAnswer(copies: copies, otherMatches: [])
            }
            if let bookID = try db.bookID(isbnKey: key) {
                return WhereAnswer(copies: try db.whereabouts(bookID: bookID, today: today, trail: trail), otherMatches: [])
            }
            return nil
        }
        if let direct { return direct }
        let matches = try search(key, limit: 6).books
        guard let best = matches.first else { throw CatalogueError.bookNotFound(key) }
        let copies = try read { db in try db.whereabouts(bookID: best.id, today: today, trail: trail) }
        return WhereAnswer(copies: copies, otherMatches: matches.dropFirst().map(\.book))
    }

    /// Every event of a copy, oldest first.
    public func history(barcode: String) throws -> (copy: Whereabouts, events: [CopyEvent]) {
        let today = LocalDay.string(from: clock.now())
        return try read { db in
            let copyID = try db.copyID(forBarcode: barcode)
            guard let copy = try db.whereabouts(copyIDs: [copyID], today: today, trail: 0).first else {
                throw CatalogueError.copyNotFound(barcode: barcode)
            }
            return (copy, try db.events(ofCopy: copyID))
        }
    }
}

extension Database {
    func whereabouts(bookID: Int64, today: String, trail: Int) throws -> [Whereabouts] {
        let ids = try Int64.fetchAll(
            cachedStatement(sql: "SELECT id FROM copy WHERE book_id = ? ORDER BY id"), arguments: [bookID])
        return try whereabouts(copyIDs: ids, today: today, trail: trail)
    }

    /// The whereabouts of copies by id, in the order given.
    func whereabouts(copyIDs: [Int64], today: String, trail: Int) throws -> [Whereabouts] {
        try copyIDs.compactMap { id in
            guard let row = try Row.fetchOne(cachedStatement(sql: Self.whereaboutsSQL), arguments: [id, id]) else {
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
        LEFT JOIN location seenPlace ON seenPlace.id = seen.location_id
        LEFT JOIN person seenBy ON seenBy.id = seen.person_id
        LEFT JOIN (
          SELECT lp.name, o.at AS out_at, r.at AS returned_at
          FROM event o
          JOIN person lp ON lp.id = o.person_id
          LEFT JOIN loan l ON l.out_event_id = o.id
          LEFT JOIN event r ON r.id = l.return_event_id
          WHERE o.copy_id = ? AND o.kind = 'checked-out'
          ORDER BY o.id DESC LIMIT 1
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
        borrower = row["borrower"]
        since = row["since"]
        due = row["due"]
        if status == .onLoan || borrower != nil {
            overdueDays = due.flatMap { LocalDay.days(from: $0, to: today) }.map { max($0, 0) }
        }
        if let at: String = row["seen_at"] {
            lastSeen = Sighting(location: row["seen_location"], at: at, by: row["seen_by"], how: row["seen_how"])
        }
        if let name: String = row["loan_name"] {
            lastBorrower = LastLoan(name: name, out: row["loan_out"], returned: row["loan_returned"])
        }
        self.trail = trail
    }
}
