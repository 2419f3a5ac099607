// lawcat's ranking: BM25 over a book's text, as FTS5's bm25() scored it,
// with two differences of purpose.
//
// 1. Filters. The index's fifth column is a book's edition number and year
//    (v11-search-edition-and-year.sql), which a search asks for beside its
//    words (`history 2000`) to have FTS5 find the books with both. They are a
//    condition, not a match to weigh: `lawcat_bm25(book_fts, F, weights...)`
//    leaves the first F phrases of the MATCH unscored, and never works out
//    their IDF (bm25() would read the postings of every book dated 2000 to
//    count them: 297,559 at a million). Nor does it count the fifth column
//    in a book's length, so that books rank exactly as bm25() ranked them
//    over the four text columns before it was added (KnownLengthsTests
//    compares the two).
// 2. Lengths known in memory, for a process that keeps a catalogue open and
//    searches it again and again (`lawcat serve`). bm25() reads each matching
//    book's length (its `docsize` row) with a statement of its own, about a
//    microsecond a book, and a common word ("history": 45,036 books at 241,203)
//    is mostly that. With `KnownLengthsRegistry.using`, the lengths come from
//    an array made once for each state of the index. A process that searches
//    once (the command line) does not make the array: it would cost more than
//    it saves, and the lengths are read from the index as bm25() reads them.
//
// 3. Only the best few, when asked for them. Ranking a common pair of
//    fragments (`cons histor`: 5,135 books at a million) is much of it the
//    reading of each matching book's length. Given a last argument N, a book that cannot be
//    among the best N scored so far is not weighed: its score with no length
//    at all bounds its real one from above, and when that is below the N-th
//    best the book cannot be in the first N, so it gets the worst score
//    there is (`unweighed`) without its length being read. The first N of an
//    ORDER BY on the score are then exactly as without it.
//
// The formula is SQLite's (fts5_aux.c, fts5Bm25Function), step for step, so
// that scores are the same to the bit.
import Foundation
import GRDB
import GRDBSQLite

/// The number of tokens of each book's indexed text, by rowid, as the index
/// stood in one state (`version`: its averages and structure records, which
/// FTS5 rewrites with every change to the index).
final class KnownLengths: @unchecked Sendable {
    let version: [UInt8]
    /// By rowid; -1 where no book has the rowid.
    let lengths: [Int32]

    init(version: [UInt8], lengths: [Int32]) {
        self.version = version
        self.lengths = lengths
    }

    /// The length of book `rowid`, or nil when not known here.
    func length(of rowid: Int64) -> Int32? {
        guard rowid >= 0, rowid < lengths.count else { return nil }
        let length = lengths[Int(rowid)]
        return length < 0 ? nil : length
    }

    /// The index's state as this transaction sees it.
    static func version(_ db: Database) throws -> [UInt8] {
        var version: [UInt8] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT block FROM book_fts_data WHERE id IN (1, 10) ORDER BY id")) {
            let block: Data = row[0] ?? Data()
            version += Array(block)
            version.append(0xFF)
        }
        return version
    }

    /// Every book's length, as this transaction sees the index.
    static func read(_ db: Database, version: [UInt8]) throws -> KnownLengths {
        var lengths: [Int32] = []
        let statement = try db.makeStatement(sql: "SELECT id, sz FROM book_fts_docsize ORDER BY id")
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        while sqlite3_step(raw) == SQLITE_ROW {
            let id = sqlite3_column_int64(raw, 0)
            guard id >= 0, id < Int64(Int32.max) else { continue }
            if Int(id) >= lengths.count { lengths.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - lengths.count)) }
            let count = Int(sqlite3_column_bytes(raw, 1))
            var total: Int32 = 0
            if count > 0, let bytes = sqlite3_column_blob(raw, 1)?.assumingMemoryBound(to: UInt8.self) {
                // One SQLite varint a column (fts5StorageDecodeSizeArray): seven bits a byte, most
                // significant first, the high bit set on all but the last. The length is their sum.
                var index = 0
                var column = 0
                while index < count {
                    var value: UInt64 = 0
                    var used = 0
                    while index < count {
                        let byte = bytes[index]
                        index += 1
                        used += 1
                        if used == 9 {
                            value = (value << 8) | UInt64(byte)
                            break
                        }
                        value = (value << 7) | UInt64(byte & 0x7F)
                        if byte & 0x80 == 0 { break }
                    }
                    // Only the text columns count: the edition and year are not scored.
                    if column < KnownLengthsRanking.scoredColumns { total &+= Int32(truncatingIfNeeded: value) }
                    column += 1
                }
            }
            lengths[Int(id)] = total
        }
        sqlite3_reset(raw)
        return KnownLengths(version: version, lengths: lengths)
    }
}

/// The lengths one catalogue keeps: the latest state of its index read.
final class KnownLengthsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: KnownLengths?

    /// The lengths for the index as `db`'s transaction sees it: the kept ones
    /// when the index has not changed since, else read again (a tenth of a
    /// second at a million books, once after each change).
    func lengths(_ db: Database) throws -> KnownLengths {
        let version = try KnownLengths.version(db)
        if let kept = lock.withLock({ latest }), kept.version == version { return kept }
        let fresh = try KnownLengths.read(db, version: version)
        lock.withLock { latest = fresh }
        return fresh
    }
}

/// Which connection is searching with which lengths: the ranking function
/// finds them by its connection, for the read transaction the search runs in.
final class KnownLengthsRegistry: @unchecked Sendable {
    static let shared = KnownLengthsRegistry()
    private let lock = NSLock()
    private var inUse: [Int: KnownLengths] = [:]

    /// Runs `body` with `lengths` known to the ranking function on `db`'s connection.
    func using<T>(_ lengths: KnownLengths, on db: Database, _ body: () throws -> T) rethrows -> T {
        let key = Int(bitPattern: db.sqliteConnection)
        lock.withLock { inUse[key] = lengths }
        defer { lock.withLock { inUse[key] = nil } }
        return try body()
    }

    func lengths(forConnection connection: OpaquePointer?) -> KnownLengths? {
        let key = Int(bitPattern: connection)
        return lock.withLock { inUse[key] }
    }
}

/// What `lawcat_bm25` works out once a query (as bm25() does): each phrase's
/// IDF and the average length, and the lengths it may use.
private final class QueryData {
    var idf: [Double] = []
    var averageLength: Double = 0
    var known: KnownLengths?
    var frequencies: [Double] = []
    /// How many of the MATCH's phrases, the first ones, only filter.
    var filters = 0
    /// Each text column's weight.
    var weights: [Double] = []
    /// How many of the best books are asked for (0: every book weighed), and
    /// the best scores so far (BM25's, higher is better), fewest first.
    var keep = 0
    var best = BestScores()
    /// The book last added to `best`: a statement that asks for the score twice on one row adds it once.
    var lastAdded: Int64?
}

/// The `keep` highest scores seen, in a heap whose root is the lowest of them.
struct BestScores {
    private(set) var heap: [Double] = []

    /// The lowest of the kept scores, once `keep` are kept.
    func threshold(keep: Int) -> Double? { heap.count >= keep ? heap.first : nil }

    mutating func add(_ score: Double, keep: Int) {
        if heap.count < keep {
            heap.append(score)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child] < heap[parent] else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if let lowest = heap.first, score > lowest {
            heap[0] = score
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && heap[left] < heap[smallest] { smallest = left }
                if right < heap.count && heap[right] < heap[smallest] { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}

enum KnownLengthsRanking {
    /// The name the SQL calls it by.
    static let name = "lawcat_bm25"

    /// The columns scored and counted in a book's length: title, authors,
    /// subjects and jurisdiction, not the edition and year after them.
    static let scoredColumns = 4

    /// `lawcat_bm25(book_fts, filters, title, authors, subjects, jurisdiction)`:
    /// the MATCH's first `filters` phrases unscored, the text columns weighted so.
    /// One more argument after the weights, N, weighs only the books that may
    /// be among the best N (the others score `unweighed`), for an ORDER BY on
    /// the score alone (`Searcher.score(filters:best:)`).
    static func sql(filters: Int, weights: [Double]) -> String {
        precondition(weights.count == scoredColumns, "a weight for each text column")
        return "\(name)(book_fts, \(filters), " + weights.map { String($0) }.joined(separator: ", ") + ")"
    }

    /// The score of a book that cannot be among the best asked for: after every real one.
    static let unweighed = Double.greatestFiniteMagnitude

    /// Makes `lawcat_bm25` on this connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
    }
}

/// SQLite's bm25() (fts5_aux.c), step for step, over the text columns and
/// the phrases after the filters, with the lengths known when they are.
/// Arguments after the table: the number of filter phrases, then a weight
/// for each text column (1.0 for a column not given).
private func rank(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
    _ values: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api, let fts, let context else { return }
    let k1 = 1.2
    let b = 0.75
    let columns = KnownLengthsRanking.scoredColumns
    let data: QueryData
    if let kept = api.pointee.xGetAuxdata(fts, 0) {
        data = Unmanaged<QueryData>.fromOpaque(kept).takeUnretainedValue()
    } else {
        // The number of filter phrases first: a weight there (bm25()'s arguments) would be read as one.
        guard count > 0, sqlite3_value_type(values?[0]) == SQLITE_INTEGER else {
            return sqlite3_result_error(context, "lawcat_bm25(book_fts, FILTERS, WEIGHTS...): FILTERS is a whole number", -1)
        }
        data = QueryData()
        data.filters = max(0, Int(sqlite3_value_int(values?[0])))
        data.weights = (0..<columns).map { column in
            count > column + 1 ? sqlite3_value_double(values?[column + 1]) : 1.0
        }
        data.keep = count > columns + 1 ? max(0, Int(sqlite3_value_int(values?[columns + 1]))) : 0
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var code = api.pointee.xRowCount(fts, &rows)
        for column in 0..<columns where code == SQLITE_OK {
            var size: Int64 = 0
            code = api.pointee.xColumnTotalSize(fts, Int32(column), &size)
            tokens += size
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        data.averageLength = Double(tokens) / Double(rows)
        let phrases = Int(api.pointee.xPhraseCount(fts))
        for phrase in 0..<phrases {
            // A filter's IDF is never used: not worked out (a year's books are many).
            guard phrase >= data.filters else {
                data.idf.append(0)
                continue
            }
            var hits: Int64 = 0
            code = api.pointee.xQueryPhrase(fts, Int32(phrase), &hits) { _, _, hits in
                hits?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            var idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            if idf <= 0.0 { idf = 1e-6 }
            data.idf.append(idf)
        }
        data.frequencies = Array(repeating: 0, count: phrases)
        data.known = KnownLengthsRegistry.shared.lengths(forConnection: sqlite3_context_db_handle(context))
        // With the lengths in memory, weighing a book costs no more than bounding it.
        if data.known != nil { data.keep = 0 }
        code = api.pointee.xSetAuxdata(fts, Unmanaged.passRetained(data).toOpaque()) { kept in
            if let kept { Unmanaged<QueryData>.fromOpaque(kept).release() }
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    }
    for index in data.frequencies.indices { data.frequencies[index] = 0 }
    var instances: Int32 = 0
    var code = api.pointee.xInstCount(fts, &instances)
    var instance: Int32 = 0
    while code == SQLITE_OK && instance < instances {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        code = api.pointee.xInst(fts, instance, &phrase, &column, &offset)
        if code == SQLITE_OK && Int(phrase) >= data.filters && Int(column) < columns {
            data.frequencies[Int(phrase)] += data.weights[Int(column)]
        }
        instance += 1
    }
    guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    // With no length at all each phrase scores at least as high as with the book's, so this bounds
    // its score from above: below the lowest of the best so far, it cannot be among them.
    if data.keep > 0, let threshold = data.best.threshold(keep: data.keep) {
        var bound = 0.0
        for phrase in data.filters..<max(data.filters, data.idf.count) {
            let frequency = data.frequencies[phrase]
            bound += data.idf[phrase] * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b)))
        }
        if bound < threshold { return sqlite3_result_double(context, KnownLengthsRanking.unweighed) }
    }
    var length: Double = 0
    if code == SQLITE_OK {
        if let known = data.known?.length(of: api.pointee.xRowid(fts)) {
            length = Double(known)
        } else {
            var tokens: Int32 = 0
            for column in 0..<columns where code == SQLITE_OK {
                var size: Int32 = 0
                code = api.pointee.xColumnSize(fts, Int32(column), &size)
                tokens += size
            }
            length = Double(tokens)
        }
    }
    guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    var score = 0.0
    for phrase in data.filters..<max(data.filters, data.idf.count) {
        let frequency = data.frequencies[phrase]
        score += data.idf[phrase] * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / data.averageLength)))
    }
    if data.keep > 0 {
        let rowid = api.pointee.xRowid(fts)
        if data.lastAdded != rowid { data.best.add(score, keep: data.keep) }
        data.lastAdded = rowid
    }
    sqlite3_result_double(context, -1.0 * score)
}
