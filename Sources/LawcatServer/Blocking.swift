// The catalogue's calls block (SQLite, and bcrypt's quarter of a second a
// sign-in), so they run on threads of their own, never on Swift's
// cooperative threads. Two pools, so that what may wait never holds up what
// need not:
// - reads: a thread a core. A read never waits for a lock (WAL), so more
//   threads than cores only share them: with eight threads on two cores a
//   30 ms search took four times as long, and so did every search sharing the
//   cores with it (p99 90 to 98 ms with eight threads, 49 to 61 ms with two:
//   bench/results/2026-12-06-serve-threads.md). With a thread a core, requests
//   wait their turn, first come first served, and each runs at full speed.
// - waits: changes and sign-ins. A write may wait on the busy timeout for
//   another lawcat process (an import holds the write lock for seconds), and
//   bcrypt takes a quarter of a second; they wait here while reads go on.
import NIOCore
import NIOPosix

enum Blocking {
    private static let reads = started(NIOThreadPool(numberOfThreads: max(2, System.coreCount)))
    /// Enough threads for a few writes to wait on the busy timeout while sign-ins go on.
    private static let waits = started(NIOThreadPool(numberOfThreads: 8))

    private static func started(_ pool: NIOThreadPool) -> NIOThreadPool {
        pool.start()
        return pool
    }

    /// A read of the catalogue (a search, a page, a token looked up).
    static func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await reads.runIfActive(body)
    }

    /// A change to the catalogue, or a sign-in: what may wait for the write lock or take long.
    static func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await waits.runIfActive(body)
    }
}
