import GRDB

/// A location with how many copies belong there and how many are there now
/// (withdrawn copies not counted; each location counts only itself, not the
/// locations under it).
public struct LocationCount: Hashable, Sendable, Encodable, FetchableRecord {
    public var location: String
    public var homed: Int
    public var nowAt: Int

    public init(row: Row) {
        location = row["path"]
        homed = row["homed"]
        nowAt = row["now_at"]
    }

    enum CodingKeys: String, CodingKey { case location, homed, nowAt = "now_at" }
}

/// A person with how many copies they have now and have ever borrowed.
public struct PersonSummary: Hashable, Sendable, Encodable, FetchableRecord {
    public var name: String
    public var email: String?
    public var staffID: String?
    public var onLoan: Int
    public var loans: Int

    public init(row: Row) {
        name = row["name"]
        email = row["email"]
        staffID = row["staff_id"]
        onLoan = row["on_loan"]
        loans = row["loans"]
    }

    enum CodingKeys: String, CodingKey { case name, email, staffID = "staff_id", onLoan = "on_loan", loans }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(email, forKey: .email)
        try c.encode(staffID, forKey: .staffID)
        try c.encode(onLoan, forKey: .onLoan)
        try c.encode(loans, forKey: .loans)
    }
}

extension CatalogueDatabase {
    /// Every location, by path, with its copies homed there and now there.
    public func locationCounts() throws -> [LocationCount] {
        try read { db in
            try LocationCount.fetchAll(
                db,
                sql: """
                    SELECT l.path,
                           coalesce(h.n, 0) AS homed,
                           coalesce(n.n, 0) AS now_at
                    FROM location l
                    LEFT JOIN (SELECT home_id AS id, count(*) AS n FROM copy WHERE status <> 'withdrawn' GROUP BY home_id) h
                      ON h.id = l.id
                    LEFT JOIN (SELECT location_id AS id, count(*) AS n FROM copy WHERE status <> 'withdrawn' GROUP BY location_id) n
                      ON n.id = l.id
                    ORDER BY l.path
                    """)
        }
    }

    /// Everyone in the catalogue, by name, with their loans.
    public func people() throws -> [PersonSummary] {
        try read { db in
            try PersonSummary.fetchAll(
                db,
                sql: """
                    SELECT p.name, p.email, p.staff_id,
                           (SELECT count(*) FROM copy c WHERE c.borrower_id = p.id) AS on_loan,
                           (SELECT count(*) FROM loan l WHERE l.person_id = p.id) AS loans
                    FROM person p ORDER BY p.name
                    """)
        }
    }
}
