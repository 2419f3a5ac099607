@testable import Catalogue
import Foundation
import GRDB
import Testing

@Suite("The schema")
struct SchemaTests {
    @Test("Given an empty file, when lawcat migrates it, then its schema is exactly schema.sql")
    func migratedSchemaIsSchemaSQL() throws {
        let catalogue = try temporaryCatalogue()
        let migrated = try catalogue.writer.read { try Database.schemaObjects($0) }

        let schema = try String(contentsOf: repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        let reference = try DatabaseQueue()
        try reference.write { try $0.execute(sql: schema) }
        let expected = try reference.read { try Database.schemaObjects($0) }

        #expect(!expected.isEmpty)
        #expect(Set(migrated.keys) == Set(expected.keys))
        for (name, sql) in expected {
            #expect(migrated[name] == sql, "\(name) differs from schema.sql")
        }
    }
}
