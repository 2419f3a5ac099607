import GRDB

extension Database {
    /// Tables, indexes and triggers that the catalogue's migrations made and
    /// that are missing or not as they made them. SQLite cannot check this
    /// itself: a trigger dropped (in the `sqlite3` shell, or by an import that
    /// died without rolling back, which SQLite does not allow) would silently
    /// stop keeping the full-text index or a copy's state in step. Objects
    /// lawcat did not make are left alone.
    func schemaProblems() throws -> [String] {
        let version = try Int.fetchOne(self, sql: "PRAGMA user_version") ?? 0
        guard version > 0, version <= Migrations.all.count else { return [] }
        let expected = try SchemaReference.objects(atVersion: version)
        let found = try Self.schemaObjects(self)
        var problems: [String] = []
        for (key, sql) in expected.sorted(by: { $0.key < $1.key }) {
            switch found[key] {
            case nil: problems.append("the \(key) is missing; restore a backup with `lawcat restore`")
            case sql?: break
            default: problems.append("the \(key) is not as lawcat made it; restore a backup with `lawcat restore`")
            }
        }
        return problems
    }

    /// Every table, index, trigger and view, as "trigger NAME", with its SQL
    /// with runs of white space folded to one space.
    static func schemaObjects(_ db: Database) throws -> [String: String] {
        var objects: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_schema") {
            let sql: String = row["sql"] ?? ""
            objects["\(row["type"] as String) \(row["name"] as String)"] =
                sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return objects
    }
}

/// The schema each catalogue version has, made by running the migrations up
/// to that version in a private in-memory database (a few milliseconds; a
/// process checks a catalogue once).
enum SchemaReference {
    static func objects(atVersion version: Int) throws -> [String: String] {
        try DatabaseQueue().write { db in
            for migration in Migrations.all.prefix(version) { try db.execute(sql: migration.sql) }
            return try Database.schemaObjects(db)
        }
    }
}
