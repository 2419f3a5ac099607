// The log: everything that happened, across every copy, newest first, by
// day, person, place or kind. The event log read the other way from a
// copy's history: one query, filtered in SQL, with each event's copy named.
import GRDB

/// Which events `log` lists; nil leaves a filter out.
public struct LogFilter: Sendable {
    /// From this local day (`YYYY-MM-DD`), inclusive.
    public var since: String?
    /// To this local day, inclusive.
    public var until: String?
    /// Events recorded under this person (a merged person's events too).
    public var person: String?
    /// Events at this location or under it.
    public var location: String?
    public var kind: EventKind?
    public var limit: Int?

    /// Every event: set the filters to narrow it.
    public init() {}

    /// Sets `since` and `until` from the days as given (`YYYY-MM-DD`, today or
    /// yesterday): `on` is both. Errors name the field as `prefix` + on, since
    /// or until (`--` for the command line).
    public mutating func setDays(on: String?, since: String?, until: String?, today: String, prefix: String) throws {
        self.since = try (on ?? since).map { try LocalDay.day($0, today: today, field: prefix + (on != nil ? "on" : "since")) }
        self.until = try (on ?? until).map { try LocalDay.day($0, today: today, field: prefix + (on != nil ? "on" : "until")) }
    }
}

/// One event of the log, with its copy named.
public struct LogEntry: Hashable, Sendable, Codable, FetchableRecord {
    /// UTC ISO 8601.
    public var at: String
    public var barcode: String
    public var title: String
    public var kind: EventKind
    @Nullable public var location: String?
    @Nullable public var person: String?
    @Nullable public var note: String?
    @Nullable public var due: String?
}

extension CatalogueDatabase {
    /// The events `filter` picks, newest first.
    public func log(_ filter: LogFilter) throws -> [LogEntry] {
        let path = try filter.location.map(LocationPath.normalise)
        let name = try filter.person.map(Self.personName)
        return try read { db in
            var request: SQL = """
                SELECT e.at, c.barcode, b.title, e.kind, l.path AS location, p.name AS person, e.note, e.due
                FROM event e
                JOIN copy c ON c.id = e.copy_id
                JOIN book b ON b.id = c.book_id
                LEFT JOIN location recorded ON recorded.id = e.location_id
                LEFT JOIN location l ON l.id = coalesce(recorded.merged_into_id, recorded.id)
                LEFT JOIN person p ON p.id = e.person_id
                WHERE 1
                """
            if let since = filter.since { request += " AND e.at >= \(LocalDay.startStamp(of: since))" }
            if let until = filter.until {
                request += " AND e.at < \(LocalDay.startStamp(of: LocalDay.string(adding: 1, toDay: until)))"
            }
            if let kind = filter.kind { request += " AND e.kind = \(kind)" }
            if let name {
                let id = try db.knownPersonID(name)
                request += " AND e.person_id IN (SELECT id FROM person WHERE id = \(id) OR merged_into_id = \(id))"
            }
            if let path {
                let known = try Bool.fetchOne(
                    db, SQLRequest(literal: "SELECT EXISTS (SELECT 1 FROM location l WHERE \(LocationPath.under("l", path)))"))
                guard known == true else {
                    throw CatalogueError.locationNotFound(path: path, closeNames: try db.closeLocationNames(to: path, except: -1))
                }
                request += " AND \(LocationPath.under("l", path))"
            }
            request += " ORDER BY e.at DESC, e.id DESC"
            if let limit = filter.limit { request += " LIMIT \(limit)" }
            return try LogEntry.fetchAll(db, SQLRequest(literal: request))
        }
    }
}
