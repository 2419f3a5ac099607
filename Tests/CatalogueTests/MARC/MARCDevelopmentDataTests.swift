@testable import Catalogue
import Foundation
import TestSupport
import Testing

/// The Library of Congress law records of ../shared/data: lc-law-dev.mrc
/// read and imported as lc-law-dev.jsonl (the same records' facts) says.
@Suite("MARC: the development data", .enabled(if: MARCDevelopmentData.isPresent))
struct MARCDevelopmentDataTests {
    @Test("Given lc-law-dev.mrc, when its records are read, then each has the title, authors, subjects, date, edition and ISBN lc-law-dev.jsonl gives")
    func fieldsAsTheFactsSay() throws {
        let items = try MARCDevelopmentData.cachedItems()
        let facts = try MARCDevelopmentData.cachedFacts()
        #expect(items.count == 8595)
        #expect(facts.count == 8595)
        var wrong: [String] = []
        for (index, (item, fact)) in zip(items, facts).enumerated() {
            guard case .book(let place, let fields, let copies, _) = item else {
                wrong.append("record \(index + 1) refused")
                continue
            }
            #expect(place.record == index + 1)
            #expect(copies.isEmpty)
            let f = fields.normalised
            func check(_ name: String, _ got: some Equatable & CustomStringConvertible, _ want: some Equatable & CustomStringConvertible) {
                if "\(got)" != "\(want)" { wrong.append("record \(index + 1) \(name): \(got) ≠ \(want)") }
            }
            check("title", f.title, fact.title.precomposedStringWithCanonicalMapping)
            check("authors", f.authors, fact.authors.map(\.precomposedStringWithCanonicalMapping))
            check("subjects", f.subjects, fact.subjects.map(\.precomposedStringWithCanonicalMapping))
            check("edition", f.edition ?? "", fact.edition.precomposedStringWithCanonicalMapping.trimmed)
            check("isbn", f.isbn ?? "", fact.isbn.first.map(MARCDevelopmentData.isbnWithoutQualifier) ?? "")
            if fact.year.allSatisfy(\.isNumber) && fact.year.count == 4 {
                check("date", f.date ?? "", fact.year)
            } else if let date = f.date {
                // No year in 008: the year comes from 264/260 $c, which the facts do not carry.
                check("date from 260/264", date.count == 4 && date.allSatisfy(\.isNumber), true)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) differences, the first: \(wrong.prefix(10))")
    }

    @Test("Given lc-law-dev.mrc, when it is imported into an empty catalogue, then every record is a book as read, stored once, in one transaction")
    func importsAsRead() throws {
        let catalogue = try temporaryCatalogue()
        let report = try catalogue.importBooks(path: MARCDevelopmentData.marc)
        var expected: [BookFields] = []
        var seen = Set<BookFields>()
        for case .book(_, let fields, _, _) in try MARCDevelopmentData.cachedItems() {
            let f = fields.normalised
            if seen.insert(f).inserted { expected.append(f) }
        }
        #expect(report.rowsRead == 8595)
        #expect(report.booksAdded == expected.count)
        #expect(report.rowsSkipped == 8595 - expected.count)
        #expect(report.copiesAdded == 0)
        let stored = try catalogue.read { db in try Book.fetchAll(db, sql: "SELECT * FROM book ORDER BY id") }
        #expect(stored.map(\.fields) == expected)
        // Importing it again adds nothing, as for CSV.
        let again = try catalogue.importBooks(path: MARCDevelopmentData.marc)
        #expect(again.booksAdded == 0)
        #expect(again.rowsSkipped == 8595)
    }

    /// The data's jurisdictions are coarse outside the British Isles, the
    /// United States, Canada and the European Union (`Europe`, `Latin
    /// America`...); lawcat names the country. A finer jurisdiction agrees
    /// when the record's LC class is in the region the data names, or when it
    /// is a province of the country the data names (`Canada - Quebec`).
    @Test("Given lc-law-dev.mrc, when its jurisdictions are derived, then they agree with lc-law-dev.jsonl: exactly for lawcat's named jurisdictions and US states, by region for the rest")
    func jurisdictionsAgree() throws {
        let items = try MARCDevelopmentData.cachedItems()
        let facts = try MARCDevelopmentData.cachedFacts()
        let table = MARCDevelopmentData.agreement(items: items, facts: facts)
        var named = (agree: 0, all: 0)
        var overall = (agree: 0, all: 0)
        for (jurisdiction, counts) in table {
            overall.agree += counts.exact + counts.finer
            overall.all += counts.all
            if Jurisdiction.all.contains(where: { $0.name == jurisdiction }) || jurisdiction.hasPrefix("United States - ") {
                named.agree += counts.exact + counts.finer
                named.all += counts.all
            }
        }
        print(MARCDevelopmentData.describe(table))
        #expect(Double(named.agree) / Double(named.all) >= 0.97, "named: \(named)")
        #expect(Double(overall.agree) / Double(overall.all) >= 0.97, "overall: \(overall)")
    }
}

enum MARCDevelopmentData {
    struct Counts {
        var exact = 0, finer = 0, all = 0
        var differences: [String: Int] = [:]
    }

    /// Per jurisdiction of the data: how many records lawcat gives the same
    /// jurisdiction, a finer one in the same region, or another.
    static func agreement(items: [ImportRecordItem], facts: [Fact]) -> [String: Counts] {
        var table: [String: Counts] = [:]
        for (item, fact) in zip(items, facts) {
            guard case .book(_, let fields, _, _) = item else { continue }
            let want = fact.jurisdiction
            let got = fields.jurisdiction ?? ""
            let letters = fact.lc_call.first.map { String($0.prefix { $0.isASCII && $0.isUppercase }) } ?? ""
            var counts = table[want] ?? Counts()
            counts.all += 1
            if got == want {
                counts.exact += 1
            } else if got.hasPrefix(want + " - ") {
                // A province or state of the country the data names.
                counts.finer += 1
            } else if ["Europe", "Asia, Africa and Pacific", "Latin America", "Religious law", "Americas", "General"].contains(want),
                LCClassJurisdictions.region(of: letters) == want
            {
                counts.finer += 1
            } else {
                counts.differences[got.isEmpty ? "(none)" : got, default: 0] += 1
            }
            table[want] = counts
        }
        return table
    }

    static func describe(_ table: [String: Counts]) -> String {
        var lines = ["jurisdiction (data) | records | same | finer | other | the others"]
        for (name, counts) in table.sorted(by: { $0.value.all > $1.value.all }) {
            let others = counts.differences.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key) \($0.value)" }
            lines.append("\(name) | \(counts.all) | \(counts.exact) | \(counts.finer) | \(counts.all - counts.exact - counts.finer) | \(others.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    static let marc = sharedData.appendingPathComponent("lc-law-dev.mrc").path
    static let jsonl = sharedData.appendingPathComponent("lc-law-dev.jsonl").path
    static let csv = sharedData.appendingPathComponent("lc-law-dev.csv").path
    static var isPresent: Bool {
        [marc, jsonl, csv].allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    struct Fact: Decodable {
        var lccn: String
        var title: String
        var authors: [String]
        var subjects: [String]
        var year: String
        var edition: String
        var isbn: [String]
        var lc_call: [String]
        var geo_area_043: [String]
        var jurisdiction: String
    }

    nonisolated(unsafe) private static var items: [ImportRecordItem]?
    nonisolated(unsafe) private static var factList: [Fact]?
    private static let lock = NSLock()

    /// The records as read, once for all the tests (reading them takes seconds in a debug build).
    static func cachedItems() throws -> [ImportRecordItem] {
        lock.lock()
        defer { lock.unlock() }
        if let items { return items }
        let read = try Self.items()
        items = read
        return read
    }

    static func cachedFacts() throws -> [Fact] {
        lock.lock()
        defer { lock.unlock() }
        if let factList { return factList }
        let read = try facts()
        factList = read
        return read
    }

    static func facts() throws -> [Fact] {
        let text = try String(contentsOfFile: jsonl, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(Fact.self, from: Data($0.utf8)) }
    }

    static func items(locations: [String: String] = [:]) throws -> [ImportRecordItem] {
        var items: [ImportRecordItem] = []
        try MARCImportSource(path: marc, locations: locations).read { items.append($0); return true }
        return items
    }

    /// The ISBN as a cataloguer reads it off the raw 020 $a: its first word,
    /// without the qualifier in brackets.
    static func isbnWithoutQualifier(_ raw: String) -> String {
        String(raw.split(separator: " ").first ?? "").components(separatedBy: "(")[0]
    }
}
