import GRDB

/// The two `book` insert triggers that an import lifts for the length of its
/// transaction, doing their work itself before the commit.
///
/// Why: `book_fts_after_insert` writes each book into the full-text index as
/// it is stored, and SQLite 3.40's FTS5 writes out what it holds in memory as a
/// new index segment at the end of every statement that touches it (each
/// statement is a savepoint). An import stored in batches therefore built
/// hundreds of small segments and merged them again and again: in the sqlite3
/// shell, 241,203 books took 6.8 s in batches of 256 rows and 4.4 s in one
/// statement. So the import drops the trigger, and once every row is stored
/// indexes all its books with one statement, then recreates the trigger from
/// the very SQL it dropped. `search_pending_after_insert` is lifted too: the
/// import gathers the books' words as it reads the file (ImportReader) and
/// folds them into the correction index itself.
///
/// Nobody sees the catalogue without its triggers: the import's transaction
/// is IMMEDIATE, so no other connection writes meanwhile, and readers see the
/// last commit. If the import fails or the process dies, the rollback brings
/// the triggers back with everything else. `lawcat check` compares the
/// full-text index with the books.
struct LiftedBookTriggers {
    static let names = ["book_fts_after_insert", "search_pending_after_insert"]

    /// The `CREATE TRIGGER` statements dropped, as the schema held them.
    private let definitions: [String]

    /// Drops the triggers, keeping their definitions. Call inside the import's transaction.
    static func lift(_ db: Database) throws -> LiftedBookTriggers {
        var definitions: [String] = []
        for name in names {
            guard let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [name])
            else {
                throw CatalogueError.unexpected("the catalogue has no trigger \(name); run `lawcat check`")
            }
            definitions.append(sql)
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        return LiftedBookTriggers(definitions: definitions)
    }

    /// Indexes the `count` books stored after `lastBookBefore`, as the trigger would
    /// have, merges the index after a large import, and recreates the triggers.
    func restore(_ db: Database, indexingBooksAbove lastBookBefore: Int64, count: Int) throws {
        try db.execute(
            sql: """
                INSERT INTO book_fts(rowid, title, authors, subjects, jurisdiction, edition_and_year)
                SELECT id, title, authors, subjects, jurisdiction, edition_and_year FROM book WHERE id > ? ORDER BY id
                """,
            arguments: [lastBookBefore])
        if count >= Self.booksWorthMerging {
            try db.execute(sql: "INSERT INTO book_fts(book_fts) VALUES ('optimize')")
        }
        for sql in definitions { try db.execute(sql: sql) }
    }

    /// From this many books an import merges the full-text index into one segment.
    ///
    /// Why: FTS5 writes a batch out each time about a mebibyte of it is held
    /// in memory (some 7,000 books), so a large import leaves the index in many
    /// segments (13 for 241,203 books), and a search looks each word up in every
    /// one. Merged, the same searches take 15% less time on average (1.79 ms
    /// against 2.11 ms in process at 241,203 books; docs/performance.md). The
    /// merge rewrites the whole index: half a second at 241,203 books, 2 s at a
    /// million. A smaller import adds a segment or two, not worth rewriting a
    /// large catalogue's index for; FTS5 merges small segments as they come.
    static let booksWorthMerging = 10_000
}
