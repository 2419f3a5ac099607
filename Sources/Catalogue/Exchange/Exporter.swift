import Foundation
import GRDB

/// The formats `export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, marc, marcxml
}

extension CatalogueDatabase {
    /// Writes the whole catalogue to `output`, streaming, in book then copy order.
    ///
    /// CSV is the import format, one row a copy (its home as `location`);
    /// withdrawn copies are left out, and a book with no copies on the shelves
    /// is one row without barcode or location, so that importing the export
    /// into an empty catalogue and exporting again gives the same file. JSON is
    /// an array of books as `show --json` prints them. MARC 21 (ISO 2709,
    /// UTF-8) and MARCXML are one record a book (MARCBookRecord), its copies
    /// on the shelves in 952 fields.
    public func export(format: ExportFormat, to output: (String) throws -> Void) throws {
        try read { db in
            switch format {
            case .csv: try db.exportCSV(to: output)
            case .json: try db.exportJSON(to: output)
            case .marc, .marcxml: try db.exportMARC(xml: format == .marcxml, to: output)
            }
        }
    }
}

extension Database {
    fileprivate func exportCSV(to output: (String) throws -> Void) throws {
        try output(CSVWriter.line(CSVFormat.columns))
        let rows = try Row.fetchCursor(
            self,
            sql: """
                SELECT b.title, b.authors, b.subjects, b.date, b.edition, b.jurisdiction, b.isbn,
                       c.barcode, l.path AS location
                FROM book b
                LEFT JOIN copy c ON c.book_id = b.id AND c.status <> ?
                LEFT JOIN location l ON l.id = c.home_id
                ORDER BY b.id, c.id
                """, arguments: [CopyStatus.withdrawn])
        while let row = try rows.next() {
            let fields: [String] = [
                row["title"], CSVFormat.joined(JSONList.decode(row["authors"])),
                CSVFormat.joined(JSONList.decode(row["subjects"])), row["date"] ?? "", row["edition"] ?? "",
                row["jurisdiction"] ?? "", row["isbn"] ?? "", row["barcode"] ?? "", row["location"] ?? "",
            ]
            try output(CSVWriter.line(fields))
        }
    }

    fileprivate func exportJSON(to output: (String) throws -> Void) throws {
        let encoder = JSONEncoder()
        // Sorted keys, as `show --json` prints them: without them the key order
        // changes from run to run, and two exports of one catalogue differ.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        try output("[")
        var first = true
        try forEachBook { details in
            let data = try encoder.encode(details)
            try output((first ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
            first = false
        }
        try output(first ? "]\n" : "\n]\n")
    }

    /// Every book with its copies, in book order, read in pages of 500 so
    /// that memory stays flat on a large catalogue.
    func forEachBook(_ body: (BookDetails) throws -> Void) throws {
        var lastID: Int64 = 0
        while true {
            let books = try Book.fetchAll(
                self, sql: "SELECT * FROM book WHERE id > ? ORDER BY id LIMIT 500", arguments: [lastID])
            guard let last = books.last else { break }
            lastID = last.id
            for details in try self.details(of: books) { try body(details) }
        }
    }
}
