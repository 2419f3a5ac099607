import Foundation
import GRDB

/// What an import did, or with `dryRun` would do.
public struct ImportReport: Equatable, Sendable, Encodable {
    public var rowsRead = 0
    public var booksAdded = 0
    public var copiesAdded = 0
    public var locationsAdded = 0
    public var peopleAdded = 0
    /// People already known whose e-mail or staff id a people import changed.
    public var peopleUpdated = 0
    /// Rows whose barcode is already in the catalogue, on the same book.
    public var rowsSkipped = 0
    public var dryRun = false
    /// With `skipBad`: how many rows (records) were bad and left out, and the
    /// first 20 of them; null otherwise (every key is always present).
    @Nullable public var rowsRefused: Int?
    @Nullable public var refused: [ImportProblem]?
    /// Records imported with something to say (a byte that could not be
    /// decoded, stored as U+FFFD): how many, and the first 20. Null when none.
    @Nullable public var warningsTotal: Int?
    @Nullable public var warnings: [ImportProblem]?

    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", booksAdded = "books_added", copiesAdded = "copies_added"
        case locationsAdded = "locations_added", peopleAdded = "people_added", peopleUpdated = "people_updated"
        case rowsSkipped = "rows_skipped", dryRun = "dry_run"
        case rowsRefused = "rows_refused", refused, warningsTotal = "warnings_total", warnings
    }
}

/// Collects bad rows: the first 20 in full, and a count of all.
struct ProblemList {
    private(set) var shown: [ImportProblem] = []
    private(set) var total = 0
    /// Where the records of the chunk being stored are, by record number:
    /// a record file's problems are named by them (empty for CSV).
    var places: [Int: ImportPlace] = [:]

    mutating func add(line: Int, _ reason: String) {
        total += 1
        if shown.count < 20 { shown.append(ImportProblem(line: line, reason: reason, place: places[line])) }
    }

    /// The problems in file order (a chunk's are named as it is stored).
    var inFileOrder: [ImportProblem] { shown.sorted { $0.line < $1.line } }

    /// Records why a row was refused. Reliability review: an error that is not
    /// about the row (a full disk, an I/O error, a busy catalogue) used to be
    /// recorded against every row as "this row cannot be stored"; it is now
    /// thrown, so the import stops, rolls back, and says what really happened.
    mutating func add(line: Int, _ error: any Error) throws {
        if let error = error as? DatabaseError, error.resultCode != .SQLITE_CONSTRAINT { throw error }
        add(line: line, (error as? CatalogueError)?.message ?? "this row cannot be stored")
    }
}

extension CatalogueDatabase {
    /// Imports a catalogue CSV file in one transaction: if any row is bad,
    /// nothing is imported and the error names every bad row (the first 20 in
    /// full). Rows whose barcode is already on the same book are skipped, so
    /// importing a file twice adds nothing the second time.
    ///
    /// `progress` is called every few thousand rows with the rows read so far.
    public func importCSV(
        path: String, dryRun: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws -> ImportReport {
        try importCSV(path: path, dryRun: dryRun, skipBad: false, progress: progress)
    }

    /// As `importCSV(path:dryRun:progress:)`; with `skipBad`, bad rows are
    /// left out and listed in the report instead of stopping the import.
    public func importCSV(
        path: String, dryRun: Bool, skipBad: Bool, progress: ((Int) -> Void)? = nil
    ) throws -> ImportReport {
        let reader = try Self.openCSV(path)
        let header = try Self.header(of: reader, path: path)
        let column = try CSVFormat.columnIndex(header, known: CSVFormat.columns, required: "title", path: path)
        // The file is read and its rows prepared on another thread, while this
        // one stores them (see ImportReader). A dry run stores nothing to search.
        let rows = ImportReader(
            reader: reader, path: path, headerCount: header.count, column: column, collectsWords: !dryRun)
        return try importRows(rows, dryRun: dryRun, skipBad: skipBad, progress: progress)
    }

    /// Stores what `rows` reads, in one transaction: the CSV import's, and
    /// every other format's (MARC records come through the same reader).
    func importRows(
        _ rows: ImportReader, dryRun: Bool, skipBad: Bool, progress: ((Int) -> Void)?
    ) throws -> ImportReport {
        let now = nowStamp
        rows.start()
        defer { rows.cancel() }
        return try transaction(rollback: dryRun) { db in
            // A bigger page cache for this transaction only: some indexes of a
            // large import (titles' starts, barcodes) are written in no
            // particular order, and with SQLite's default 2 MiB cache their
            // pages spill to the WAL and are read back again and again.
            // It is a fixed ceiling, so memory still does not grow with the
            // file; durability is unchanged (the commit is as before).
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let lastBookBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM book") ?? 0
            let triggers = try LiftedBookTriggers.lift(db)
            var report = ImportReport(dryRun: dryRun)
            var problems = ProblemList()
            var warnings = ProblemList()
            var barcodes = BarcodeGenerator()
            var homes = LocationMemo()
            var fresh = lastBookBefore == 0 ? StoredBookFilter() : nil
            reading: while let message = rows.next() {
                switch message {
                case .rows(let chunk):
                    let before = report.rowsRead
                    report.rowsRead += chunk.rows
                    if report.rowsRead / 5000 > before / 5000 { progress?(report.rowsRead) }
                    problems.places = chunk.places
                    warnings.places = chunk.places
                    for note in chunk.notes { warnings.add(line: note.line, note.reason) }
                    try chunk.store(
                        into: db, at: now, homes: &homes, barcodes: &barcodes, fresh: &fresh, report: &report,
                        problems: &problems)
                case .end:
                    break reading
                case .words:
                    throw CatalogueError.unexpected("the import's words came before the end of its rows")
                case .failed(let error):
                    throw error
                }
            }
            if warnings.total > 0 {
                report.warningsTotal = warnings.total
                report.warnings = warnings.inFileOrder
            }
            if problems.total > 0 {
                // Rows are named as their chunk is stored: put them in file order.
                guard skipBad else {
                    throw CatalogueError.invalidImport(problems: problems.inFileOrder, total: problems.total)
                }
                report.rowsRefused = problems.total
                report.refused = problems.inFileOrder
            }
            // The imported books' words go into the correction index before the
            // commit, so that no search has to write (a read-only catalogue
            // corrects typos in them too). A dry run rolls back: nothing to
            // index, and the rollback restores the triggers.
            if !dryRun {
                try triggers.restore(db, indexingBooksAbove: lastBookBefore, count: report.booksAdded)
                guard case .words(let words) = rows.next() else {
                    throw CatalogueError.unexpected("the import file was not read to its end")
                }
                try Vocabulary.refresh(db, imported: words)
            }
            return report
        }
    }

    /// Imports borrowers from a CSV file with the columns `name` (required),
    /// `email` and `staff_id`. People already known by name get the e-mail and
    /// staff id the file gives them (counted as updated when that changes them).
    public func importPeopleCSV(path: String, dryRun: Bool = false) throws -> ImportReport {
        let reader = try Self.openCSV(path)
        let header = try Self.header(of: reader, path: path)
        let column = try CSVFormat.columnIndex(header, known: CSVFormat.peopleColumns, required: "name", path: path)
        return try transaction(rollback: dryRun) { db in
            var report = ImportReport(dryRun: dryRun)
            var problems = ProblemList()
            while let record = try Self.nextRecord(reader, path: path) {
                if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
                report.rowsRead += 1
                guard record.fields.count == header.count else {
                    problems.add(line: record.line, "this row has \(record.fields.count) fields and the header has \(header.count)")
                    continue
                }
                func value(_ name: String) -> String? { column[name].flatMap { record.fields[$0].trimmed.nonEmpty } }
                guard let name = value("name") else {
                    problems.add(line: record.line, "a person needs a name")
                    continue
                }
                do {
                    switch try db.importPerson(name: Self.personName(name), email: value("email"), staffID: value("staff_id")) {
                    case .added: report.peopleAdded += 1
                    case .updated: report.peopleUpdated += 1
                    case .unchanged: report.rowsSkipped += 1
                    }
                } catch {
                    try problems.add(line: record.line, error)
                }
            }
            if problems.total > 0 {
                throw CatalogueError.invalidImport(problems: problems.shown, total: problems.total)
            }
            return report
        }
    }

    /// The page cache an import may use, in KiB (SQLite's default is 2,000).
    static let importCacheKiB = 65_536

    static func openCSV(_ path: String) throws -> CSVReader {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CatalogueError.fileNotFound(path: path)
        }
        do { return try CSVReader(path: path) } catch {
            throw CatalogueError.invalidFile(path: path, reason: "it cannot be opened for reading")
        }
    }

    static func header(of reader: CSVReader, path: String) throws -> [String] {
        guard let header = try nextRecord(reader, path: path) else {
            // An empty file is read as CSV whatever its name: a MARC one is only said to be empty.
            let csv = !["mrc", "marc", "xml", "dat"].contains((path as NSString).pathExtension.lowercased())
            throw CatalogueError.invalidFile(
                path: path,
                reason: "the file is empty" + (csv ? "; it needs a header row such as \(CSVFormat.columns.joined(separator: ","))" : ""))
        }
        return header.fields
    }

    static func nextRecord(_ reader: CSVReader, path: String) throws -> CSVRecord? {
        do { return try reader.next() } catch let error as CSVError {
            throw CatalogueError.invalidFile(path: path, reason: error.reason)
        }
    }
}

/// Location ids by the text a file gives, for one import: a file names few
/// places many times over, so each is normalised and looked up once.
/// Bounded, so memory does not grow with the file.
struct LocationMemo {
    private var ids: [String: Int64] = [:]

    /// The location `text` names, and whether this call added it.
    mutating func location(_ text: String, in db: Database) throws -> (id: Int64, added: Bool) {
        if let id = ids[text] { return (id, false) }
        let found = try db.locationID(forPath: LocationPath.normalise(text))
        if ids.count >= 10_000 { ids.removeAll(keepingCapacity: true) }
        ids[text] = found.id
        return found
    }
}

/// Barcodes for copies that arrive without one: `LAW` and six or more digits,
/// skipping any already taken.
struct BarcodeGenerator {
    private var next: Int?

    mutating func next(in db: Database, avoiding held: Set<String> = []) throws -> String {
        var number = try next ?? (Int.fetchOne(db, sql: "SELECT count(*) FROM copy") ?? 0) + 1
        while true {
            let candidate = "LAW" + String(format: "%06d", number)
            number += 1
            if !held.contains(candidate), try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM copy WHERE barcode = ? COLLATE NOCASE"), arguments: [candidate]) == nil
            {
                next = number
                return candidate
            }
        }
    }
}
