// Whether a name is already a person in the catalogue, for callers that must
// not add people by accident (the server's checkout adds one only when asked).
import GRDB

extension CatalogueDatabase {
    /// Whether someone called `name` (spaces as `checkout` normalises them, any case) is in the catalogue.
    public func knowsPerson(_ name: String) throws -> Bool {
        let name = try Self.personName(name)
        return try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?)", arguments: [name]) ?? false
        }
    }
}
