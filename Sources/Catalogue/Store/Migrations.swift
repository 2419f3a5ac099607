/// The catalogue's migrations, in order: one SQL file each, in
/// `Sources/Catalogue/Store/Migrations/`, compiled into the binary.
///
/// lawcat is installed as one binary with nothing beside it, so the files are
/// not read at run time: SwiftPM's `.embedInCode` resource rule (Package.swift)
/// turns each file in that folder into a byte array, `PackageResources.NAME`,
/// NAME being the file's name with every character that is not a letter or a
/// digit made `_` (`v5-added-event.sql` is `PackageResources.v5_added_event_sql`).
///
/// `PRAGMA user_version` counts the migrations a catalogue has had. lawcat
/// runs its own loop (`CatalogueDatabase.prepare`) rather than GRDB's
/// `DatabaseMigrator` so that every pending migration of an older catalogue
/// runs in one transaction: an upgrade happens whole or not at all.
///
/// Adding a migration (the next is v12):
/// 1. Write `Migrations/v12-what-it-does.sql`: SQL only, never application
///    types, so that it keeps meaning what it meant when it shipped. Open it
///    with a comment saying what it changes and why. It runs inside the
///    upgrade's transaction: no BEGIN, COMMIT or VACUUM, and no PRAGMA that
///    a transaction ignores.
/// 2. Add its line at the end of `all` below:
///    `("v12-what-it-does", PackageResources.v12_what_it_does_sql),`.
/// 3. Bring `schema.sql` (top level) to the schema as it now stands: edit
///    the objects your file changes in place, add the ones it creates, remove
///    the ones it drops. Copy each statement's text exactly as your file has
///    it: SQLite keeps that text, and the test compares it. (A column added
///    by `ALTER TABLE ... ADD COLUMN` is written into the table's text by
///    SQLite itself; copy it as `sqlite3 FILE '.schema TABLE'` shows it.)
/// 4. `swift test --filter "schema|Migrat"`: the tests prove that the files
///    and this list agree, that the shipped migrations are unchanged, that a
///    fresh catalogue is exactly `schema.sql`, and that a catalogue at every
///    older version, with data in it, migrates to it intact.
/// A migration that has shipped is never edited, only followed by
/// another; when yours ships, add its fingerprint to `MigrationFileTests`.
enum Migrations {
    static let all: [(identifier: String, sql: String)] = [
        // Books, copies, locations, people, the event log and the full-text index.
        ("v1-foundation", sql(PackageResources.v1_foundation_sql)),
        ("v2-circulation", sql(PackageResources.v2_circulation_sql)),
        ("v3-search-vocabulary", sql(PackageResources.v3_search_vocabulary_sql)),
        ("v4-import-speed", sql(PackageResources.v4_import_speed_sql)),
        ("v5-added-event", sql(PackageResources.v5_added_event_sql)),
        // Renewals, undoing, new homes, merges and reminders in the log; stocktake ids; barcodes in any case.
        ("v6-desk", sql(PackageResources.v6_desk_sql)),
        // Editions, years and ISBN-13s as search words; ISBN lookups through isbn13.
        ("v7-search-editions", sql(PackageResources.v7_search_editions_sql)),
        // People and locations merged into others; books catalogued twice merged; the record of merges.
        ("v8-housekeeping", sql(PackageResources.v8_housekeeping_sql)),
        // Accounts, API tokens and browser sessions for `lawcat serve`.
        ("v9-accounts", sql(PackageResources.v9_accounts_sql)),
        // The event log in time order, for `log` and its days.
        ("v10-event-time", sql(PackageResources.v10_event_time_sql)),
        // A book's edition number and year in the full-text index, beside its words.
        ("v11-search-edition-and-year", sql(PackageResources.v11_search_edition_and_year_sql)),
    ]

    /// A file's text as SQLite is given it: the file's bytes, unchanged.
    private static func sql(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
