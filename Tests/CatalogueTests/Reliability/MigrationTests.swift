@testable import Catalogue
import Foundation
import GRDB
import Testing

/// Real upgrades: a catalogue as an earlier lawcat made it (only the first N
/// migrations applied, with books, copies, a loan, a sighting and a missing
/// copy in it), opened by this lawcat.
@Suite("Migrating an older catalogue")
struct MigrationTests {
    /// Every version an older catalogue can be at, v1 to the one before the latest.
    static let olderVersions = Array(1..<Migrations.all.count)

    /// A catalogue at `version` in WAL mode, as that lawcat left it: the first
    /// `version` migrations, then the data; `extra` runs after the data.
    static func catalogue(atVersion version: Int, extra: String = "") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-v\(version)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("catalogue.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL")
            try db.inTransaction {
                for migration in Migrations.all.prefix(version) { try db.execute(sql: migration.sql) }
                try db.execute(sql: """
                    PRAGMA application_id = \(CatalogueDatabase.applicationID);
                    PRAGMA user_version = \(version);
                    INSERT INTO location(id, path) VALUES (1, 'London/4F/Contract'), (2, 'Leeds/1F');
                    INSERT INTO person(id, name) VALUES (1, 'Jane Smith');
                    INSERT INTO book(id, title, authors, subjects, date, jurisdiction) VALUES
                      (1, 'Chitty on Contracts', '["Beale, Hugh"]', '["Contract law"]', '2023', 'England and Wales'),
                      (2, 'Lewin on Trusts', '["Lewin, Thomas"]', '["Trusts"]', '2020', 'England and Wales'),
                      (3, 'Gloag and Henderson: The Law of Scotland', '["Gloag, William"]', '["Scots law"]', '2022', 'Scotland');
                    INSERT INTO copy(id, book_id, barcode, home_id) VALUES
                      (1, 1, 'C1', 1), (2, 1, 'C2', 1), (3, 2, 'L1', 2), (4, 3, 'G1', 2);
                    INSERT INTO event(copy_id, kind, at, location_id) VALUES
                      (1, 'added', '2025-01-02T09:00:00.000Z', 1), (2, 'added', '2025-01-02T09:00:00.000Z', 1),
                      (3, 'added', '2025-01-02T09:00:00.000Z', 2), (4, 'added', '2025-01-02T09:00:00.000Z', 2);
                    INSERT INTO event(copy_id, kind, at, person_id, due) VALUES
                      (2, 'checked-out', '2025-02-01T10:00:00.000Z', 1, '2025-03-01');
                    INSERT INTO event(copy_id, kind, at, location_id) VALUES (3, 'seen', '2025-03-01T10:00:00.000Z', 1);
                    INSERT INTO event(copy_id, kind, at, note) VALUES (4, 'missing', '2025-04-01T10:00:00.000Z', 'not on the shelf');
                    """)
                try db.execute(sql: extra)
                return .commit
            }
        }
        try queue.close()
        return path
    }

    /// Every row of `tables` (by default every table of the file, FTS5's
    /// shadow tables included, its virtual table aside), as text, sorted:
    /// WITHOUT ROWID tables have no rowid to order them by. With `columnsAsIn`,
    /// only the columns each table has in that file: a later migration may
    /// add columns (v6 gives `event` its undo and stocktake columns).
    static func rows(_ path: String, of tables: [String]? = nil, columnsAsIn reference: String? = nil) throws
        -> [String: [String]]
    {
        var columns: [String: String] = [:]
        if let reference {
            let queue = try DatabaseQueue(path: reference, configuration: { var c = Configuration(); c.readonly = true; return c }())
            defer { try? queue.close() }
            try queue.read { db in
                for table in tables ?? [] {
                    columns[table] = try db.columns(in: table).map { "\"\($0.name)\"" }.joined(separator: ", ")
                }
            }
        }
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            // The full-text index's own tables are the index, not data: v11 made it again
            // with a column more. `check` compares it with the books.
            let names = try tables ?? String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                  AND name NOT LIKE 'book\\_fts\\_%' ESCAPE '\\'
                """)
            var all: [String: [String]] = [:]
            for table in names {
                all[table] = try Row.fetchAll(db, sql: "SELECT \(columns[table] ?? "*") FROM \(table)").map(\.description).sorted()
            }
            return all
        }
    }

    static func schema(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name")
        }
    }

    static func version(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? -1 }
    }

    @Test("Given a catalogue at an older version with data in it, when it is opened, then it is at the latest version with exactly schema.sql's schema, its .vN.bak holds it as it was, its rows are intact, search finds the old books and check is clean",
          arguments: MigrationTests.olderVersions)
    func olderVersionIsMigrated(version: Int) throws {
        let path = try Self.catalogue(atVersion: version)
        let before = try Self.rows(path)
        #expect(before["event"]?.count == 7 && before["loan"]?.count == 1, "v\(version)'s triggers ran: \(before)")
        let schemaBefore = try Self.schema(path)
        #expect(try Self.version(path) == version)

        let catalogue = try CatalogueDatabase(
            path: path, create: false, clock: .fixed(Date(timeIntervalSince1970: 1_795_000_000)))
        #expect(try Self.version(path) == Migrations.all.count)

        // The backup beside it is the catalogue as it was.
        let backup = path + ".v\(version).bak"
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try Self.version(backup) == version)
        #expect(try Self.rows(backup) == before)
        #expect(try Self.schema(backup) == schemaBefore)

        // The data is intact, and the schema is the latest, object for object.
        #expect(try Self.rows(path, of: Array(before.keys), columnsAsIn: backup) == before)
        let migrated = try catalogue.writer.read { try Database.schemaObjects($0) }
        SchemaTests.expectSame(migrated, as: try SchemaTests.schemaFileObjects(), "a v\(version) catalogue migrated")
        #expect(try catalogue.check().problems == [])

        // Search finds the old books: v3 (or, later, the insert trigger) marked them pending, so typos are corrected too.
        #expect(try catalogue.search("chitty contracts").books.map(\.book.fields.title) == ["Chitty on Contracts"])
        #expect(try catalogue.search("Lewin").books.map(\.book.fields.title) == ["Lewin on Trusts"])
        // Years are in the index made again by v11: the book of that year, and not of another.
        #expect(try catalogue.search("trusts 2020").books.map(\.book.fields.title) == ["Lewin on Trusts"])
        #expect(try catalogue.search("trusts 2023").exactCount == 0)
        let typo = try catalogue.search("Glaog Scotland")
        #expect(typo.books.map(\.book.fields.title) == ["Gloag and Henderson: The Law of Scotland"], "\(typo.suggestion ?? "-")")

        // Circulation works on the old copies, under the latest rules.
        let missing = try catalogue.whereabouts("G1").copies.filter { $0.barcode == "G1" }
        #expect(missing.map(\.status) == [.missing])
        let lent = try catalogue.whereabouts("C2").copies.filter { $0.barcode == "C2" }
        #expect(lent.map(\.borrower) == ["Jane Smith"])
        _ = try catalogue.checkin(barcode: "C2")
        _ = try catalogue.seen(barcode: "G1", at: "Leeds/1F")
        let trail = try catalogue.history("G1").events.map(\.kind.rawValue)
        #expect(trail.suffix(2) == ["found", "seen"], "a sighting of a missing copy is found first: \(trail)")
        _ = try catalogue.addBook(BookFields(title: "Clerk and Lindsell on Torts"), copies: [NewCopy(barcode: "T1", location: "Leeds/1F")])
        #expect(try catalogue.whereabouts("T1").copies.map(\.status) == [.onShelf])
        #expect(try catalogue.check().isClean)
    }

    @Test("Given a v1 catalogue whose later migration fails (a table in v3's way), when it is opened, then the error is one line and the file is as it was: version, schema and rows; once the obstacle is gone it migrates")
    func failedUpgradeLeavesV1() throws {
        let path = try Self.catalogue(atVersion: 1, extra: "CREATE TABLE search_word(legacy TEXT); INSERT INTO search_word VALUES ('kept');")
        let before = try Self.rows(path)
        let schemaBefore = try Self.schema(path)

        do {
            _ = try CatalogueDatabase(path: path, create: false)
            Issue.record("the migration did not fail")
        } catch let error as CatalogueError {
            #expect(!error.message.contains("\n"), "\(error.message)")
        }
        #expect(try Self.version(path) == 1)
        #expect(try Self.schema(path) == schemaBefore, "v2's trigger was rolled back with v3")
        #expect(try Self.rows(path) == before)

        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT legacy FROM search_word") == "kept")
            try db.execute(sql: "DROP TABLE search_word")
        }
        try queue.close()
        let catalogue = try CatalogueDatabase(path: path, create: false)
        #expect(try Self.version(path) == Migrations.all.count)
        // v1's own tables are as they were; the obstacle was removed by hand.
        let v1Rows = before.filter { $0.key != "search_word" }
        #expect(try Self.rows(path, of: Array(v1Rows.keys), columnsAsIn: path + ".v1.bak") == v1Rows)
        #expect(try catalogue.check().isClean)
    }
}
