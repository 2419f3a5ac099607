import GRDB

/// One entry of a copy's event log, with its place and person named.
public struct CopyEvent: Hashable, Sendable, Encodable, FetchableRecord {
    public var id: Int64
    public var kind: EventKind
    /// UTC ISO 8601.
    public var at: String
    @Nullable public var location: String?
    /// The borrower of a checkout, or who saw the copy.
    @Nullable public var person: String?
    @Nullable public var due: String?
    @Nullable public var note: String?
    /// The id of the `undone` event that undid this one, if one did.
    @Nullable public var undoneBy: Int64?
    /// For an `undone` event: the ids of the events it undid (else empty).
    public var undoes: [Int64]

    enum CodingKeys: String, CodingKey {
        case id, kind, at, location, person, due, note, undoneBy = "undone_by", undoes
    }

    public init(row: Row) throws {
        id = row["id"]
        kind = try row.decode(forColumn: "kind")
        at = row["at"]
        location = row["location"]
        person = row["person"]
        due = row["due"]
        note = row["note"]
        undoneBy = row["undone_by"]
        undoes = ((row["undoes"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
    }


    /// The columns and joins that make a `CopyEvent` from the `event` table
    /// aliased `e`. A place merged into another reads as the one it became;
    /// a person merged into another keeps the name the event was recorded under.
    static let selection = """
        SELECT e.id, e.kind, e.at, l.path AS location, p.name AS person, e.due, e.note,
               (SELECT u.undone_by_id FROM event_undone u WHERE u.event_id = e.id) AS undone_by,
               CASE WHEN e.kind = 'undone' THEN
                 (SELECT group_concat(u.event_id) FROM event_undone u WHERE u.undone_by_id = e.id) END AS undoes
        FROM event e
        LEFT JOIN location recorded ON recorded.id = e.location_id
        LEFT JOIN location l ON l.id = coalesce(recorded.merged_into_id, recorded.id)
        LEFT JOIN person p ON p.id = e.person_id
        """
}

extension Database {
    /// A copy's events, oldest first; with `last`, only the latest `last` of them.
    func events(ofCopy copyID: Int64, last: Int? = nil) throws -> [CopyEvent] {
        if let last {
            let newest = try CopyEvent.fetchAll(
                cachedStatement(sql: CopyEvent.selection + " WHERE e.copy_id = ? ORDER BY e.id DESC LIMIT ?"),
                arguments: [copyID, last])
            return newest.reversed()
        }
        return try CopyEvent.fetchAll(
            cachedStatement(sql: CopyEvent.selection + " WHERE e.copy_id = ? ORDER BY e.id"), arguments: [copyID])
    }
}
