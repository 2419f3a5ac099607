import Catalogue
import Foundation
import GRDB
import Testing

@Suite("The catalogue file")
struct FoundationTests {
    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test("Given --db, LAWCAT_DB, XDG_DATA_HOME and HOME, when the catalogue is located, then each wins in that order")
    func location() {
        let all = ["LAWCAT_DB": "/env.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"]
        #expect(CatalogueLocation.path(explicit: "/cli.sqlite", environment: all) == "/cli.sqlite")
        #expect(CatalogueLocation.path(explicit: nil, environment: all) == "/env.sqlite")
        #expect(CatalogueLocation.path(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"])
                == "/xdg/lawcat/catalogue.sqlite")
        #expect(CatalogueLocation.path(explicit: nil, environment: ["HOME": "/home/ann"])
                == "/home/ann/.local/share/lawcat/catalogue.sqlite")
        #expect(CatalogueLocation.path(explicit: "", environment: ["LAWCAT_DB": "", "HOME": "/h"])
                == "/h/.local/share/lawcat/catalogue.sqlite")
    }

    @Test("Given no file, when it is opened to read, then it is no-catalogue and nothing is created")
    func missingForRead() throws {
        let path = try Self.temporaryFolder() + "/sub/catalogue.sqlite"
        #expect(throws: CatalogueError.noCatalogue(path: path)) { try CatalogueDatabase(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test("Given no file, when it is opened to write, then its folders and the catalogue are made, in WAL mode, marked as lawcat's")
    func createsForWrite() throws {
        let path = try Self.temporaryFolder() + "/a/b/catalogue.sqlite"
        let catalogue = try CatalogueDatabase(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
        let (mode, appID, version, foreignKeys) = try catalogue.writer.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(mode == "wal")
        #expect(appID == 0x4C41_5743)
        #expect(version ?? 0 >= 1)
        #expect(foreignKeys == true)
        // Opening it again is harmless: nothing is migrated twice.
        try catalogue.addBook(BookFields(title: "Kept"))
        let again = try CatalogueDatabase(path: path, create: true)
        #expect(try countsOf(again) == [1, 0])
    }

    @Test("Given a text file, when it is opened as a catalogue, then it is not-a-catalogue and the file is untouched")
    func notSQLite() throws {
        let path = try Self.temporaryFolder() + "/notes.txt"
        let text = Data("these are my notes, not a database\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        for create in [false, true] {
            #expect(throws: CatalogueError.notACatalogue(path: path)) { try CatalogueDatabase(path: path, create: create) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test("Given another program's SQLite database, when it is opened as a catalogue, then it is not-a-catalogue and left alone")
    func foreignSQLite() throws {
        let path = try Self.temporaryFolder() + "/other.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1)") }
        try other.close()
        #expect(throws: CatalogueError.notACatalogue(path: path)) { try CatalogueDatabase(path: path, create: true) }
        let reopened = try DatabaseQueue(path: path)
        #expect(try reopened.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") } == 1)
    }

    @Test("Given a folder, when it is opened as a catalogue, then it is not-a-catalogue")
    func folder() throws {
        let path = try Self.temporaryFolder()
        #expect(throws: CatalogueError.notACatalogue(path: path)) { try CatalogueDatabase(path: path, create: true) }
    }

    // Tests run as root, and permission bits do not stop root; so the folder
    // that cannot be written is one under a regular file, which no user can
    // create folders in.
    @Test("Given a path under a regular file, when a catalogue is created there, then it is cannot-write")
    func unwritableFolder() throws {
        let file = try Self.temporaryFolder() + "/file.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            try CatalogueDatabase(path: file + "/catalogue.sqlite", create: true)
        } throws: { error in
            guard let error = error as? CatalogueError, case .cannotWrite = error else { return false }
            return error.exitCode == 74
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("x".utf8))
    }

    @Test("Given two handles on one catalogue, when both write, then each sees the other's books")
    func twoHandles() throws {
        let path = try Self.temporaryFolder() + "/catalogue.sqlite"
        let one = try CatalogueDatabase(path: path, create: true)
        let two = try CatalogueDatabase(path: path, create: true)
        try one.addBook(BookFields(title: "One"), copies: [NewCopy(barcode: "A1", location: "London")])
        try two.addBook(BookFields(title: "Two"), copies: [NewCopy(barcode: "A2", location: "London")])
        #expect(try countsOf(one) == [2, 2])
        #expect(try one.book("A2").book.fields.title == "Two")
    }

    /// The sqlite3 shell, where Debian or a local install puts it.
    static let sqlite3Shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
        .first(where: { FileManager.default.isExecutableFile(atPath: $0) })

    // Skipped, not passed, on a machine without the sqlite3 shell (.ci/run installs it).
    @Test(
        "Given a catalogue lawcat made, when the sqlite3 shell reads it, then it counts the books",
        .enabled(if: FoundationTests.sqlite3Shell != nil, "needs the sqlite3 shell (.ci/run installs it)"))
    func sqlite3ShellReads() throws {
        let shell = try #require(Self.sqlite3Shell)
        let path = try Self.temporaryFolder() + "/catalogue.sqlite"
        let catalogue = try CatalogueDatabase(path: path, create: true)
        try catalogue.addBook(BookFields(title: "Chitty on Contracts"), copies: [NewCopy(barcode: "L1", location: "London")])
        try catalogue.addBook(BookFields(title: "Lewin on Trusts"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [path, "SELECT count(*) FROM book; SELECT barcode FROM copy; SELECT count(*) FROM book_fts WHERE book_fts MATCH 'lewin';"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(text == "2\nL1\n1\n")
    }
}
