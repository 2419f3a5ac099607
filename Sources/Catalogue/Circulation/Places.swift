// Locations: finding or adding one by path, what a newly named one is close
// to (a typo is likelier than a new room), and how many copies each holds.
import GRDB

/// A location with how many copies belong there and how many are there now
/// (withdrawn copies not counted; each location counts only itself, not the
/// locations under it).
public struct LocationCount: Hashable, Sendable, Codable, FetchableRecord {
    public var location: String
    public var homed: Int
    public var nowAt: Int

    enum CodingKeys: String, CodingKey { case location, homed, nowAt = "now_at" }
}

extension CatalogueDatabase {
    /// Every location, by path, with its copies homed there and now there.
    public func locationCounts() throws -> [LocationCount] {
        try read { db in
            try LocationCount.fetchAll(
                db,
                sql: """
                    SELECT l.path AS location,
                           coalesce(h.n, 0) AS homed,
                           coalesce(n.n, 0) AS now_at
                    FROM location l
                    LEFT JOIN (SELECT home_id AS id, count(*) AS n FROM copy WHERE status <> ?1 GROUP BY home_id) h
                      ON h.id = l.id
                    LEFT JOIN (SELECT location_id AS id, count(*) AS n FROM copy WHERE status <> ?1 GROUP BY location_id) n
                      ON n.id = l.id
                    WHERE l.merged_into_id IS NULL
                    ORDER BY l.path
                    """, arguments: [CopyStatus.withdrawn])
        }
    }
}

extension Database {
    /// The id of the location at `path` (already normalised), adding it when new.
    /// Returns whether it was added.
    func locationID(forPath path: String) throws -> (id: Int64, added: Bool) {
        try findOrAdd(in: "location", column: "path", path)
    }

    /// A location by path, added when new (with the close names of existing ones).
    func place(_ path: String) throws -> (id: Int64, added: NewLocation?) {
        let found = try locationID(forPath: path)
        guard found.added else { return (found.id, nil) }
        // A path with places under it ('London/Library' over its bays) is not news.
        let under = try Bool.fetchOne(
            self, SQLRequest(literal: "SELECT EXISTS (SELECT 1 FROM location l WHERE l.id <> \(found.id) AND \(LocationPath.under("l", path)))"))
            ?? false
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

    /// Existing location names within a small edit distance of `path`, or
    /// sharing its last part: what the user may have meant.
    func closeLocationNames(to path: String, except id: Int64) throws -> [String] {
        let paths = try String.fetchAll(
            cachedStatement(sql: "SELECT path FROM location WHERE id <> ? AND merged_into_id IS NULL ORDER BY path"), arguments: [id])
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
