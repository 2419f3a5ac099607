import GRDB

// MARK: - Integrity

extension CatalogueDatabase {
    /// What SQLite itself can say is wrong with the catalogue file: its pages
    /// and indexes (`PRAGMA integrity_check`), its foreign keys
    /// (`PRAGMA foreign_key_check`) and its full-text index against the book
    /// table (FTS5 `integrity-check`). An empty list means the file is sound.
    ///
    /// This is the part of `lawcat check` that needs no knowledge of events;
    /// replaying the event log is a separate check. `restore` refuses a backup
    /// for which this list is not empty.
    public func verify() throws -> [String] {
        do {
            return try Self.verify(writer)
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }

    /// `verify()` on any SQLite connection, for a file that is not (yet) opened
    /// as a catalogue, such as a backup about to be restored.
    static func verify(_ writer: any DatabaseWriter) throws -> [String] {
        var problems: [String] = []
        do {
            // A snapshot: the page and key checks do not hold up other writers.
            problems += try writer.read { db in
                try db.pageProblems() + db.foreignKeyProblems()
            }
        } catch let error as DatabaseError where error.isDamage {
            return ["the file is damaged: SQLite cannot read it (\(error.resultCode.description))"]
        }
        // FTS5's check is written as an INSERT, so it needs a write
        // transaction; it changes nothing, and is rolled back anyway.
        problems += try writer.writeWithoutTransaction { db in
            var found: [String] = []
            try db.inTransaction(.immediate) {
                found = try db.fullTextProblems()
                return .rollback
            }
            return found
        }
        return problems
    }
}

extension Database {
    /// `PRAGMA integrity_check`: damaged pages, indexes out of step with their
    /// tables, broken CHECK or NOT NULL constraints. At most 100 lines.
    fileprivate func pageProblems() throws -> [String] {
        let lines = try String.fetchAll(self, sql: "PRAGMA integrity_check(100)")
        if lines == ["ok"] { return [] }
        return lines.map { "the file is damaged: \($0)" }
    }

    /// `PRAGMA foreign_key_check`: rows that name a row that is not there.
    fileprivate func foreignKeyProblems() throws -> [String] {
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
    fileprivate func fullTextProblems() throws -> [String] {
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
