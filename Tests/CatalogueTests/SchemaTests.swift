@testable import Catalogue
import Foundation
import GRDB
import Testing

/// schema.sql is the reference a reader trusts: these tests prove it is the
/// schema the migrations make, and that it makes each object once. (That a
/// catalogue at every older version migrates to it: MigrationTests.)
@Suite("The schema")
struct SchemaTests {
    /// What schema.sql makes, statement by statement: the objects in
    /// sqlite_schema after each statement.
    static func schemaFileSteps() throws -> [(statement: String, objects: [String: SchemaObject])] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        return try DatabaseQueue().write { db in
            var steps: [(statement: String, objects: [String: SchemaObject])] = []
            let statements = try db.allStatements(sql: text)
            while let statement = try statements.next() {
                try statement.execute()
                steps.append((statement.sql, try Database.schemaObjects(db)))
            }
            return steps
        }
    }

    /// The objects schema.sql makes, as `sqlite_schema` holds them.
    static func schemaFileObjects() throws -> [String: SchemaObject] {
        try schemaFileSteps().last?.objects ?? [:]
    }

    /// Compares two schemas object by object: the same objects (type and
    /// name), each on the same table, with the same SQL. Nothing is
    /// normalised. SQLite stores each statement's text exactly as it was
    /// written, from CREATE to just before the `;` (comments between
    /// statements are not part of it); the only text SQLite writes itself,
    /// the leading keywords it makes canonical and the SQL of the shadow
    /// tables FTS5 creates, it writes the same way for both sides.
    static func expectSame(
        _ found: [String: SchemaObject], as expected: [String: SchemaObject], _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
        let missing = Set(expected.keys).subtracting(found.keys).sorted()
        let extra = Set(found.keys).subtracting(expected.keys).sorted()
        #expect(missing == [], "\(what) lacks what schema.sql makes", sourceLocation: sourceLocation)
        #expect(extra == [], "\(what) has what schema.sql does not make", sourceLocation: sourceLocation)
        for (key, object) in expected.sorted(by: { $0.key < $1.key }) {
            guard let other = found[key] else { continue }
            #expect(other.table == object.table, "\(key): on \(other.table) in \(what)", sourceLocation: sourceLocation)
            #expect(other.sql == object.sql, "\(key): \(what) differs from schema.sql", sourceLocation: sourceLocation)
        }
    }

    @Test("Given an empty file, when lawcat migrates it, then its schema is exactly schema.sql: the same objects, tables and SQL")
    func migratedSchemaIsSchemaSQL() throws {
        let catalogue = try temporaryCatalogue()
        let migrated = try catalogue.writer.read { try Database.schemaObjects($0) }

        Self.expectSame(migrated, as: try Self.schemaFileObjects(), "a fresh catalogue")
        // What `check` compares a current catalogue against is the same schema.
        Self.expectSame(try SchemaReference.objects(atVersion: Migrations.all.count), as: migrated, "check's reference")
        #expect(try catalogue.check().schema == [])
    }

    @Test("Given schema.sql, when it is run a statement at a time, then every statement creates something new and none drops or changes what is there")
    func schemaSQLMakesEachObjectOnce() throws {
        var before: [String: SchemaObject] = [:]
        let steps = try Self.schemaFileSteps()
        #expect(steps.count > 40, "schema.sql was read whole: \(steps.count) statements")
        for (statement, after) in steps {
            let made = Set(after.keys).subtracting(before.keys)
            let gone = Set(before.keys).subtracting(after.keys)
            let changedNames = before.keys.filter { key in after[key].map { $0 != before[key] } ?? false }
            #expect(!made.isEmpty, "makes nothing new: \(statement.prefix(80))")
            #expect(gone.isEmpty && changedNames.isEmpty, "drops or changes \(gone.union(changedNames).sorted()): \(statement.prefix(80))")
            before = after
        }
    }
}
