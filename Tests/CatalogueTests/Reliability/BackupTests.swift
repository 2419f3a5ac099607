import Catalogue
import Foundation
import GRDB
import Testing

@Suite("Backup and restore")
struct BackupTests {
    /// A catalogue with `books` books of one copy each.
    static func catalogue(books: Int, prefix: String = "B") throws -> CatalogueDatabase {
        let catalogue = try temporaryCatalogue()
        for n in 0..<books {
            _ = try catalogue.addBook(
                BookFields(title: "Treatise \(prefix)\(n)", authors: ["Author \(n)"]),
                copies: [NewCopy(barcode: "\(prefix)\(n)", location: "London/4F")])
        }
        return catalogue
    }

    static func csvExport(_ catalogue: CatalogueDatabase) throws -> String {
        var text = ""
        try catalogue.export(format: .csv) { text += $0 }
        return text
    }

    static func folder(of catalogue: CatalogueDatabase) -> String {
        (catalogue.path as NSString).deletingLastPathComponent
    }

    @Test("Given a sound catalogue, when it is verified, then no problem is found")
    func verifyClean() throws {
        let catalogue = try Self.catalogue(books: 3)
        #expect(try catalogue.check().problems == [])
    }

    @Test("Given a catalogue, when it is backed up, then the backup is one self-contained file that holds the same export and passes verify")
    func backupIsACopy() throws {
        let catalogue = try Self.catalogue(books: 5)
        let file = Self.folder(of: catalogue) + "/backup.sqlite"
        let report = try catalogue.backup(to: file)
        #expect(report.books == 5 && report.copies == 5)
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
        let copy = try CatalogueDatabase(path: file, create: false)
        #expect(try copy.check().problems == [])
        #expect(try Self.csvExport(copy) == Self.csvExport(catalogue))
    }

    @Test("Given a backup file already there, when backup runs without force, then it is refused and the file is untouched; with force it is replaced")
    func backupRefusesExistingFile() throws {
        let catalogue = try Self.catalogue(books: 2)
        let file = Self.folder(of: catalogue) + "/backup.sqlite"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: CatalogueError.alreadyExists(path: file)) { try catalogue.backup(to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        _ = try catalogue.backup(to: file, force: true)
        #expect(try CatalogueDatabase(path: file, create: false).counts().copies == 2)
    }

    @Test("Given a catalogue, when backup names the catalogue itself or a missing folder, then it is refused with exit 74")
    func backupRefusesBadTargets() throws {
        let catalogue = try Self.catalogue(books: 1)
        for target in [catalogue.path, Self.folder(of: catalogue) + "/no/such/folder/b.sqlite"] {
            do {
                _ = try catalogue.backup(to: target, force: true)
                Issue.record("backup to \(target) was not refused")
            } catch let error as CatalogueError {
                #expect(error.exitCode == 74)
                #expect(!error.message.contains("\n"))
            }
        }
        #expect(try catalogue.check().problems == [])
    }

    @Test("Given writers busy on the catalogue, when a backup is taken, then it is consistent: it passes verify and holds whole books")
    func backupWhileWriting() async throws {
        let catalogue = try Self.catalogue(books: 50)
        let path = catalogue.path
        let file = Self.folder(of: catalogue) + "/backup.sqlite"
        let writer = Task.detached {
            // A second connection pool, as another process would have.
            let other = try CatalogueDatabase(path: path, create: false)
            for n in 0..<200 {
                _ = try other.addBook(
                    BookFields(title: "During \(n)"),
                    copies: [NewCopy(barcode: "D\(n)a", location: "Leeds"), NewCopy(barcode: "D\(n)b", location: "Leeds")])
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        _ = try catalogue.backup(to: file)
        try await writer.value
        let copy = try CatalogueDatabase(path: file, create: false)
        #expect(try copy.check().problems == [])
        let counts = try copy.counts()
        // Each added book came with two copies in one transaction: never half of one.
        #expect(counts.copies - 50 == 2 * (counts.books - 50))
    }

    @Test("Given a backup and a changed catalogue, when the backup is restored, then the catalogue is the backup again, the old one is kept aside, and an open connection sees the restored catalogue")
    func restorePutsBackupInPlace() throws {
        let catalogue = try Self.catalogue(books: 4)
        let file = Self.folder(of: catalogue) + "/backup.sqlite"
        _ = try catalogue.backup(to: file)
        let before = try Self.csvExport(catalogue)
        _ = try catalogue.addBook(BookFields(title: "Added after the backup"), copies: [NewCopy(barcode: "AFTER", location: "Leeds")])
        let changed = try Self.csvExport(catalogue)
        let backupBytes = try Data(contentsOf: URL(fileURLWithPath: file))

        let report = try CatalogueDatabase.restore(from: file, into: catalogue.path)

        #expect(try Self.csvExport(catalogue) == before, "the open connection sees the restored catalogue")
        #expect(try CatalogueDatabase(path: catalogue.path, create: false).check().problems == [])
        let aside = try #require(report.replacedKeptAt)
        #expect(try Self.csvExport(CatalogueDatabase(path: aside, create: false)) == changed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == backupBytes, "the backup file is never changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: Self.folder(of: catalogue))
            .filter { $0.contains("restoring") || $0.contains("partial") }
        #expect(leftovers == [])
    }

    @Test("Given a backup with another page size than the catalogue's, when it is restored, then it is put in place all the same")
    func restoreOtherPageSize() throws {
        let catalogue = try Self.catalogue(books: 3)
        let file = Self.folder(of: catalogue) + "/backup.sqlite"
        _ = try catalogue.backup(to: file)
        let before = try Self.csvExport(catalogue)
        try DatabaseQueue(path: file).writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 8192; VACUUM") }
        #expect(try DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 8192)
        _ = try catalogue.addBook(BookFields(title: "Later"))
        _ = try CatalogueDatabase.restore(from: file, into: catalogue.path)
        #expect(try Self.csvExport(catalogue) == before)
    }

    @Test("Given a damaged catalogue file, when a backup is restored, then the damaged file is moved aside whole and the backup takes its place")
    func restoreOverDamagedCatalogue() throws {
        let catalogue = try Self.catalogue(books: 3)
        let folder = Self.folder(of: catalogue)
        let file = folder + "/backup.sqlite"
        _ = try catalogue.backup(to: file)
        let target = folder + "/damaged.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: target))
        let report = try CatalogueDatabase.restore(from: file, into: target)
        #expect(try CatalogueDatabase(path: target, create: false).counts().copies == 3)
        let aside = try #require(report.replacedKeptAt)
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == Data(repeating: 0x41, count: 8192))
    }

    @Test("Given files that are not sound lawcat catalogues, when each is restored, then it is refused with one line and the catalogue is unchanged")
    func restoreRefusesBadBackups() throws {
        let catalogue = try Self.catalogue(books: 3)
        let folder = Self.folder(of: catalogue)
        let before = try Self.csvExport(catalogue)
        var files: [String] = []

        let text = folder + "/text.sqlite"
        try Data("title,barcode\n".utf8).write(to: URL(fileURLWithPath: text))
        files.append(text)

        let foreign = folder + "/foreign.sqlite"
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        files.append(foreign)

        let newer = folder + "/newer.sqlite"
        _ = try catalogue.backup(to: newer)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "PRAGMA user_version = 999") }
        files.append(newer)

        // Full-text index out of step: a title changed behind its trigger's back.
        let outOfStep = folder + "/out-of-step.sqlite"
        _ = try catalogue.backup(to: outOfStep)
        try DatabaseQueue(path: outOfStep).write { db in
            try db.execute(sql: "DROP TRIGGER book_fts_after_update; UPDATE book SET title = 'Changed' WHERE id = 1")
        }
        files.append(outOfStep)

        // The full-text index's content table renamed away.
        let renamed = folder + "/renamed.sqlite"
        _ = try catalogue.backup(to: renamed)
        try DatabaseQueue(path: renamed).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA legacy_alter_table = ON; ALTER TABLE book RENAME TO volume")
        }
        files.append(renamed)

        // A copy of a book that is not there.
        let orphan = folder + "/orphan.sqlite"
        _ = try catalogue.backup(to: orphan)
        let orphanQueue = try DatabaseQueue(path: orphan)
        try orphanQueue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; UPDATE copy SET book_id = 999 WHERE id = 1")
        }
        try orphanQueue.close()
        files.append(orphan)

        let truncated = folder + "/truncated.sqlite"
        _ = try catalogue.backup(to: truncated)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: truncated))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        files.append(truncated)

        files.append(folder + "/missing.sqlite")

        for file in files {
            do {
                _ = try CatalogueDatabase.restore(from: file, into: catalogue.path)
                Issue.record("\(file) was restored")
            } catch let error as CatalogueError {
                #expect(!error.message.contains("\n"))
                #expect(error.exitCode != 0 && error.exitCode != 70, "\(error.message)")
            }
            #expect(try Self.csvExport(catalogue) == before, "after \(file)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.contains("restoring") || $0.contains("replaced") }
        #expect(leftovers == [])
    }
}
