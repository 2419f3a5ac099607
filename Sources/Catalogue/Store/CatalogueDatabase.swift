import Foundation
import GRDB

/// The catalogue's database: one SQLite file in WAL mode, shared by every
/// lawcat process that names it.
///
/// Following GRDB's application-database pattern, it wraps a `DatabaseWriter`
/// and runs the migrator when it opens. Writes are invariant-preserving
/// transactions (IMMEDIATE, so that concurrent writers queue on the busy
/// timeout instead of failing); reads see a consistent snapshot.
public final class CatalogueDatabase: Sendable {
    /// `PRAGMA application_id` of every lawcat catalogue ("LAWC").
    static let applicationID: Int32 = 0x4C41_5743

    /// How long a write waits for another lawcat process before giving up.
    static let busyTimeout: TimeInterval = 30

    public let writer: any DatabaseWriter
    /// The file's path, or ":memory:".
    public let path: String
    public let clock: Clock

    /// Opens the catalogue at `path`.
    ///
    /// - `create`: make the file and its folders when they are missing (commands
    ///   that write); when false a missing file is `noCatalogue` and nothing is
    ///   created (commands that only read).
    public init(path: String, create: Bool, clock: Clock = .system) throws {
        self.path = path
        self.clock = clock
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CatalogueError.notACatalogue(path: path) }
        } else {
            guard create else { throw CatalogueError.noCatalogue(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw CatalogueError.cannotWrite(path: folder, reason: "the folder cannot be created")
                }
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try Self.prepare(pool, path: path)
            self.writer = pool
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }

    /// An in-memory catalogue, for tests.
    public init(inMemoryWith clock: Clock = .system) throws {
        self.path = ":memory:"
        self.clock = clock
        let queue = try DatabaseQueue(configuration: Self.configuration())
        try Self.prepare(queue, path: path)
        self.writer = queue
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // Checkpoints stay small; the WAL is truncated when the last connection closes.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Checks that the file is a lawcat catalogue (or empty), refuses one made
    /// by a newer lawcat, and migrates an older one in one transaction after
    /// backing it up beside itself.
    static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        let latest = Migrations.all.count
        let (isEmpty, isOurs, version) = try writer.read { db -> (Bool, Bool, Int) in
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            return (tables == 0, appID == applicationID, version)
        }
        if !isEmpty && !isOurs { throw CatalogueError.notACatalogue(path: path) }
        if version > latest { throw CatalogueError.newerCatalogue(path: path) }
        if version == latest { return }
        if !isEmpty && path != ":memory:" {
            // An older catalogue: keep a copy of it as it was before migrating.
            let backupPath = path + ".v\(version).bak"
            if !FileManager.default.fileExists(atPath: backupPath) {
                let backup = try DatabaseQueue(path: backupPath)
                try writer.backup(to: backup)
            }
        }
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                // Another process may have migrated while this one waited for the lock.
                let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if current > latest { throw CatalogueError.newerCatalogue(path: path) }
                for migration in Migrations.all[current...] {
                    try db.execute(sql: migration.sql)
                }
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(latest)")
                return .commit
            }
        }
    }
}
