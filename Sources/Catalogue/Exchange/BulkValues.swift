import GRDB
import GRDBSQLite

/// The values of one many-row statement, laid out as one run of bytes by
/// the thread that reads the import file, and bound straight from it.
///
/// Why: an import binds several values a row, millions in all. Through
/// GRDB's `StatementArguments` each text was wrapped, retained and released,
/// then copied by SQLite (`SQLITE_TRANSIENT`) with a malloc of its own; that
/// was about a fifth of the time of the thread holding the write lock, which
/// is the import's bottleneck. Here the texts sit in one buffer, SQLite reads
/// them where they are (`SQLITE_STATIC`, valid while `run` binds and steps),
/// and nothing is allocated per value.
struct BulkValues: Sendable {
    enum Slot: Sendable {
        case null
        case integer(Int64)
        case text(start: Int, count: Int)
    }

    private(set) var bytes: [UInt8] = []
    private(set) var slots: [Slot] = []

    var count: Int { slots.count }

    mutating func append(_ text: String?) {
        guard let text else {
            slots.append(.null)
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        slots.append(.text(start: start, count: bytes.count - start))
    }

    mutating func append(_ integer: Int64) {
        slots.append(.integer(integer))
    }

    mutating func reserve(values: Int, bytes count: Int) {
        slots.reserveCapacity(values)
        bytes.reserveCapacity(count)
    }

    /// The same rows without the first of each `width` values.
    func droppingFirst(of width: Int) -> BulkValues {
        var picked = BulkValues()
        picked.bytes = bytes
        picked.slots.reserveCapacity(slots.count / width * (width - 1))
        for (index, slot) in slots.enumerated() where index % width != 0 { picked.slots.append(slot) }
        return picked
    }

    /// The values of the given rows of `width` values each, in that order
    /// (the bytes are shared, not copied).
    func rows(_ rows: [Int], width: Int) -> BulkValues {
        var picked = BulkValues()
        picked.bytes = bytes
        picked.slots.reserveCapacity(rows.count * width)
        for row in rows { picked.slots += slots[(row * width)..<(row * width + width)] }
        return picked
    }
}

/// SQLite's SQLITE_TRANSIENT: copy the value now. (A macro, so not imported into Swift.)
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension Database {
    /// Binds `values` to `statement`'s parameters in order, steps it to the
    /// end, calling `row` with SQLite's statement for each result row, and
    /// leaves it reset with no bindings. An error is thrown as GRDB throws it
    /// (a `DatabaseError` with SQLite's code and message), having changed
    /// nothing: the statement's own savepoint rolls it back.
    func run(
        _ statement: Statement, with values: BulkValues, row: (OpaquePointer) throws -> Void = { _ in }
    ) throws {
        let raw = statement.sqliteStatement
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
        }
        try values.bytes.withUnsafeBufferPointer { bytes in
            for (index, slot) in values.slots.enumerated() {
                let parameter = CInt(index + 1)
                let code: CInt
                switch slot {
                case .null:
                    code = sqlite3_bind_null(raw, parameter)
                case .integer(let value):
                    code = sqlite3_bind_int64(raw, parameter, value)
                case .text(_, 0):
                    // Not a NULL pointer, or SQLite would bind NULL; copied, as "" lives only for the call.
                    code = sqlite3_bind_text(raw, parameter, "", 0, sqliteTransient)
                case .text(let start, let count):
                    // SQLITE_STATIC (nil): SQLite reads the bytes where they are, until the reset below.
                    let text = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                    code = sqlite3_bind_text(raw, parameter, text, CInt(count), nil)
                }
                guard code == SQLITE_OK else { throw lastError(statement) }
            }
            while true {
                switch sqlite3_step(raw) {
                case SQLITE_ROW: try row(raw)
                case SQLITE_DONE: return
                default: throw lastError(statement)
                }
            }
        }
    }

    private func lastError(_ statement: Statement) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
            message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: statement.sql)
    }
}
