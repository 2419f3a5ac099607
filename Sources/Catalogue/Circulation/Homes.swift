// Homes and locations put right: a copy given a new home (a `rehomed`
// event, so its history says when and from where), and a location renamed
// with everything under it. Renaming onto a name in use merges the two
// (a `merge_record`, whose triggers move the copies); the events keep
// pointing at the rows they named, so the history reads the new names.
import GRDB

/// What `locations rename` did.
public struct LocationRename: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var from: String
        public var to: String
        /// `to` was a location already: the two are now one.
        public var merged: Bool
    }
    /// One step a location, most general first.
    public var steps: [Step]
}

extension CatalogueDatabase {
    /// Gives a copy a new home (it stays where it is now).
    public func rehome(barcode: String, to place: String, note: String? = nil) throws -> CirculationResult {
        let path = try LocationPath.normalise(place)
        let now = nowStamp
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            var result = CirculationResult.blank
            let home = try db.placeID(path, default: copy.homeID, into: &result)
            guard home != copy.homeID else {
                throw CatalogueError.refused(barcode: copy.barcode, reason: "its home is \(path) already; nothing was changed")
            }
            try db.recordEvent(copyID: copy.id, barcode: copy.barcode, kind: .rehomed, at: now, locationID: home, note: note)
            return try db.result(copy, base: result)
        }
    }

    /// Renames location `old` and every location under it (`London/Library`
    /// to `London/Main Library` renames `London/Library/Bay 3` too). A new
    /// name that is already a location's merges the two: the copies homed or
    /// standing at the old one are the other's from now on.
    public func renameLocation(_ old: String, to new: String) throws -> LocationRename {
        let from = try LocationPath.normalise(old), to = try LocationPath.normalise(new)
        let now = nowStamp
        return try write { db in
            let subtree = try Row.fetchAll(
                db, SQLRequest(literal: """
                    SELECT id, path FROM location l WHERE l.merged_into_id IS NULL AND \(LocationPath.under("l", from))
                    ORDER BY length(path), path
                    """))
            guard !subtree.isEmpty else {
                throw CatalogueError.locationNotFound(path: from, closeNames: try db.closeLocationNames(to: from, except: -1))
            }
            guard from != to else {
                throw CatalogueError.invalidField(field: "new name", value: new, reason: "it is the name the location has")
            }
            if to.lowercased().hasPrefix(from.lowercased() + "/") {
                throw CatalogueError.invalidField(
                    field: "new name", value: new, reason: "a location cannot move under itself; give a name outside \(from)")
            }
            let ids = Set(subtree.map { $0["id"] as Int64 })
            var steps: [LocationRename.Step] = []
            var renames: [(id: Int64, path: String)] = []
            for row in subtree {
                let path: String = row["path"]
                let target = to + path.dropFirst(from.count)
                if let other = try Row.fetchOne(
                    db, sql: "SELECT id, path FROM location WHERE path = ? AND merged_into_id IS NULL", arguments: [target]),
                    !ids.contains(other["id"])
                {
                    try db.recordMerge(
                        kind: "location", at: now, from: row["id"], fromName: path, into: other["id"], intoName: other["path"])
                    steps.append(.init(from: path, to: other["path"], merged: true))
                } else {
                    renames.append((row["id"], target))
                    steps.append(.init(from: path, to: target, merged: false))
                }
            }
            // Out of each other's way first: a rename within the tree may take a name another gives up.
            for rename in renames {
                try db.execute(sql: "UPDATE location SET path = char(2) || 'renaming ' || id WHERE id = ?", arguments: [rename.id])
            }
            for rename in renames {
                try db.execute(sql: "UPDATE location SET path = ? WHERE id = ?", arguments: [rename.path, rename.id])
            }
            return LocationRename(steps: steps)
        }
    }
}
