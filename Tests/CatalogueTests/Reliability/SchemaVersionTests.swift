import Catalogue
import Foundation
import GRDB
import Testing

/// lawcat's application_id ("LAWC"), as schema.sql's migrations set it.
private let lawcatApplicationID = 0x4C41_5743

@Suite("Schema versions")
struct SchemaVersionTests {
    static func emptyFile() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("catalogue.sqlite").path
    }

    static func version(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? -1 }
    }

    @Test("Given a catalogue made by a newer lawcat, when it is opened, then it is refused and the file is byte for byte unchanged")
    func newerIsRefused() throws {
        let catalogue = try temporaryCatalogue()
        _ = try catalogue.addBook(BookFields(title: "Lewin on Trusts"), copies: [NewCopy(barcode: "L1", location: "London")])
        let path = catalogue.path
        try catalogue.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        try (catalogue.writer as? DatabasePool)?.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect(throws: CatalogueError.newerCatalogue(path: path)) {
            try CatalogueDatabase(path: path, create: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Self.version(path) == 99)
    }

    @Test("Given a file with lawcat's application_id at version 0 and no tables, when it is opened, then it is migrated to the latest version")
    func versionZeroIsMigrated() throws {
        let path = try Self.emptyFile()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(lawcatApplicationID); PRAGMA user_version = 0")
        }
        let catalogue = try CatalogueDatabase(path: path, create: false)
        #expect(try catalogue.check().problems == [])
        _ = try catalogue.addBook(BookFields(title: "Gloag and Henderson"))
        #expect(try Self.version(path) >= 1)
        // Nothing to keep: there was no data.
        #expect(!FileManager.default.fileExists(atPath: path + ".v0.bak"))
    }

    @Test("Given an older catalogue holding data, when it is opened, then a backup of it as it was is written beside it first and the migration runs")
    func olderIsBackedUpThenMigrated() throws {
        // Version 0 with data in it; a real v1 catalogue upgraded to the latest
        // version is MigrationTests' job.
        let path = try Self.emptyFile()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA application_id = \(lawcatApplicationID);
                CREATE TABLE legacy_note(text TEXT);
                INSERT INTO legacy_note VALUES ('kept');
                """)
        }
        let catalogue = try CatalogueDatabase(path: path, create: false)
        #expect(try catalogue.check().problems == [])
        #expect(try Self.version(path) >= 1)
        let backup = try DatabaseQueue(path: path + ".v0.bak")
        #expect(try backup.read { try String.fetchOne($0, sql: "SELECT text FROM legacy_note") } == "kept")
        #expect(try backup.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 0)
        #expect(try backup.read { try $0.tableExists("book") } == false)
        let partials = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.contains("partial") }
        #expect(partials == [])
    }

    @Test("Given an older catalogue with an earlier pre-migration backup beside it, when it is opened, then that backup is kept and the new one written beside it")
    func earlierBackupIsKept() throws {
        let path = try Self.emptyFile()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA application_id = \(lawcatApplicationID);
                CREATE TABLE legacy_note(text TEXT);
                """)
        }
        try Data("an earlier backup".utf8).write(to: URL(fileURLWithPath: path + ".v0.bak"))
        _ = try CatalogueDatabase(path: path, create: false)
        #expect(try String(contentsOfFile: path + ".v0.bak", encoding: .utf8) == "an earlier backup")
        #expect(try DatabaseQueue(path: path + ".v0.bak.2").read { try $0.tableExists("legacy_note") })
    }

    @Test("Given an older catalogue whose migration fails part way, when it is opened, then the error is one line and nothing of the migration is left")
    func failedMigrationChangesNothing() throws {
        let path = try Self.emptyFile()
        // A table in the way of v1's CREATE TABLE copy: v1 fails after creating location, person and book.
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA application_id = \(lawcatApplicationID);
                CREATE TABLE copy(legacy TEXT);
                INSERT INTO copy VALUES ('kept');
                """)
        }
        do {
            _ = try CatalogueDatabase(path: path, create: false)
            Issue.record("the migration did not fail")
        } catch let error as CatalogueError {
            #expect(!error.message.contains("\n"))
        }
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try $0.tableExists("location") } == false, "the migration was rolled back whole")
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT legacy FROM copy") } == "kept")
        #expect(try Self.version(path) == 0)
    }

    @Test("Given a new file, when several processes' worth of connections open it at once, then it is migrated once and every one works")
    func concurrentFirstOpen() async throws {
        let path = try Self.emptyFile()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<6 {
                group.addTask {
                    let catalogue = try CatalogueDatabase(path: path, create: true)
                    _ = try catalogue.addBook(BookFields(title: "Book \(n)"))
                }
            }
            try await group.waitForAll()
        }
        let catalogue = try CatalogueDatabase(path: path, create: false)
        #expect(try catalogue.counts().books == 6)
        #expect(try catalogue.check().problems == [])
    }
}
