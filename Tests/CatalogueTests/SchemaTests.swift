import Catalogue
import Foundation
import GRDB
import Testing

@Suite("The schema")
struct SchemaTests {
    /// Every schema object, whitespace folded, keyed by type and name.
    static func objects(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
        var objects: [String: String] = [:]
        for row in rows {
            let sql: String = row["sql"]
            let folded = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            objects["\(row["type"] as String) \(row["name"] as String)"] = folded
        }
        return objects
    }

    @Test("Given an empty file, when lawcat migrates it, then its schema is exactly schema.sql")
    func migratedSchemaIsSchemaSQL() throws {
        let catalogue = try temporaryCatalogue()
        let migrated = try catalogue.writer.read { try Self.objects($0) }

        let schema = try String(contentsOf: repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        let reference = try DatabaseQueue()
        try reference.write { try $0.execute(sql: schema) }
        let expected = try reference.read { try Self.objects($0) }

        #expect(!expected.isEmpty)
        #expect(Set(migrated.keys) == Set(expected.keys))
        for (name, sql) in expected {
            #expect(migrated[name] == sql, "\(name) differs from schema.sql")
        }
    }
}
