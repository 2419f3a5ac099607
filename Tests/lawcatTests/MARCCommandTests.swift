import Foundation
import Testing

/// `lawcat import` and `lawcat export` with MARC 21 and MARCXML, as a user runs them.
@Suite("MARC commands, end to end")
struct MARCCommandTests {
    static func fixture(_ name: String) -> String {
        Lawcat.repository.appendingPathComponent("Tests/CatalogueTests/MARC/Fixtures/\(name)").path
    }

    @Test("Given a MARC 21 file, when imported without --format, then it is read as MARC and reported in records; export --format marc and marcxml write it back")
    func importAndExport() throws {
        let lawcat = try Lawcat()
        let imported = try lawcat.run("import", Self.fixture("good.mrc"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "read 3 records; added 3 books, 3 copies, 3 locations, 0 people; skipped 0 copies or bare records already present\n")
        let again = try lawcat.run("import", Self.fixture("good.mrc"))
        #expect(again.stdout == "read 3 records; added 0 books, 0 copies, 0 locations, 0 people; skipped 4 copies or bare records already present\n")
        let marc = try lawcat.run("export", "--format", "marc")
        #expect(marc.status == 0)
        #expect(marc.stdout.hasPrefix("00"))
        #expect(marc.stdout.contains("\u{1F}pF0001"))
        let xml = try lawcat.run("export", "--format", "marcxml")
        #expect(xml.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"))
        #expect(xml.stdout.contains("<subfield code=\"p\">F0003</subfield>"))
    }

    @Test("Given a file with a broken record, when imported, then one line names it and nothing is imported; with --skip-bad the others are")
    func brokenRecord() throws {
        let lawcat = try Lawcat()
        let refused = try lawcat.run("import", Self.fixture("broken-indicator.mrc"))
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(refused.stderr.hasPrefix("error: nothing imported: 1 bad record: record 2 at byte "))
        #expect(refused.stderr.contains("field 245 has an invalid indicator 2 'A'"))
        #expect(refused.stderr.hasSuffix("; correct it, or add --skip-bad to import the others\n"))

        // Two broken records: one line each, and the last line counts records, not rows.
        let twice = lawcat.folder.appendingPathComponent("twice.mrc")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("broken-indicator.mrc")))
        try (bytes + bytes).write(to: twice)
        let both = try lawcat.run("import", twice.path)
        #expect(both.stderr.hasSuffix("error: nothing imported: 2 bad records (each named above); fix them and import again\n"), "\(both.stderr)")

        let skipped = try lawcat.run("import", Self.fixture("broken-indicator.mrc"), "--skip-bad")
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.hasPrefix("warning: skipped record 2 at byte "))
        #expect(skipped.stdout.hasSuffix("skipped 0 copies or bare records already present; skipped 1 bad records\n"))

        let json = try lawcat.run("import", Self.fixture("broken-indicator.mrc"), "--skip-bad", "--dry-run", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["rows_refused"] as? Int == 1)
        let problem = try #require((report["refused"] as? [[String: Any]])?.first)
        #expect(problem["record"] as? Int == 2)
        #expect(problem["offset"] is Int)
        #expect(problem["reason"] is String)
    }

    @Test("Given --format, when it names another format than the file's, then the file is read as told; --locations with CSV is refused")
    func explicitFormat() throws {
        let lawcat = try Lawcat()
        let asCSV = try lawcat.run("import", Self.fixture("good.mrc"), "--format", "csv")
        #expect(asCSV.status == 1)
        let csv = try lawcat.file("books.csv", "title,barcode,location\nA,B1,London\n")
        let locations = try lawcat.file("locations.csv", "LON,London\n")
        let withLocations = try lawcat.run("import", csv, "--locations", locations)
        #expect(withLocations.status == 1)
        #expect(withLocations.stderr.contains("--locations translates MARC holdings' codes"))
        let plain = try lawcat.run("import", csv)
        #expect(plain.stdout == "read 1 rows; added 1 books, 1 copies, 1 locations, 0 people; skipped 0 rows already present\n")
    }
}
