import Catalogue
import Foundation
import Testing

@Suite("Import")
struct ImportTests {
    static let header = "title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location\n"

    @Test("Given CRLF line ends, a BOM, a quoted newline, columns in another order and names in capitals, when imported, then every field lands where it belongs")
    func formatVariants() throws {
        let catalogue = try temporaryCatalogue()
        let text = "\u{FEFF}Location,BARCODE,Title,Authors,Subjects,Date,Edition,Jurisdiction,ISBN\r\n"
            + "London/Library,L1,\"Chitty on Contracts,\r\nvolume 1\",\"Beale, Hugh; Chitty, Joseph\",Contracts; England,2021,34th ed.,England and Wales,9780414087207\r\n"
            + "Edinburgh/Library,L2,\"Gloag and Henderson: \"\"The Law of Scotland\"\"\",\"Gloag, W. M.\",,2022-03,15th ed.,Scotland,\r\n"
        let report = try importText(text, into: catalogue)
        #expect(report.rowsRead == 2)
        #expect(report.booksAdded == 2)
        #expect(report.copiesAdded == 2)
        #expect(report.locationsAdded == 2)

        let chitty = try catalogue.book("L1")
        #expect(chitty.book.fields == BookFields(
            title: "Chitty on Contracts,\r\nvolume 1", authors: ["Beale, Hugh", "Chitty, Joseph"],
            subjects: ["Contracts", "England"], date: "2021", edition: "34th ed.", jurisdiction: "England and Wales",
            isbn: "9780414087207"))
        #expect(chitty.copies.map(\.home) == ["London/Library"])
        let gloag = try catalogue.book("L2")
        #expect(gloag.book.fields == BookFields(
            title: "Gloag and Henderson: \"The Law of Scotland\"", authors: ["Gloag, W. M."], date: "2022-03",
            edition: "15th ed.", jurisdiction: "Scotland"))
    }

    @Test("Given a file with only some columns, when imported, then the others are empty and copies without barcodes get unique ones")
    func someColumnsAndGeneratedBarcodes() throws {
        let catalogue = try temporaryCatalogue()
        let report = try importText(
            "title,location\nLewin on Trusts,London/4F\nLewin on Trusts,Manchester\nSnell's Equity,London/4F\n", into: catalogue)
        #expect(report.booksAdded == 2)
        #expect(report.copiesAdded == 3)
        let barcodes = try catalogue.search("lewin").books.flatMap { $0.copies.map(\.barcode) }
        #expect(barcodes.count == 2)
        #expect(Set(barcodes).count == 2)
    }

    @Test("Given rows whose book fields are the same, when imported, then they are copies of one book")
    func sameFieldsOneBook() throws {
        let catalogue = try temporaryCatalogue()
        let row = "Chitty on Contracts,\"Beale, Hugh\",Contracts,2021,34th ed.,England and Wales,,"
        let report = try importText(
            Self.header + row + "L1,London\n" + row + "L2,Edinburgh\n"
                + "Chitty on Contracts,\"Beale, Hugh\",Contracts,2018,33rd ed.,England and Wales,,L3,London\n",
            into: catalogue)
        #expect(report.booksAdded == 2)
        #expect(report.copiesAdded == 3)
        #expect(try catalogue.book("L1").copies.map(\.barcode) == ["L1", "L2"])
        #expect(try catalogue.book("L3").copies.map(\.barcode) == ["L3"])
    }

    @Test("Given a file with barcodes, when it is imported twice, then the second import adds nothing")
    func importTwice() throws {
        let catalogue = try temporaryCatalogue()
        let path = try temporaryFile(
            Self.header + "Chitty on Contracts,,,2021,,,,L1,London\nLewin on Trusts,,,,,,,L2,London/4F\nBare Book,,,,,,,,\n")
        let first = try catalogue.importCSV(path: path)
        #expect(first.copiesAdded == 2)
        let before = try exportCSV(catalogue)
        let second = try catalogue.importCSV(path: path)
        #expect(second.booksAdded == 0)
        #expect(second.copiesAdded == 0)
        #expect(second.locationsAdded == 0)
        #expect(second.rowsSkipped == 3)
        #expect(try exportCSV(catalogue) == before)
    }

    @Test("Given a dry run, when a good file is imported, then it reports what it would add and changes nothing")
    func dryRun() throws {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(BookFields(title: "Existing"), copies: [NewCopy(barcode: "E1", location: "London")])
        let before = try exportCSV(catalogue)
        let report = try importText(
            Self.header + "Chitty on Contracts,,,2021,,,,L1,London\nLewin,,,,,,,L2,Edinburgh\n", into: catalogue, dryRun: true)
        #expect(report.dryRun)
        #expect(report.booksAdded == 2)
        #expect(report.copiesAdded == 2)
        #expect(report.locationsAdded == 1)
        #expect(try exportCSV(catalogue) == before)
    }

    @Test("Given several bad rows, when imported, then nothing is imported and every bad row is named by line and reason")
    func badRowsNamed() throws {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(BookFields(title: "Owner"), copies: [NewCopy(barcode: "TAKEN", location: "London")])
        let before = try exportCSV(catalogue)
        let text = Self.header
            + "Good,,,2020,,,,G1,London\n"  // line 2
            + "Bad date,,,2019-02-30,,,,G2,London\n"  // line 3
            + ",,,2020,,,,G3,London\n"  // line 4: no title
            + "Stolen,,,,,,,TAKEN,London\n"  // line 5
            + "No home,,,,,,,G4,\n"  // line 6
            + "Short row,,\n"  // line 7
        #expect {
            try importText(text, into: catalogue)
        } throws: { error in
            guard case .invalidImport(let problems, let total)? = error as? CatalogueError else { return false }
            return total == 5 && problems.map(\.line) == [3, 4, 5, 6, 7]
                && problems[0].reason.contains("2019-02-30") && problems[2].reason.contains("TAKEN")
        }
        #expect(try exportCSV(catalogue) == before)
    }

    @Test("Given a barcode with a space and a barcode used twice in one file for two books, when imported, then both rows are named")
    func badBarcodesInOneBatch() throws {
        let catalogue = try temporaryCatalogue()
        let text = Self.header
            + "First,,,,,,,B1,London\n"  // line 2
            + "Spaced,,,,,,,B 2,London\n"  // line 3
            + "Second,,,,,,,B1,London\n"  // line 4: B1 is First's
            + "First,,,,,,,B1,London\n"  // line 5: the same copy again, skipped
        #expect {
            try importText(text, into: catalogue)
        } throws: { error in
            guard case .invalidImport(let problems, let total)? = error as? CatalogueError else { return false }
            return total == 2 && problems.map(\.line) == [3, 4]
                && problems[0].reason.contains("invalid barcode 'B 2'")
                && problems[1].reason.contains("barcode B1 already belongs to 'First'")
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given more than 20 bad rows, when imported, then the first 20 are named and the rest counted")
    func manyBadRows() throws {
        let catalogue = try temporaryCatalogue()
        let rows = (1...25).map { "Book \($0),,,20x\($0),,,,B\($0),London\n" }.joined()
        #expect {
            try importText(Self.header + rows, into: catalogue)
        } throws: { error in
            guard let error = error as? CatalogueError, case .invalidImport(let problems, let total) = error else { return false }
            return problems.count == 20 && total == 25 && error.message.hasSuffix("and 5 more")
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given a file that is not a catalogue CSV, when imported, then the reason names what to fix",
          arguments: [
            ("authors,barcode\nx,y\n", "no 'title' column"),
            ("title,colour\nx,red\n", "unknown column 'colour'; the known columns are title, authors, subjects, date, edition, jurisdiction, isbn, barcode, location"),
            ("title,barcode,location\nA,B1,London\n\"Unclosed,B2,London\n", "line 3: a quoted field is never closed"),
            ("title,barcode,location\nA,B1,London\n\"Unclosed,B2,London\nC,\"B3\",London\n", "line 3: a quoted field"),
            ("", "the file is empty"),
            ("title,title\nA,B\n", "appears twice"),
            ("title,authors,,\nA,B,,\n", "column 3 of the header has no name; remove the empty column"),
            ("PK\u{3}\u{4}binary,x\nA,B\n", "unknown column 'PK??binary'"),
          ])
    func badFile(text: String, reason: String) throws {
        let catalogue = try temporaryCatalogue()
        #expect {
            try importText(text, into: catalogue)
        } throws: { error in
            guard case .invalidFile(_, let why)? = error as? CatalogueError else { return false }
            return why.contains(reason)
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given bytes that are not UTF-8, when imported, then the error names the line and nothing is imported")
    func notUTF8() throws {
        let catalogue = try temporaryCatalogue()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-\(UUID().uuidString).csv")
        try Data("title,barcode,location\nGood,B1,London\nCaf".utf8 + [0xE9] + Data(",B2,London\n".utf8)).write(to: url)
        #expect {
            try catalogue.importCSV(path: url.path)
        } throws: { error in
            guard case .invalidFile(_, let why)? = error as? CatalogueError else { return false }
            return why.contains("line 3") && why.contains("not UTF-8")
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    /// 600 rows, three copies a book, across seven places. (ImportChunkTests
    /// crosses the import's chunks of 2,048 rows.)
    static func manyRows(badLine: Int? = nil) -> String {
        Self.header + (2...601).map { line in
            let book = (line - 2) / 3
            let date = line == badLine ? "2019-02-30" : "19\(10 + book % 90)"
            return "Book \(book),\"Author \(book)\",,\(date),,,,B\(line),London/\(book % 7)\n"
        }.joined()
    }

    @Test("Given 600 rows of 200 books, when imported, then every book has its copies in file order")
    func acrossBatches() throws {
        let catalogue = try temporaryCatalogue()
        let report = try importText(Self.manyRows(), into: catalogue)
        #expect(report.booksAdded == 200)
        #expect(report.copiesAdded == 600)
        #expect(report.locationsAdded == 7)
        #expect(try catalogue.book("B2").copies.map(\.barcode) == ["B2", "B3", "B4"])
        #expect(try catalogue.book("B257").copies.map(\.barcode) == ["B257", "B258", "B259"])
        #expect(try catalogue.book("B601").copies.map(\.barcode) == ["B599", "B600", "B601"])
        #expect(try catalogue.book("B601").copies.map(\.home) == ["London/3", "London/3", "London/3"])
        let again = try importText(Self.manyRows(), into: catalogue)
        #expect(again.rowsSkipped == 600)
        #expect(again.copiesAdded == 0)
    }

    @Test("Given the first half of a file already imported, when the whole file is imported, then only the second half is added")
    func halfAlreadyThere() throws {
        let catalogue = try temporaryCatalogue()
        let lines = Self.manyRows().split(separator: "\n", omittingEmptySubsequences: false)
        _ = try importText(lines.prefix(301).joined(separator: "\n") + "\n", into: catalogue)
        let report = try importText(Self.manyRows(), into: catalogue)
        #expect(report.rowsSkipped == 300)
        #expect(report.copiesAdded == 300)
        #expect(report.booksAdded == 100)
        #expect(try countsOf(catalogue) == [200, 600])
        #expect(try catalogue.book("B301").copies.map(\.barcode) == ["B299", "B300", "B301"])
    }

    @Test("Given three copies of a book with an impossible date, when imported, then each of the three rows is named")
    func everyRowOfABadBookNamed() throws {
        let catalogue = try temporaryCatalogue()
        let row = "Bad,,,2019-02-30,,,,"
        #expect {
            try importText(Self.header + row + "X1,London\nGood,,,,,,,G1,London\n" + row + "X2,London\n" + row + "X3,London\n", into: catalogue)
        } throws: { error in
            guard case .invalidImport(let problems, let total)? = error as? CatalogueError else { return false }
            return total == 3 && problems.map(\.line) == [2, 4, 5]
        }
    }

    @Test("Given one bad row among 600, when imported, then only it is named and nothing is imported")
    func badRowInBatch() throws {
        let catalogue = try temporaryCatalogue()
        #expect {
            try importText(Self.manyRows(badLine: 400), into: catalogue)
        } throws: { error in
            guard case .invalidImport(let problems, let total)? = error as? CatalogueError else { return false }
            return total == 1 && problems.map(\.line) == [400] && problems[0].reason.contains("2019-02-30")
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given a barcode in the file that lawcat would generate, when rows without barcodes are imported, then the generated ones avoid it")
    func generatedBarcodesAvoidTheFile() throws {
        let catalogue = try temporaryCatalogue()
        let report = try importText(
            "title,barcode,location\nFirst,,London\nSecond,LAW000002,London\nThird,,London\n", into: catalogue)
        #expect(report.copiesAdded == 3)
        #expect(try catalogue.book("LAW000002").book.fields.title == "Second")
        #expect(try catalogue.book("LAW000001").book.fields.title == "First")
        #expect(try catalogue.book("LAW000003").book.fields.title == "Third")
    }

    @Test("Given no file, when imported, then it is file-not-found")
    func missingFile() throws {
        let catalogue = try temporaryCatalogue()
        #expect(throws: CatalogueError.fileNotFound(path: "/nonexistent/x.csv")) {
            try catalogue.importCSV(path: "/nonexistent/x.csv")
        }
    }

    @Test("Given a people file, when imported twice, then borrowers are added once")
    func people() throws {
        let catalogue = try temporaryCatalogue()
        let path = try temporaryFile("name,email,staff_id\nAlice Smith,alice@example.com,S1\nBob Jones,,\n")
        #expect(try catalogue.importPeopleCSV(path: path).peopleAdded == 2)
        let again = try catalogue.importPeopleCSV(path: path)
        #expect(again.peopleAdded == 0)
        #expect(again.rowsSkipped == 2)
    }
}
