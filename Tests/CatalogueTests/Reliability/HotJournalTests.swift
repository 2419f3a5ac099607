import Catalogue
import Foundation
import GRDB
import Testing

/// A catalogue file still in rollback-journal mode (a `lawcat backup` file,
/// before its first open as a catalogue switches it to WAL) whose writer was
/// killed mid-transaction: a "hot" journal lies beside it. Found by
/// bench/reliability.sh's stocktake part, where every lawcat command then
/// failed on the file as "read-only" until something else rolled it back.
@Suite("A hot rollback journal")
struct HotJournalTests {
    /// The state a crash leaves: the file and its journal copied while a
    /// write transaction that has spilled pages into the file is open.
    static func crashedMidWrite() throws -> (path: String, before: Int) {
        let folder = try ProcessTests.folder()
        let source = try ProcessTests.base(rows: 300, in: folder)
        let backup = folder + "/backup.sqlite"
        _ = try source.backup(to: backup)
        let before = try source.counts().books

        let crashed = folder + "/crashed.sqlite"
        let queue = try DatabaseQueue(path: backup)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = 1")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE book SET title = title || ' (half-written)'")
            // The pages spilled into the file; the journal holds the originals.
            for suffix in ["", "-journal"] {
                try FileManager.default.copyItem(atPath: backup + suffix, toPath: crashed + suffix)
            }
            try db.execute(sql: "ROLLBACK")
        }
        try queue.close()
        return (crashed, before)
    }

    @Test("Given a catalogue with a hot rollback journal left by a killed writer, when lawcat opens it to read or check, then the journal is rolled back, the last commit is there whole and check is clean")
    func hotJournalIsRolledBack() throws {
        let (path, books) = try Self.crashedMidWrite()
        #expect(FileManager.default.fileExists(atPath: path + "-journal"), "the crash left a journal")
        // What a read-only look meets: the reason lawcat used to refuse the file.
        var readOnly = Configuration()
        readOnly.readonly = true
        #expect(throws: DatabaseError.self) {
            try DatabaseQueue(path: path, configuration: readOnly).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM book") }
        }

        let shown = try Binary.run("check", db: path)
        #expect(shown.status == 0, "\(shown.stdout) \(shown.stderr)")
        let catalogue = try CatalogueDatabase(path: path, create: false)
        #expect(try catalogue.check().problems == [])
        #expect(try catalogue.counts().books == books)
        let halfWritten = try catalogue.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM book WHERE title LIKE '%(half-written)'")
        }
        #expect(halfWritten == 0, "the half-written change was rolled back")
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }
}
