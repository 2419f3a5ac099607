import Foundation
import TestSupport
import Testing

@Suite("Commands, end to end")
struct CommandTests {
    @Test("Given no catalogue, when init runs twice, then it creates one and the second run is harmless")
    func initTwice() throws {
        let lawcat = try Lawcat()
        let first = try lawcat.run("init")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "catalogue ready at \(lawcat.catalogue) (0 books, 0 copies)\n")
        try lawcat.run("add", "--title", "Kept")
        let second = try lawcat.run("init")
        #expect(second.status == 0)
        #expect(second.stdout.contains("(1 books, 0 copies)"))
    }

    @Test("Given --db in folders that do not exist, when a command writes, then it makes them; LAWCAT_DB and XDG_DATA_HOME are honoured")
    func whereTheCatalogueLives() throws {
        var lawcat = try Lawcat()
        let nested = lawcat.folder.appendingPathComponent("a/b/c.sqlite").path
        #expect(try lawcat.run("init", "--db", nested).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested))

        lawcat.environment["LAWCAT_DB"] = nil
        lawcat.environment["XDG_DATA_HOME"] = lawcat.folder.appendingPathComponent("xdg").path
        #expect(try lawcat.run("init").status == 0)
        #expect(FileManager.default.fileExists(atPath: lawcat.folder.appendingPathComponent("xdg/lawcat/catalogue.sqlite").path))

        lawcat.environment["XDG_DATA_HOME"] = nil
        #expect(try lawcat.run("init").status == 0)
        #expect(FileManager.default.fileExists(
            atPath: lawcat.folder.appendingPathComponent(".local/share/lawcat/catalogue.sqlite").path), "HOME is the test folder")
    }

    @Test("Given a book added with every field, when shown, then the table names its copies and --json has every key")
    func addAndShow() throws {
        let lawcat = try Lawcat()
        let added = try lawcat.run(
            "add", "--title", "Chitty on Contracts", "--author", "Beale, Hugh", "--author", "Chitty, Joseph",
            "--subject", "Contracts", "--date", "2021", "--edition", "34th ed.", "--jurisdiction", "England and Wales",
            "--isbn", "9780414087207", "--copy", "L1", "--at", "London/Library/Bay 3", "--copy", "L2", "--at", "Edinburgh/Library")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "1\n")
        #expect(added.stderr.isEmpty)

        let shown = try lawcat.run("show", "L2")
        #expect(shown.status == 0)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Chitty on Contracts")
        #expect(shown.stdout.contains("by Beale, Hugh; Chitty, Joseph"))
        #expect(shown.stdout.contains("34th ed. · 2021 · England and Wales · ISBN 9780414087207"))
        #expect(lines.contains { $0.hasPrefix("BARCODE") && $0.contains("STATUS") && $0.contains("NOW AT") })
        let l1 = try #require(lines.first { $0.hasPrefix("L1 ") })
        #expect(l1.contains("on-shelf") && l1.contains("London/Library/Bay 3"))
        #expect(!shown.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(!lines.contains { $0.hasSuffix(" ") }, "no trailing spaces")

        let json = try lawcat.run("show", "1", "--json")
        #expect(json.status == 0)
        let book = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(book.keys) == ["id", "title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "copies"])
        #expect(book["id"] as? Int == 1)
        #expect(book["authors"] as? [String] == ["Beale, Hugh", "Chitty, Joseph"])
        #expect(book["subjects"] as? [String] == ["Contracts"])
        let copies = try #require(book["copies"] as? [[String: Any]])
        #expect(copies.map { $0["barcode"] as? String } == ["L1", "L2"])
        #expect(copies.map { $0["status"] as? String } == ["on-shelf", "on-shelf"])
        #expect(copies.map { $0["location"] as? String } == ["London/Library/Bay 3", "Edinburgh/Library"])
        for copy in copies {
            #expect(Set(copy.keys).isSuperset(of: ["barcode", "status", "location", "home", "borrower", "due", "since"]))
        }
    }

    @Test("Given books, when searched with --json, then it is an array of books with every key, and copies with barcode, status and location")
    func searchJSONKeys() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--copy", "L1", "--at", "London/Library")
        try lawcat.run("add", "--title", "Chitty on Contracts: Specific Contracts")
        let outcome = try lawcat.run("search", "--json", "chitty")
        #expect(outcome.status == 0)
        let books = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(books.count == 2)
        for book in books {
            #expect(Set(book.keys) == ["id", "title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "copies"])
        }
        let copies = books.flatMap { $0["copies"] as? [[String: Any]] ?? [] }
        #expect(copies.count == 1)
        #expect(copies.first?["barcode"] as? String == "L1")
        #expect(copies.first?["status"] as? String == "on-shelf")
        #expect(copies.first?["location"] as? String == "London/Library")
        let none = try lawcat.run("search", "--json", "halsbury")
        #expect(none.status == 0)
        #expect(none.stdout.filter { !$0.isWhitespace } == "[]")
    }

    @Test("Given a book with only a title, when shown as JSON, then absent values are null or [], never missing")
    func showJSONAbsentValues() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Gloag and Henderson")
        let json = try lawcat.run("show", "1", "--json")
        let book = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["date", "edition", "jurisdiction", "isbn"] { #expect(book[key] is NSNull, "\(key)") }
        for key in ["authors", "subjects", "copies"] { #expect((book[key] as? [Any])?.isEmpty == true, "\(key)") }
        let human = try lawcat.run("show", "1")
        #expect(human.stdout.contains("No copies. Add one with `lawcat edit 1 --copy BARCODE --at LOCATION`."))
    }

    @Test("Given a book, when edited, then the named fields change, the others stay, and a copy can be added")
    func edit() throws {
        let lawcat = try Lawcat()
        try lawcat.run(
            "add", "--title", "Chitty on Contracts", "--author", "Beale, Hugh", "--edition", "33rd ed.", "--date", "2018",
            "--copy", "L1", "--at", "London")
        let edited = try lawcat.run(
            "edit", "L1", "--edition", "34th ed.", "--date", "2021-06", "--isbn", "", "--copy", "L2", "--at", "Manchester")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "1\n")
        let book = try #require(
            try JSONSerialization.jsonObject(with: Data(lawcat.run("show", "1", "--json").stdout.utf8)) as? [String: Any])
        #expect(book["edition"] as? String == "34th ed.")
        #expect(book["date"] as? String == "2021-06")
        #expect(book["authors"] as? [String] == ["Beale, Hugh"])
        #expect(book["isbn"] is NSNull)
        #expect((book["copies"] as? [[String: Any]])?.count == 2)

        let cleared = try lawcat.run("edit", "1", "--edition", "")
        #expect(cleared.status == 0)
        #expect(try lawcat.run("show", "1", "--json").stdout.contains("\"edition\" : null"))
    }

    @Test("Given a copy and a bare book, when removed, then the copy is withdrawn and kept, the bare book deleted, and a book with copies refused")
    func remove() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--copy", "L1", "--at", "London")
        try lawcat.run("add", "--title", "Bare")

        let withdrawn = try lawcat.run("remove", "L1", "--note", "superseded")
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(withdrawn.stdout == "withdrew copy L1 of 'Chitty on Contracts'\n")
        #expect(try lawcat.run("show", "L1", "--json").stdout.contains("\"status\" : \"withdrawn\""))

        let again = try lawcat.run("remove", "L1")
        #expect(again.status == 1)
        #expect(again.stderr == "error: L1: this copy has been withdrawn; nothing more can happen to it\n")

        let refused = try lawcat.run("remove", "1")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: book 1 still has 1 copy"))

        let deleted = try lawcat.run("remove", "2")
        #expect(deleted.status == 0)
        #expect(deleted.stdout == "deleted book 2: 'Bare'\n")
        #expect(try lawcat.run("show", "2").status == 1)
    }

    @Test("Given a CSV, when imported with --dry-run, then it reports and changes nothing; imported for real, then it reports what it did")
    func importDryRunThenReal() throws {
        let lawcat = try Lawcat()
        try lawcat.run("init")
        let before = try lawcat.run("export").stdout
        let file = try lawcat.file(
            "books.csv",
            "title,authors,barcode,location\nChitty on Contracts,\"Beale, Hugh\",L1,London/Library\nChitty on Contracts,\"Beale, Hugh\",L2,Edinburgh\n")
        let dry = try lawcat.run("import", file, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == "dry run: read 2 rows; would add 1 books, 2 copies, 2 locations, 0 people; skipped 0 rows already present\n")
        #expect(try lawcat.run("export").stdout == before)

        let real = try lawcat.run("import", file, "--json")
        #expect(real.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(real.stdout.utf8)) as? [String: Any])
        #expect(report["books_added"] as? Int == 1)
        #expect(report["copies_added"] as? Int == 2)
        #expect(report["dry_run"] as? Bool == false)

        let twice = try lawcat.run("import", file)
        #expect(twice.stdout == "read 2 rows; added 0 books, 0 copies, 0 locations, 0 people; skipped 2 rows already present\n")
    }

    // Skipped, not passed, on a machine without the shared records.
    @Test(
        "Given the 8,595 law records, when imported into an empty catalogue and exported, then every row comes back, and export-import-export is the same bytes",
        .enabled(if: sharedDataFile("lc-law-dev.csv") != nil, "needs ../shared/data/lc-law-dev.csv beside the repository"))
    func realRecordsRoundTrip() throws {
        let path = try #require(sharedDataFile("lc-law-dev.csv"))
        let lawcat = try Lawcat()
        let imported = try lawcat.run("import", path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("read 8595 rows; added 8594 books, 8595 copies"))

        let exported = try lawcat.run("export", "--output", "first.csv")
        #expect(exported.status == 0)
        #expect(exported.stdout.isEmpty)
        let first = try String(contentsOf: lawcat.folder.appendingPathComponent("first.csv"), encoding: .utf8)
        let original = parseCSV(try String(contentsOfFile: path, encoding: .utf8))
        let rows = parseCSV(first)
        #expect(rows.count == 8596)
        #expect(rowCounts(rows.dropFirst()) == rowCounts(original.dropFirst()))

        var fresh = lawcat
        fresh.environment["LAWCAT_DB"] = lawcat.folder.appendingPathComponent("second.sqlite").path
        #expect(try fresh.run("import", "first.csv").status == 0)
        #expect(try fresh.run("export").stdout == first)
    }

    @Test("Given a catalogue, when exported as JSON to a file, then the file is an array of books and no partial file is left")
    func exportJSONFile() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Lewin on Trusts", "--copy", "T1", "--at", "London/4F")
        let outcome = try lawcat.run("export", "--format", "json", "--output", "out.json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let data = try Data(contentsOf: lawcat.folder.appendingPathComponent("out.json"))
        let books = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(books.map { $0["title"] as? String } == ["Lewin on Trusts"])
        #expect(!FileManager.default.fileExists(atPath: lawcat.folder.appendingPathComponent("out.json.partial").path))
    }

    @Test("Given a seed, when demo runs twice, then it builds the demo catalogue afresh, tours a search and a book, and leaves LAWCAT_DB alone")
    func demo() throws {
        let lawcat = try Lawcat()
        let repositorySeed = Lawcat.repository.appendingPathComponent("seed")
        let seed: String
        if FileManager.default.fileExists(atPath: repositorySeed.appendingPathComponent("catalogue.csv").path) {
            seed = repositorySeed.path
        } else {
            seed = lawcat.folder.appendingPathComponent("seed").path
            try FileManager.default.createDirectory(atPath: seed, withIntermediateDirectories: true)
            try Data("""
                title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location
                Chitty on contracts,"Beale, H. G.",Contracts -- England,2018,33rd ed.,England and Wales,,L000001,London/Library/Bay 2
                Chitty on contracts,"Beale, H. G.",Contracts -- England,2018,33rd ed.,England and Wales,,L000002,Edinburgh/Library

                """.utf8).write(to: URL(fileURLWithPath: seed + "/catalogue.csv"))
            try Data("name,email,staff_id\nAlice Smith,alice@example.com,S1\n".utf8)
                .write(to: URL(fileURLWithPath: seed + "/people.csv"))
        }
        for _ in 1...2 {
            let outcome = try lawcat.run("demo", "--seed", seed)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("built lawcat-demo.sqlite from"))
            #expect(outcome.stdout.contains("$ lawcat search chitty contracts"))
            #expect(outcome.stdout.contains("$ lawcat show"))
            #expect(outcome.stdout.lowercased().contains("chitty on contracts"))
            #expect(outcome.stdout.contains("BARCODE"))
        }
        let demoFile = lawcat.folder.appendingPathComponent("lawcat-demo.sqlite").path
        #expect(FileManager.default.fileExists(atPath: demoFile))
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue), "the demo never touches the real catalogue")
        let search = try lawcat.run("search", "--db", demoFile, "chitty", "--json")
        #expect(search.status == 0)
        #expect(search.stdout.lowercased().contains("chitty on contracts"))
    }

    @Test("Given a file that is not a lawcat catalogue at the demo's path, when demo runs, then it refuses and leaves the file")
    func demoWillNotOverwrite() throws {
        let lawcat = try Lawcat()
        let precious = try lawcat.file("lawcat-demo.sqlite", "not a catalogue")
        let seed = lawcat.folder.appendingPathComponent("seed")
        try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
        try Data("title,barcode,location\nX,X1,London\n".utf8).write(to: seed.appendingPathComponent("catalogue.csv"))
        let outcome = try lawcat.run("demo", "--seed", seed.path)
        #expect(outcome.status == 74)
        #expect(outcome.stderr.hasPrefix("error: lawcat-demo.sqlite is not a lawcat catalogue"))
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "not a catalogue")
    }

    @Test("Given lawcat, when a shell completion script is asked for, then bash, zsh and fish scripts come out", arguments: ["bash", "zsh", "fish"])
    func completion(shell: String) throws {
        let outcome = try Lawcat().run("--generate-completion-script", shell)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("lawcat"))
        #expect(outcome.stdout.contains("import"))
    }
}
