// Whether a name is already a person, or a path already a location, in the
// catalogue, for callers that must not add either by accident: the server's
// API and the browser's pages add a borrower or a location only when asked,
// where the command line adds one with a note.
import GRDB

extension CatalogueDatabase {
    /// Whether someone called `name` is in the catalogue, as `checkout` matches names.
    public func knowsPerson(_ name: String) throws -> Bool {
        let name = try Self.personName(name)
        return try read { db in try db.existingPersonID(name) != nil }
    }

    /// Refuses a name that nobody in the catalogue has (as `checkout` matches
    /// names), with the names close to it: `personNotFound`.
    public func requireKnownPerson(_ name: String) throws {
        let name = try Self.personName(name)
        try read { db in
            guard try db.existingPersonID(name) == nil else { return }
            throw CatalogueError.personNotFound(name: name, closeNames: try db.closePersonNames(to: name))
        }
    }

    /// Refuses a location that is not in the catalogue (neither it nor any
    /// location under it), with the names close to it: `locationNotFound`.
    /// Why: a typo in the desk's Here box would otherwise become a location
    /// of its own at the first scan, and then hold every copy scanned after.
    public func requireKnownLocation(_ path: String) throws {
        let path = try LocationPath.normalise(path)
        try read { db in
            let known = try Bool.fetchOne(
                db, SQLRequest(literal: "SELECT EXISTS (SELECT 1 FROM location l WHERE \(LocationPath.under("l", path)))")) ?? false
            guard !known else { return }
            throw CatalogueError.locationNotFound(path: path, closeNames: try db.closeLocationNames(to: path, except: -1))
        }
    }
}
