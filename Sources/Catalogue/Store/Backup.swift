import Foundation
import GRDB

/// What `backup` did.
public struct BackupReport: Equatable, Sendable, Encodable {
    /// The backup file written.
    public var file: String
    public var books: Int
    public var copies: Int
}

/// What `restore` did.
public struct RestoreReport: Equatable, Sendable, Encodable {
    /// The backup file restored from.
    public var file: String
    public var books: Int
    public var copies: Int
    /// Where the catalogue it replaced was kept, or nil when there was none.
    @Nullable public var replacedKeptAt: String?

    enum CodingKeys: String, CodingKey {
        case file, books, copies, replacedKeptAt = "replaced_kept_at"
    }
}

// MARK: - Backup

extension CatalogueDatabase {
    /// Writes a consistent copy of the catalogue to `file` with SQLite's online
    /// backup API, while other lawcat processes go on reading and writing: the
    /// copy is the catalogue as one read transaction sees it.
    ///
    /// The copy is written under a temporary name beside `file` and renamed
    /// into place only when complete, so `file` is never half a backup. An
    /// existing `file` is refused unless `force`.
    public func backup(to file: String, force: Bool = false) throws -> BackupReport {
        try Self.checkTarget(file, force: force, catalogue: path)
        do {
            let counts = try Self.copy(writer, to: file, reading: Self.counts)
            return BackupReport(file: file, books: counts.books, copies: counts.copies)
        } catch {
            throw CatalogueError.wrap(error, path: file)
        }
    }

    /// Refuses a backup target that is a folder, the catalogue itself, in a
    /// folder that does not exist, or (without `force`) an existing file.
    private static func checkTarget(_ file: String, force: Bool, catalogue: String) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: file, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CatalogueError.cannotWrite(path: file, reason: "it is a folder; name a file") }
            if sameFile(file, catalogue) {
                throw CatalogueError.cannotWrite(path: file, reason: "it is the catalogue itself; name another file")
            }
            if !force { throw CatalogueError.alreadyExists(path: file) }
        }
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            throw CatalogueError.cannotWrite(path: file, reason: "the folder \(folder) does not exist")
        }
    }
}

// MARK: - Restore

extension CatalogueDatabase {
    /// Puts the backup `file` in place as the catalogue at `path`.
    ///
    /// 1. `file` is copied (online backup API, read-only: `file` is never
    ///    changed) to a staging file beside the catalogue, and refused unless it
    ///    is a lawcat catalogue (application_id), not made by a newer lawcat,
    ///    and passes `check()`. An older one is migrated while staged.
    /// 2. The current catalogue, if there is one, is copied aside to
    ///    `PATH.replaced-<UTC time>` (never deleted).
    /// 3. The staged copy is written over the catalogue with the backup API, in
    ///    one transaction on the live file: other lawcat processes that have it
    ///    open wait for it like any other write, and then see the restored
    ///    catalogue. No file is renamed under them, so no -wal or -shm file can
    ///    be paired with the wrong database.
    ///
    /// A current catalogue that cannot be opened (damaged, not SQLite) is
    /// renamed aside with its -wal and -shm files instead, and the staged copy
    /// renamed into its place: nobody can be using a file that cannot be opened.
    public static func restore(from file: String, into path: String, clock: Clock = .system) throws -> RestoreReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CatalogueError.fileNotFound(path: file)
        }
        if sameFile(file, path) {
            throw CatalogueError.invalidFile(path: file, reason: "it is the catalogue itself; name a backup file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CatalogueError.cannotWrite(path: folder, reason: "the folder cannot be created")
            }
        }
        let staging = path + ".restoring-\(getpid())"
        defer { removeDatabaseFiles(staging) }
        let staged = try stage(file, at: staging, pageSize: pageSize(ofFileAt: path), clock: clock)
        // Closed before the staging files are removed (defers run last first).
        defer { try? staged.close() }
        let counts: (books: Int, copies: Int)
        do { counts = try staged.read(Self.counts) } catch { throw CatalogueError.wrap(error, path: file) }
        let aside = asideName(for: path, clock: clock)

        guard FileManager.default.fileExists(atPath: path) else {
            try staged.close()
            try rename(staging, to: path, reportingAs: path)
            return RestoreReport(file: file, books: counts.books, copies: counts.copies, replacedKeptAt: nil)
        }
        let current: CatalogueDatabase
        do {
            current = try CatalogueDatabase(path: path, create: false, clock: clock)
        } catch CatalogueError.notACatalogue {
            // Damaged or not SQLite: nobody can be using it; move it aside whole.
            try staged.close()
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try rename(path + suffix, to: aside + suffix, reportingAs: path)
            }
            try rename(staging, to: path, reportingAs: path)
            return RestoreReport(file: file, books: counts.books, copies: counts.copies, replacedKeptAt: aside)
        }
        do {
            try copy(current.writer, to: aside)
        } catch {
            throw CatalogueError.wrap(error, path: aside)
        }
        do {
            try staged.backup(to: current.writer)
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
        return RestoreReport(file: file, books: counts.books, copies: counts.copies, replacedKeptAt: aside)
    }

    /// Copies the backup `file` to `staging`, checks that it is a sound lawcat
    /// catalogue, and migrates it if an older lawcat made it.
    private static func stage(_ file: String, at staging: String, pageSize: Int?, clock: Clock) throws -> DatabasePool {
        removeDatabaseFiles(staging)
        do {
            let source = try DatabaseQueue(path: file, configuration: Self.readOnlyConfiguration())
            let (isOurs, version) = try source.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                )
            }
            guard isOurs else { throw CatalogueError.notACatalogue(path: file) }
            guard version <= Migrations.all.count else { throw CatalogueError.newerCatalogue(path: file) }
            let copy = try DatabaseQueue(path: staging)
            try source.backup(to: copy)
            try source.close()
            // SQLite's backup API cannot write into a WAL catalogue whose page
            // size differs (a backup made elsewhere, or VACUUMed with another
            // page_size): give the staged copy the catalogue's page size.
            if let pageSize, try copy.read({ try Int.fetchOne($0, sql: "PRAGMA page_size") }) != pageSize {
                try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = \(pageSize); VACUUM") }
            }
            let problems = try Self.check(copy).problems
            try copy.close()
            if let first = problems.first {
                throw CatalogueError.invalidFile(
                    path: file,
                    reason: "it does not pass the integrity check (\(problems.count) problems, first: \(first))")
            }
        } catch {
            // The file named is the backup, not the catalogue: --db is not the way to put it right.
            let wrapped = CatalogueError.wrap(error, path: file)
            if case .notACatalogue = wrapped { throw CatalogueError.notABackup(path: file) }
            throw wrapped
        }
        // Opening it as a catalogue migrates an older one (its pre-migration
        // backup lands beside the staging file and goes with it).
        let staged = try CatalogueDatabase(path: staging, create: false, clock: clock)
        guard let pool = staged.writer as? DatabasePool else { throw CatalogueError.unexpected("staging") }
        return pool
    }

    /// The page size in a SQLite file's header (bytes 16-17, big-endian; 1
    /// means 65536), or nil when there is no such file or it is not SQLite.
    static func pageSize(ofFileAt path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100,
            header.starts(with: Array("SQLite format 3\0".utf8))
        else { return nil }
        let raw = Int(header[16]) << 8 | Int(header[17])
        let size = raw == 1 ? 65536 : raw
        return (512...65536).contains(size) && size & (size - 1) == 0 ? size : nil
    }

    /// `PATH.replaced-20261126T093000Z`, or with `-2`, `-3`... if taken.
    private static func asideName(for path: String, clock: Clock) -> String {
        let stamp = Timestamp.string(from: clock.now())
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .prefix(15) + "Z"
        let base = path + ".replaced-" + stamp
        var name = base
        var n = 1
        while FileManager.default.fileExists(atPath: name) {
            n += 1
            name = base + "-\(n)"
        }
        return name
    }
}

// MARK: - Files

extension CatalogueDatabase {
    static func counts(_ db: Database) throws -> (books: Int, copies: Int) {
        (
            try Int.fetchOne(db, sql: "SELECT count(*) FROM book") ?? 0,
            try Int.fetchOne(db, sql: "SELECT count(*) FROM copy") ?? 0
        )
    }

    /// Copies the database `source` reads, as one read transaction sees it,
    /// to `target` with SQLite's online backup API, then runs `reading` on
    /// the copy. The copy is one self-contained file (journal_mode DELETE: no
    /// -wal beside it to lose when it is copied), written under a temporary
    /// name beside `target` and renamed into place only when complete, so
    /// `target` is never half a copy. Behind `backup`, the catalogue `restore`
    /// keeps aside, and the backup taken before a migration.
    @discardableResult
    static func copy<T>(
        _ source: any DatabaseReader, to target: String, reading: (Database) throws -> T = { _ in () }
    ) throws -> T {
        let temporary = target + ".partial-\(getpid())"
        removeDatabaseFiles(temporary)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            let result = try copy.read(reading)
            try copy.close()
            try rename(temporary, to: target)
            return result
        } catch {
            removeDatabaseFiles(temporary)
            throw error
        }
    }

    /// Whether two paths name the same file (same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// rename(2): atomic on one file system, replacing any file at `target`.
    static func rename(_ source: String, to target: String, reportingAs shown: String? = nil) throws {
        if Foundation.rename(source, target) != 0 {
            let reason = String(cString: strerror(errno))
            throw CatalogueError.cannotWrite(path: shown ?? target, reason: reason.lowercased())
        }
    }

    /// Removes a database file and the journal files SQLite may leave beside it.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        // A staged older catalogue's pre-migration backup.
        for version in 0..<Migrations.all.count {
            try? FileManager.default.removeItem(atPath: path + ".v\(version).bak")
        }
    }
}
