import Catalogue
import Foundation
import GRDB
import Testing

/// Hostile text: FTS5 and SQL syntax, quotes, control characters, odd Unicode,
/// very long runs, and random scalars.
struct HostileText {
    var random: SeededGenerator

    static let pieces: [String] = [
        "\"", "\"\"", "'", "*", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR(", "-", ":", "^", "+", "{", "}",
        "title:", "authors:", "is:", "at:", "is:on-loan", "at:London", "col:", "\\", "%", "_", ";", ",", "\n",
        "\r\n", "\r", "\t", "\0", " ", "  ", "/", "//", "./", "../", "London/4F", "é", "e\u{301}", "ß", "İ",
        "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{FFFD}", "🦀", "👩‍⚖️", "中文", "العربية", "\u{1F}", "\u{7F}",
        "'; DROP TABLE book; --", "\") OR 1=1 --", "x' OR '1'='1", "SELECT", "rank", "bm25(", "MATCH",
        "1900", "2019-02-29", "2020-02-29", "2019-13-01", "0000", "9999-12-31", "2019-1-1", "20190101", "-2019",
        "LAW000001", "NULL", "null", "true", "[]", "{}", "[\"a\"]", "\u{0085}", "\u{2028}",
    ]

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func scalar() -> Character {
        switch int(0..<4) {
        case 0: return Character(UnicodeScalar(UInt8(int(0..<128))))
        case 1: return Character(UnicodeScalar(UInt32(int(0xA0..<0xD800)))!)
        case 2: return Character(UnicodeScalar(UInt32(int(0xE000..<0x10FFFF + 1 - 0xE000) + 0xE000)) ?? "x")
        default: return Character(UnicodeScalar(UInt8(int(32..<127))))
        }
    }

    /// A string of up to `length` pieces and random characters.
    mutating func text(length: Int = 12) -> String {
        var result = ""
        for _ in 0..<int(0..<length + 1) {
            switch int(0..<5) {
            case 0, 1: result += Self.pieces[int(0..<Self.pieces.count)]
            case 2: result += String(repeating: String(scalar()), count: int(1..<4))
            case 3: result += " "
            default: result.append(scalar())
            }
        }
        if int(0..<50) == 0 { result += String(repeating: "a", count: int(1000..<20000)) }
        return result
    }

    /// A well-formed CSV file whose field values are hostile: some rows are
    /// good, so that imports both succeed and fail.
    mutating func structuredCSV() -> [UInt8] {
        func quoted(_ field: String) -> String {
            "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var csv = "title,date,barcode,location\n"
        for row in 0..<int(1..<5) {
            let title = int(0..<3) == 0 ? text(length: 4) : "Title \(row)"
            let date = int(0..<3) == 0 ? text(length: 2) : "2019"
            let barcode = int(0..<3) == 0 ? text(length: 2) : "Z\(int(0..<1_000_000))"
            let location = int(0..<3) == 0 ? text(length: 3) : "York/1F"
            csv += [title, date, barcode, location].map(quoted).joined(separator: ",") + "\r\n"
        }
        return Array(csv.utf8)
    }

    /// Raw bytes for a CSV file: CSV syntax, text, and bytes that are not UTF-8.
    mutating func csvBytes() -> [UInt8] {
        if int(0..<3) == 0 { return structuredCSV() }
        var bytes: [UInt8] = []
        if int(0..<4) == 0 { bytes += [0xEF, 0xBB, 0xBF] }
        if int(0..<3) > 0 {
            let header = ["title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "barcode", "location", "Title", "bogus", ""]
            bytes += Array((0..<int(1..<6)).map { _ in header[int(0..<header.count)] }.joined(separator: ",").utf8)
            bytes += Array("\n".utf8)
        }
        let syntax: [[UInt8]] = [[0x2C], [0x22], [0x0A], [0x0D, 0x0A], [0x0D], [0x22, 0x22], [0xFF], [0xC3], [0x80], [0x00]]
        for _ in 0..<int(0..<60) {
            if int(0..<3) == 0 {
                bytes += syntax[int(0..<syntax.count)]
            } else {
                bytes += Array(text(length: 3).utf8)
            }
        }
        return bytes
    }
}

@Suite("Hostile input")
struct FuzzTests {
    /// A small catalogue to throw things at, and its export to compare with.
    static func target() throws -> (CatalogueDatabase, String) {
        let catalogue = try temporaryCatalogue()
        for n in 0..<8 {
            _ = try catalogue.addBook(
                BookFields(title: "Chitty on Contracts \(n)", authors: ["Beale, Hugh"], subjects: ["Contracts"], date: "2023"),
                copies: [NewCopy(barcode: "C\(n)", location: "London/4F/Litigation")])
        }
        return (catalogue, try BackupTests.csvExport(catalogue))
    }

    /// How many rows each table holds and its highest id: what a refused
    /// command must leave as it was (cheaper than an export on every try).
    static func shape(_ catalogue: CatalogueDatabase) throws -> [Int64] {
        try catalogue.writer.read { db in
            try ["book", "copy", "location", "person", "event"].flatMap { table in
                [
                    try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1,
                    try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? -1,
                ]
            }
        }
    }

    /// A refusal is a CatalogueError with one line that is not a crash or SQL.
    static func expectOneLine(_ error: any Error, _ input: String) {
        guard let error = error as? CatalogueError else {
            Issue.record("\(type(of: error)) escaped for input \(input.debugDescription.prefix(200))")
            return
        }
        #expect(!error.message.contains("\n") && !error.message.contains("\r"), "two lines for \(input.debugDescription.prefix(200)): \(error.message.prefix(300))")
        #expect(!error.message.localizedCaseInsensitiveContains("SQLITE"), "\(error.message.prefix(300))")
        #expect(error.exitCode != 70, "unexpected for \(input.debugDescription.prefix(200)): \(error.message.prefix(300))")
    }

    @Test("Given 2,000 hostile queries, when each is searched, then none crashes, hangs or escapes as anything but a one-line error", .timeLimit(.minutes(1)))
    func hostileQueries() throws {
        let (catalogue, _) = try Self.target()
        var hostile = HostileText(random: SeededGenerator(seed: 20261126))
        for _ in 0..<2000 {
            let query = hostile.text()
            do {
                _ = try catalogue.search(query, limit: 20)
            } catch {
                Self.expectOneLine(error, query)
            }
        }
        #expect(try !catalogue.search("chitty").books.isEmpty)
    }

    @Test("Given 500 hostile CSV files, when each is imported, then each is taken whole or refused with one line and the catalogue unchanged", .timeLimit(.minutes(1)))
    func hostileCSV() throws {
        let (catalogue, _) = try Self.target()
        var hostile = HostileText(random: SeededGenerator(seed: 4181))
        let file = try temporaryFile("", name: "fuzz.csv")
        var imported = 0, refused = 0
        for _ in 0..<500 {
            let bytes = hostile.csvBytes()
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let before = try BackupTests.csvExport(catalogue)
            do {
                let report = try catalogue.importCSV(path: file)
                imported += 1
                if report.copiesAdded == 0 && report.booksAdded == 0 {
                    #expect(try BackupTests.csvExport(catalogue) == before)
                }
            } catch {
                refused += 1
                Self.expectOneLine(error, String(decoding: bytes, as: UTF8.self))
                #expect(try BackupTests.csvExport(catalogue) == before)
            }
        }
        #expect(try catalogue.check().problems == [])
        #expect(refused > 100 && imported > 10, "the generator should produce both: \(imported) imported, \(refused) refused")
    }

    @Test("Given barcodes and locations with a NUL byte (which SQLite's length() and GLOB stop at), when each is added, then it is refused and nothing stored")
    func nulBytes() throws {
        let (catalogue, _) = try Self.target()
        let before = try Self.shape(catalogue)
        for (barcode, location) in [("A\0B", "Leeds"), ("\0", "Leeds"), ("A\0 B", "Leeds"), ("N1", "Leeds\0/2F"), ("N2", "\0")] {
            do {
                _ = try catalogue.addBook(BookFields(title: "NUL"), copies: [NewCopy(barcode: barcode, location: location)])
                Issue.record("\(barcode.debugDescription) at \(location.debugDescription) was stored")
            } catch {
                Self.expectOneLine(error, barcode + " " + location)
            }
        }
        #expect(try Self.shape(catalogue) == before)
    }

    @Test("Given 2,400 hostile dates, barcodes and locations, when each is added, then it is stored as valid or refused with one line and nothing stored", .timeLimit(.minutes(1)))
    func hostileFields() throws {
        let (catalogue, start) = try Self.target()
        var hostile = HostileText(random: SeededGenerator(seed: 1_000_003))
        var stored = 0
        for n in 0..<2400 {
            let date = n % 3 == 0 ? hostile.text(length: 3) : "2019"
            let barcode = n % 3 == 1 ? hostile.text(length: 3) : "F\(n)"
            let location = n % 3 == 2 ? hostile.text(length: 4) : "Leeds/2F"
            let before = try Self.shape(catalogue)
            do {
                let id = try catalogue.addBook(
                    BookFields(title: "Fuzz \(n)", date: date), copies: [NewCopy(barcode: barcode, location: location)])
                stored += 1
                let book = try catalogue.book(String(id))
                for copy in book.copies {
                    #expect(copy.barcode.range(of: #"^[!-~]{1,64}$"#, options: .regularExpression) != nil, "stored barcode \(copy.barcode.debugDescription)")
                }
                if let date = book.book.fields.date {
                    #expect(date.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil, "stored date \(date)")
                }
                // LocationPath must accept what it produced, unchanged.
                if n % 3 == 2 {
                    let normal = try LocationPath.normalise(location)
                    #expect(try LocationPath.normalise(normal) == normal)
                }
            } catch {
                Self.expectOneLine(error, "\(date) | \(barcode) | \(location)")
                #expect(try Self.shape(catalogue) == before, "a refused add changed the catalogue")
            }
        }
        #expect(try catalogue.check().problems == [])
        #expect(stored > 500)
        _ = start
    }
}
