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
        for (key, object) in expected.sorted(by: { $0.key < $1.key }) {
            switch found[key] {
            case nil: problems.append("the \(key) is missing; restore a backup with `lawcat restore`")
            case let actual? where actual.isLike(object): break
            default: problems.append("the \(key) is not as lawcat made it; restore a backup with `lawcat restore`")
            }
        }
        return problems
    }

    /// Every table, index, trigger and view in `sqlite_schema`, keyed as
    /// "trigger NAME", with the table it belongs to and its SQL as SQLite
    /// keeps it (empty for an index SQLite made itself for a UNIQUE column).
    static func schemaObjects(_ db: Database) throws -> [String: SchemaObject] {
        var objects: [String: SchemaObject] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema") {
            objects["\(row["type"] as String) \(row["name"] as String)"] =
                SchemaObject(table: row["tbl_name"], sql: row["sql"] ?? "")
        }
        return objects
    }
}

/// One row of `sqlite_schema`: the table an object belongs to (its own name
/// for a table) and the statement that made it. SQLite stores that statement
/// as it was written, from CREATE to just before the `;`; comments between
/// statements are not part of it.
struct SchemaObject: Equatable {
    var table: String
    var sql: String

    /// Whether `other` is this object as `check` judges it: the same table
    /// and the same SQL once runs of white space are folded to one space, so
    /// that a catalogue is not reported for the layout of its statements.
    func isLike(_ other: SchemaObject) -> Bool {
        table == other.table && Self.folded(sql) == Self.folded(other.sql)
    }

    private static func folded(_ sql: String) -> String {
        sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The schema each catalogue version has, made by running the migrations up
/// to that version in a private in-memory database (a few milliseconds; a
/// process checks a catalogue once).
enum SchemaReference {
    static func objects(atVersion version: Int) throws -> [String: SchemaObject] {
        try DatabaseQueue().write { db in
            for migration in Migrations.all.prefix(version) { try db.execute(sql: migration.sql) }
            return try Database.schemaObjects(db)
        }
    }
}
