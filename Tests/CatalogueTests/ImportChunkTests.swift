@testable import Catalogue
import Foundation
import GRDB
import GRDBSQLite
import Testing

/// The import reads on one thread and stores on another, a chunk of
/// `ImportChunk.size` rows at a time, with the book insert triggers lifted
/// for its transaction. These tests cross chunk boundaries on purpose.
@Suite("Import, across chunks")
struct ImportChunkTests {
    static let header = "title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location\n"
    static let size = ImportChunk.size

    /// `count` rows on lines 2 to `count + 1`, one book each (`Book N`, N the line), barcodes `CN`.
    static func rows(_ count: Int, change: (Int) -> String? = { _ in nil }) -> String {
        header + (2...(count + 1)).map { line in
            change(line) ?? "Book \(line),\"Author \(line)\",Subject \(line % 13),19\(10 + line % 90),,,,C\(line),London/\(line % 5)\n"
        }.joined()
    }

    static let bookRow = "Chitty on Contracts,\"Beale, Hugh\",Contracts,2021,34th ed.,England and Wales,,"

    static func triggers(_ catalogue: CatalogueDatabase) throws -> [String: String] {
        try catalogue.writer.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name"
            ).map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    @Test("Given an empty catalogue and copies of one book more than a chunk apart, when imported, then they are copies of one book")
    func sameBookAcrossChunksWhenEmpty() throws {
        let catalogue = try temporaryCatalogue()
        let last = Self.size * 2 + 10
        let text = Self.rows(last - 1) { line in
            line == 2 || line == last ? Self.bookRow + "CH\(line),London/1\n" : nil
        }
        let report = try importText(text, into: catalogue)
        #expect(report.rowsRead == last - 1)
        #expect(report.booksAdded == last - 2)
        #expect(report.copiesAdded == last - 1)
        #expect(try catalogue.book("CH2").copies.map(\.barcode) == ["CH2", "CH\(last)"])
    }

    @Test("Given a catalogue that has the book, and copies of it more than a chunk apart, when imported, then they join that book")
    func sameBookAcrossChunksWhenNotEmpty() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.header + Self.bookRow + "CH1,London/1\n", into: catalogue)
        let last = Self.size + 50
        let text = Self.rows(last - 1) { line in
            line == 3 || line == last ? Self.bookRow + "CH\(line),London/1\n" : nil
        }
        let report = try importText(text, into: catalogue)
        #expect(report.booksAdded == last - 3)
        #expect(try catalogue.book("CH1").copies.map(\.barcode) == ["CH1", "CH3", "CH\(last)"])
        #expect(try countsOf(catalogue) == [last - 2, last])
    }

    @Test("Given several chunks imported, then the book triggers are back as they were, and the full-text and correction indexes hold every book")
    func triggersRestoredAndIndexesComplete() throws {
        let catalogue = try temporaryCatalogue()
        let before = try Self.triggers(catalogue)
        _ = try importText(Self.rows(Self.size * 2 + 3), into: catalogue)
        #expect(try Self.triggers(catalogue) == before)
        #expect(try catalogue.check().isClean)
        // A book from the last chunk, by a word of its title and with a typo in its author.
        let last = "Book \(Self.size * 2 + 4)"
        #expect(try catalogue.search("\(last) athor").books.first?.book.fields.title == last)
        // The lifted triggers work again: a book added afterwards is indexed and its words folded.
        _ = try catalogue.addBook(BookFields(title: "Perspicacious pleading"))
        #expect(try catalogue.search("perspicaciuos").books.map(\.book.fields.title) == ["Perspicacious pleading"])
        let pending = try catalogue.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM search_pending") }
        #expect(pending == 0)
    }

    @Test("Given a dry run over several chunks, then nothing is stored and the triggers are as they were")
    func dryRunLeavesTriggers() throws {
        let catalogue = try temporaryCatalogue()
        let before = try Self.triggers(catalogue)
        let report = try importText(Self.rows(Self.size + 7), into: catalogue, dryRun: true)
        #expect(report.copiesAdded == Self.size + 7)
        #expect(try countsOf(catalogue) == [0, 0])
        #expect(try Self.triggers(catalogue) == before)
    }

    @Test("Given an impossible date in a later chunk, when imported, then only that row is named, nothing is stored, and the triggers are as they were")
    func badRowInLaterChunk() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.header + Self.bookRow + "CH1,London/1\n", into: catalogue)
        let before = try (exportCSV(catalogue), Self.triggers(catalogue))
        let bad = Self.size * 2 + 5
        #expect {
            try importText(Self.rows(Self.size * 3) { line in
                line == bad ? "Late book,,,2019-02-30,,,,C\(line),London/2\n" : nil
            }, into: catalogue)
        } throws: { error in
            guard case .invalidImport(let problems, let total)? = error as? CatalogueError else { return false }
            return total == 1 && problems.map(\.line) == [bad] && problems[0].reason.contains("2019-02-30")
        }
        #expect(try exportCSV(catalogue) == before.0)
        #expect(try Self.triggers(catalogue) == before.1)
        #expect(try catalogue.check().isClean)
    }

    @Test("Given an unbalanced quote after several chunks, when imported, then the error names its line and nothing is stored")
    func unreadableLaterInFile() throws {
        let catalogue = try temporaryCatalogue()
        let bad = Self.size * 2 + 100
        let text = Self.rows(Self.size * 2 + 200) { line in
            line == bad ? "\"Never closed,,,,,,,C\(line),London/1\n" : nil
        }
        #expect {
            try importText(text, into: catalogue)
        } throws: { error in
            guard case .invalidFile(_, let reason)? = error as? CatalogueError else { return false }
            return reason.hasPrefix("line \(bad):")
        }
        #expect(try countsOf(catalogue) == [0, 0])
        #expect(try catalogue.check().isClean)
    }
}

@Suite("Import: binding values in bulk")
struct BulkValuesTests {
    @Test("Given an empty text, a non-ASCII text, a NULL and an integer, when bound in bulk, then SQLite reads back each as given")
    func roundTrip() throws {
        var values = BulkValues()
        values.append("")
        values.append("Zvi\u{0361}agint\u{0361}sev: droit européen")
        values.append(nil as String?)
        values.append(Int64(-42))
        values.append("last")
        let queue = try DatabaseQueue()
        var read: [String] = []
        try queue.write { db in
            let statement = try db.makeStatement(
                sql: "SELECT quote(?1), ?2, quote(?3), typeof(?4) || ':' || ?4, ?5 || length(?1)")
            try db.run(statement, with: values) { row in
                for column in 0..<5 { read.append(String(cString: sqlite3_column_text(row, CInt(column)))) }
            }
        }
        #expect(read == ["''", "Zvi\u{0361}agint\u{0361}sev: droit européen", "NULL", "integer:-42", "last0"])
    }

    @Test("Given a chosen set of rows, when picked, then their values come in that order")
    func pickedRows() throws {
        var values = BulkValues()
        for row in 0..<4 {
            values.append(Int64(row))
            values.append("row \(row)")
        }
        let picked = values.rows([3, 1], width: 2)
        let queue = try DatabaseQueue()
        var read: [String] = []
        try queue.write { db in
            try db.run(db.makeStatement(sql: "SELECT ?1 || '/' || ?2 || ',' || ?3 || '/' || ?4"), with: picked) { row in
                read.append(String(cString: sqlite3_column_text(row, 0)))
            }
        }
        #expect(read == ["3/row 3,1/row 1"])
    }
}

@Suite("Import: the filter of books an import has stored")
struct StoredBookFilterTests {
    @Test("Given 200,000 identities inserted, then the filter may contain each, and almost none of 200,000 others")
    func noFalseNegatives() {
        var generator = SeededGenerator(seed: 7)
        var filter = StoredBookFilter()
        let inserted = (0..<200_000).map { _ in Int.random(in: .min ... .max, using: &generator) }
        for identity in inserted { filter.insert(identity) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
        let others = (0..<200_000).map { _ in Int.random(in: .min ... .max, using: &generator) }
        let falseAlarms = others.filter { filter.mayContain($0) }.count
        // By design about one false alarm in 100,000 books at this size (StoredBookFilter).
        #expect(falseAlarms < 20)
    }
}
