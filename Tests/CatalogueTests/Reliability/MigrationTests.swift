@testable import Catalogue
import Foundation
import GRDB
import Testing

/// A real upgrade: a catalogue as the first lawcat made it (only v1 applied,
/// with books, copies, a loan and a missing copy), opened by this lawcat.
@Suite("Migrating an older catalogue")
struct MigrationTests {
    /// The tables v1 made, whose rows a migration must keep as they were.
    static let v1Tables = ["location", "person", "book", "copy", "event", "loan"]

    /// A v1 catalogue in WAL mode, as lawcat 1 left it; `extra` runs after the data.
    static func v1Catalogue(extra: String = "") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("catalogue.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL")
            try db.inTransaction {
                try db.execute(sql: Migrations.all[0].sql)
                try db.execute(sql: """
                    PRAGMA application_id = \(CatalogueDatabase.applicationID);
                    PRAGMA user_version = 1;
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

    /// Every row of v1's tables, in rowid order, as text.
    static func rows(_ path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            var all: [String: [String]] = [:]
            for table in v1Tables {
                // v1's columns: later migrations may add columns (v6 adds isbn13 and edition_number to book).
                let columns = table == "book" ? "id, title, authors, subjects, date, edition, jurisdiction, isbn" : "*"
                all[table] = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY rowid").map(\.description)
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

    @Test("Given a catalogue with only v1 applied and data in it, when it is opened, then it is at the latest version, its .v1.bak holds the rows as they were, the data is intact, search finds the old books and check is clean")
    func v1IsMigrated() throws {
        let path = try Self.v1Catalogue()
        let before = try Self.rows(path)
        #expect(before["event"]?.count == 7 && before["loan"]?.count == 1, "the v1 triggers ran: \(before)")
        let v1Schema = try Self.schema(path)
        #expect(Migrations.all.count > 1, "there is something to migrate")

        let catalogue = try CatalogueDatabase(
            path: path, create: false, clock: .fixed(Date(timeIntervalSince1970: 1_795_000_000)))
        #expect(try Self.version(path) == Migrations.all.count)

        // The backup beside it is the catalogue as it was.
        let backup = path + ".v1.bak"
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try Self.version(backup) == 1)
        #expect(try Self.rows(backup) == before)
        #expect(try Self.schema(backup) == v1Schema)

        // The data is intact, and what the later migrations add is there.
        #expect(try Self.rows(path) == before)
        let after = try Self.schema(path)
        #expect(after.contains { $0.hasPrefix("trigger event_sighting_refused_when_missing:") }, "v2 ran")
        #expect(after.contains { $0.hasPrefix("table search_word:") }, "v3 ran")
        #expect(try catalogue.check().problems == [])

        // Search finds the old books: v3 marked them pending, so typos are corrected too.
        #expect(try catalogue.search("chitty contracts").books.map(\.book.fields.title) == ["Chitty on Contracts"])
        #expect(try catalogue.search("Lewin").books.map(\.book.fields.title) == ["Lewin on Trusts"])
        let typo = try catalogue.search("Glaog Scotland")
        #expect(typo.books.map(\.book.fields.title) == ["Gloag and Henderson: The Law of Scotland"], "\(typo.suggestion ?? "-")")

        // Circulation works on the old copies, under v2's rules.
        let missing = try catalogue.whereabouts("G1").copies.filter { $0.barcode == "G1" }
        #expect(missing.map(\.status) == [.missing])
        let lent = try catalogue.whereabouts("C2").copies.filter { $0.barcode == "C2" }
        #expect(lent.map(\.borrower) == ["Jane Smith"])
        _ = try catalogue.checkin(barcode: "C2")
        _ = try catalogue.seen(barcode: "G1", at: "Leeds/1F")
        let trail = try catalogue.history(barcode: "G1").events.map(\.kind)
        #expect(trail.suffix(2) == ["found", "seen"], "a sighting of a missing copy is found first: \(trail)")
        #expect(try catalogue.check().isClean)
    }

    @Test("Given a v1 catalogue whose later migration fails (a table in v3's way), when it is opened, then the error is one line and the file is as it was: version, schema and rows; once the obstacle is gone it migrates")
    func failedUpgradeLeavesV1() throws {
        let path = try Self.v1Catalogue(extra: "CREATE TABLE search_word(legacy TEXT); INSERT INTO search_word VALUES ('kept');")
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
        #expect(try Self.rows(path) == before)
        #expect(try catalogue.check().isClean)
    }
}
