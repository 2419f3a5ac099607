import GRDB

extension Database {
    /// The id of the location at `path` (already normalised), adding it when new.
    /// Returns whether it was added.
    func locationID(forPath path: String) throws -> (id: Int64, added: Bool) {
        if let id = try Int64.fetchOne(
            cachedStatement(sql: "SELECT id FROM location WHERE path = ?"), arguments: [path])
        {
            return (id, false)
        }
        try cachedStatement(sql: "INSERT INTO location(path) VALUES (?)").execute(arguments: [path])
        return (lastInsertedRowID, true)
    }

    /// The id of the person called `name`, adding them when new. Returns whether they were added.
    func personID(forName name: String) throws -> (id: Int64, added: Bool) {
        if let id = try Int64.fetchOne(
            cachedStatement(sql: "SELECT id FROM person WHERE name = ?"), arguments: [name])
        {
            return (id, false)
        }
        try cachedStatement(sql: "INSERT INTO person(name) VALUES (?)").execute(arguments: [name])
        return (lastInsertedRowID, true)
    }
}
