import GRDB

// MARK: - Integrity

extension CatalogueDatabase {
    /// `check()` on any SQLite connection, for a file that is not (yet) opened
    /// as a catalogue, such as a backup about to be restored. Changes nothing.
    static func check(_ writer: any DatabaseWriter) throws -> CheckReport {
        var report: CheckReport
        do {
            // A snapshot: the page and key checks and the replay do not hold up other writers.
            report = try writer.read { db in try db.check(fullText: false) }
        } catch let error as DatabaseError where error.isDamage {
            var damaged = CheckReport()
            damaged.integrity = ["the file is damaged: SQLite cannot read it (\(error.resultCode.description))"]
            return damaged
        }
        // FTS5's check is written as an INSERT, so it needs a write
        // transaction; it changes nothing, and is rolled back anyway.
        report.fullText = try writer.writeWithoutTransaction { db in
            var found: [String] = []
            try db.inTransaction(.immediate) {
                found = try db.fullTextProblems()
                return .rollback
            }
            return found
        }
        return report
    }
}

extension Database {
    /// `PRAGMA integrity_check`: damaged pages, indexes out of step with their
    /// tables, broken CHECK or NOT NULL constraints. At most 100 lines.
    func pageProblems() throws -> [String] {
        let lines = try String.fetchAll(self, sql: "PRAGMA integrity_check(100)")
        if lines == ["ok"] { return [] }
        return lines.map { "the file is damaged: \($0)" }
    }

    /// `PRAGMA foreign_key_check`: rows that name a row that is not there.
    func foreignKeyProblems() throws -> [String] {
        let rows = try Row.fetchAll(self, sql: "PRAGMA foreign_key_check")
        return rows.prefix(100).map { row in
            let table: String = row[0]
            let rowid: Int64? = row[1]
            let parent: String = row[2]
            return "\(table) \(rowid.map(String.init) ?? "?") refers to a \(parent) that is not in the catalogue"
        }
    }

    /// FTS5 `integrity-check` with rank 1: the full-text index against the
    /// book table it indexes (external content), so a search can trust it.
    func fullTextProblems() throws -> [String] {
        guard try tableExists("book_fts") else { return ["the full-text index (book_fts) is missing"] }
        do {
            try execute(sql: "INSERT INTO book_fts(book_fts, rank) VALUES ('integrity-check', 1)")
            return []
        } catch let error as DatabaseError where error.isDamage {
            return ["the full-text index is out of step with the book table; restore a backup with `lawcat restore`"]
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            // A schema that is not lawcat's (a table dropped or renamed).
            return ["the full-text index cannot be checked: its tables are not as lawcat made them"]
        }
    }
}

extension DatabaseError {
    /// SQLite's words for a file that is not what it should be.
    var isDamage: Bool {
        resultCode == .SQLITE_CORRUPT || resultCode == .SQLITE_NOTADB
    }
}
