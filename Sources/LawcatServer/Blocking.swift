// The catalogue's calls block (SQLite, and bcrypt's quarter of a second a
// sign-in), so they run on a pool of threads of their own, never on Swift's
// cooperative threads: a write that waits for another lawcat process (an
// import holds the write lock for seconds) must not stop the server reading.
import NIOPosix

enum Blocking {
    /// Enough threads for reads to go on while a few writes wait on the busy timeout.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 8)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
