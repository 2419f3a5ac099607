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

    /// How long a write waits by default for another lawcat process before giving up.
    public static let busyTimeout: TimeInterval = 30

    public let writer: any DatabaseWriter
    /// The file's path, or ":memory:".
    public let path: String
    public let clock: Clock
    /// Whether searches rank with every book's length kept in memory (KnownLengths.swift).
    let keepsLengths = LockedFlag()
    /// The lengths kept, for this catalogue's index as last read.
    let lengthCache = KnownLengthsCache()

    /// Searches from now on rank with every book's length kept in memory, read
    /// again whenever the index changes: for a process that searches again and
    /// again (`lawcat serve`), not for one that searches once.
    public func keepBookLengths() { keepsLengths.set(true) }

    /// How a process holds the catalogue open.
    public enum Connections: Sendable {
        /// A pool: readers answer beside a write in progress (`lawcat serve`).
        case pool
        /// One connection for reads and writes alike: a command, which does one
        /// thing at a time. A pool cost a command that only reads 6 to 7 ms (one
        /// that writes about 3), and writes to the file even for a search: GRDB
        /// makes sure the WAL is not empty as the pool opens (a table created
        /// and dropped), and the last connection to close copies that into the
        /// file, changing its modification time and its schema cookie, so
        /// backups that go by either copied it again.
        case one
    }

    /// Opens the catalogue at `path`.
    ///
    /// - `create`: make the file and its folders when they are missing (commands
    ///   that write); when false a missing file is `noCatalogue` and nothing is
    ///   created (commands that only read).
    /// - `connections`: a pool (the default, and a server's) or one connection.
    /// - `busyTimeout`: how long a write waits for another process's write
    ///   lock before giving up (30 s unless told otherwise; a test whose lock
    ///   holder lets go only after work of its own, which a loaded machine
    ///   slows down, waits longer).
    public init(
        path: String, create: Bool, clock: Clock = .system, connections: Connections = .pool,
        busyTimeout: TimeInterval = CatalogueDatabase.busyTimeout
    ) throws {
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
            try Self.refuseForeign(path)
            do {
                let writer: any DatabaseWriter =
                    connections == .pool
                    ? try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
                    : try Self.openOne(path, busyTimeout: busyTimeout)
                try Self.prepare(writer, path: path)
                self.writer = writer
            } catch let error as DatabaseError
                where [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode)
                && fileManager.fileExists(atPath: path)
            {
                // Reliability review: a catalogue file that cannot be written
                // (read-only media, `chattr +i`) still answers reads, opened
                // read-only; any write then fails as read-only, in one line.
                // Only a current catalogue: an older one would need migrating.
                let queue = try DatabaseQueue(path: path, configuration: Self.readOnlyConfiguration())
                let found = try queue.read(Self.inspect)
                guard found.isOurs && found.version == Migrations.all.count else { throw error }
                self.writer = queue
            }
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

    static func configuration(busyTimeout: TimeInterval = CatalogueDatabase.busyTimeout) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // Checkpoints stay small; the WAL is truncated when the last connection closes.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Pages are read through a memory map of the file, shared by every
            // connection, not copied by a read() each into a small per-connection
            // cache: a search for a common word touches some 3,000 pages, and
            // `lawcat serve` answered 1.2 to 1.4 times as many searches a second
            // with the map (bench/results/2026-12-06-serve.md). The limit is SQLite's
            // largest (2 GiB less 64 KiB); past it pages are read as before.
            try db.execute(sql: "PRAGMA mmap_size = 2147418112")
            // On every connection, though only a server ranks with it: a statement's work, some
            // microseconds, and a reader opened before `keepBookLengths()` must have it too.
            KnownLengthsRanking.register(db)
            PersonalNames.register(db)
        }
        return config
    }

    /// One connection, in WAL mode as a pool would put the file (a no-op for
    /// a catalogue already in it, so nothing is written): readers in other
    /// processes are never blocked by this one's writes, nor it by theirs.
    private static func openOne(_ path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: configuration(busyTimeout: busyTimeout))
        let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        // SQLite keeps the old mode, without an error, when it cannot change it: a file it cannot write.
        guard mode == "wal" else {
            try? queue.close()
            throw DatabaseError(resultCode: .SQLITE_READONLY, message: "cannot switch \(path) to WAL mode")
        }
        return queue
    }

    /// For a look at a file without changing it. It waits on the busy timeout
    /// like every other connection: a process that closes the last connection
    /// to a catalogue checkpoints it under an exclusive lock, and a connection
    /// opened at that moment without a timeout failed at once as "busy"
    /// (seen in bench/reliability.sh's concurrency run).
    static func readOnlyConfiguration() -> Configuration {
        var config = configuration()
        config.readonly = true
        return config
    }

    /// Checks that the file is a lawcat catalogue (or empty), refuses one made
    /// by a newer lawcat, and migrates an older one in one transaction after
    /// backing it up beside itself (`PATH.vN.bak`, N the version it had).
    static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        let latest = Migrations.all.count
        // A first look without the write lock: a current catalogue needs nothing
        // more. On the writer's connection, which is open already: a pool's
        // read would open a reader only for this.
        let first = try writer.writeWithoutTransaction { db in
            var found: (isEmpty: Bool, isOurs: Bool, version: Int) = (true, false, 0)
            try db.inTransaction(.deferred) {
                found = try Self.inspect(db)
                return .commit
            }
            return found
        }
        if !first.isEmpty && !first.isOurs { throw CatalogueError.notACatalogue(path: path) }
        if first.version > latest { throw CatalogueError.newerCatalogue(path: path) }
        if first.version == latest { return }
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                // Reliability review: look again under the write lock. Another
                // process may have created or migrated the file while this one
                // waited; only what is seen here may decide what to do.
                let now = try Self.inspect(db)
                if !now.isEmpty && !now.isOurs { throw CatalogueError.notACatalogue(path: path) }
                if now.version > latest { throw CatalogueError.newerCatalogue(path: path) }
                if now.version == latest { return .commit }
                if !now.isEmpty && path != ":memory:" {
                    // Reliability review: the backup used to be taken before
                    // this transaction, so a write by another process between
                    // the two was in the catalogue but not in the backup, and a
                    // half-written .bak from a crash was kept for ever. Now it
                    // is taken while this transaction holds the write lock, and
                    // written under a temporary name.
                    try Self.backUpBeforeMigrating(path: path, version: now.version)
                }
                for migration in Migrations.all[now.version...] {
                    if let reason = try Migrations.refusal(before: migration.identifier, db) {
                        throw CatalogueError.upgradeRefused(path: path, reason: reason)
                    }
                    try db.execute(sql: migration.sql)
                }
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(latest)")
                return .commit
            }
        }
    }

    /// Reliability review: an existing file is first looked at read-only.
    /// Opening it for writing (a pool, or one connection) switches it to WAL
    /// mode, so a foreign SQLite file (or a newer catalogue) would be changed
    /// before it was refused.
    private static func refuseForeign(_ path: String) throws {
        // stat(2), not FileManager's attributes, which look up the owner's and group's names as well.
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return }
        // Most files are a current lawcat catalogue, and the file's header says
        // so without a connection (each parses the whole schema).
        if let header = Self.header(path), header.isOurs {
            if header.version > Migrations.all.count { throw CatalogueError.newerCatalogue(path: path) }
            return
        }
        let found: (isEmpty: Bool, isOurs: Bool, version: Int)
        do {
            found = try look(path, configuration: Self.readOnlyConfiguration())
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            // Reliability review: a process killed mid-write while the file was
            // still in rollback-journal mode (a backup used as a catalogue, on
            // its first open, as it switches to WAL) leaves a hot journal,
            // which only a writable connection may roll back. Read-only, every
            // command failed on it as "read-only", for ever. SQLite rolls it
            // back here, restoring the last commit, as any writer would.
            found = try look(path, configuration: Self.configuration())
        }
        if !found.isEmpty && !found.isOurs { throw CatalogueError.notACatalogue(path: path) }
        if found.version > Migrations.all.count { throw CatalogueError.newerCatalogue(path: path) }
    }

    /// application_id and user_version as the file's 100-byte header holds
    /// them (big-endian, at bytes 68 and 60), or nil when only a connection
    /// can tell: not a SQLite header, or a rollback journal beside the file (a
    /// hot journal may be undoing a change to those very bytes). In WAL mode
    /// the header can lag the log, but only behind a WAL file with frames, and
    /// opening such a file as a pool changes nothing before `prepare` looks
    /// again through a connection.
    static func header(_ path: String) -> (isOurs: Bool, version: Int)? {
        guard !FileManager.default.fileExists(atPath: path + "-journal"),
            let file = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? file.close() }
        guard let bytes = try? file.read(upToCount: 100), bytes.count == 100,
            bytes.prefix(16).elementsEqual(Array("SQLite format 3\0".utf8))
        else { return nil }
        func integer(at offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        return (Int32(bitPattern: integer(at: 68)) == applicationID, Int(Int32(bitPattern: integer(at: 60))))
    }

    private static func look(_ path: String, configuration: Configuration) throws
        -> (isEmpty: Bool, isOurs: Bool, version: Int)
    {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let found = try queue.read(inspect)
        try queue.close()
        return found
    }

    /// Whether the file has no schema yet, whether it carries lawcat's
    /// application_id, and its schema version.
    static func inspect(_ db: Database) throws -> (isEmpty: Bool, isOurs: Bool, version: Int) {
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        return (tables == 0, appID == applicationID, version)
    }

    /// Copies the catalogue at `path`, as last committed, to `PATH.vN.bak`
    /// (`PATH.vN.bak.2`... if that exists: an earlier backup is never replaced).
    /// Called while the caller holds the write lock: a separate read-only
    /// connection reads the last commit, which nobody else can change meanwhile.
    private static func backUpBeforeMigrating(path: String, version: Int) throws {
        var target = path + ".v\(version).bak"
        var n = 1
        while FileManager.default.fileExists(atPath: target) {
            n += 1
            target = path + ".v\(version).bak.\(n)"
        }
        let source = try DatabaseQueue(path: path, configuration: Self.readOnlyConfiguration())
        defer { try? source.close() }
        try copy(source, to: target)
    }
}

/// A flag that any thread may read and set.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set(_ on: Bool) { lock.withLock { value = on } }
}
