@testable import Catalogue
import Foundation
import TestSupport
import Testing

/// Real MARC-8 records (from pymarc's test suite, in ../shared/data) decode
/// to the characters the Library of Congress code tables give, as pymarc
/// (an independent reader using the same tables) decodes them:
/// scripts/marc8-expected.py wrote the fixtures.
@Suite("MARC-8: the real samples", .enabled(if: MARC8Samples.arePresent))
struct MARC8SampleTests {
    @Test("Given marc8-sample.mrc and marc8-one.mrc, when every field is read, then its text is what the code tables give, in NFC", arguments: ["marc8-sample", "marc8-one"])
    func samplesDecode(name: String) throws {
        let expected = try MARC8Samples.expected(name)
        let reader = try ISO2709Reader(path: sharedData.appendingPathComponent(name + ".mrc").path)
        var records: [MARCRecord] = []
        while let next = try reader.next() {
            let raw = try next.get()
            var notes: [String] = []
            records.append(try ISO2709Record.parse(raw, wanted: { _ in true }, notes: &notes).get())
            #expect(notes.isEmpty, "\(notes)")
            let plain = !raw.bytes.contains { $0 >= 0x80 || $0 == 0x1B }
            #expect(plain || MARCEncoding.of(raw.bytes) == .marc8)
        }
        #expect(records.count == expected.count)
        var differences: [String] = []
        for (number, (record, want)) in zip(records, expected).enumerated() {
            let got = record.fields.map(MARC8Samples.flatten)
            for (field, wantField) in zip(got, want) where field != wantField {
                differences.append("record \(number + 1): \(field) ≠ \(wantField)")
            }
            if got.count != want.count { differences.append("record \(number + 1): \(got.count) fields ≠ \(want.count)") }
        }
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(5))")
    }

    @Test("Given marc8-sample.mrc and marc8-one.mrc, when imported, then every record is a book, in NFC, with no warning")
    func samplesImport() throws {
        let catalogue = try temporaryCatalogue()
        for name in ["marc8-sample", "marc8-one"] {
            let report = try catalogue.importBooks(path: sharedData.appendingPathComponent(name + ".mrc").path)
            #expect(report.rowsRead == (name == "marc8-one" ? 1 : 20))
            #expect(report.warnings == nil)
        }
        let books = try catalogue.read { db in try Book.fetchAll(db, sql: "SELECT * FROM book ORDER BY id") }
        #expect(books.count == 21)
        #expect(books.first?.fields.title == "The pragmatic programmer : from journeyman to master")
        let text = books.map { ([$0.fields.title] + $0.fields.authors + $0.fields.subjects).joined(separator: "|") }
        #expect(text.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping })
        #expect(!text.contains { $0.contains("\u{FFFD}") })
    }
}

enum MARC8Samples {
    static var arePresent: Bool {
        ["marc8-sample.mrc", "marc8-one.mrc"].allSatisfy {
            FileManager.default.fileExists(atPath: sharedData.appendingPathComponent($0).path)
        }
    }

    /// A field as the fixture writes it: `[tag, data]` or `[tag, indicators, [[code, value]...]]`, as JSON text.
    static func flatten(_ field: MARCField) -> String {
        let value: Any = field.isControl
            ? [field.tag, field.data]
            : [field.tag, String(field.indicator1) + String(field.indicator2),
               field.subfields.map { [String($0.code), $0.value] }]
        return json(value)
    }

    static func expected(_ name: String) throws -> [[String]] {
        let url = repositoryRoot.appendingPathComponent("Tests/CatalogueTests/MARC/Fixtures/\(name).expected.json")
        let records = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[Any]] ?? []
        return records.map { $0.map(json) }
    }

    private static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
