import Foundation
import Testing

/// `people --json`, by name.
func peopleJSON(_ lawcat: Lawcat) throws -> [String: [String: Any]] {
    let outcome = try lawcat.run("people", "--json")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let people = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: people.map { ($0["name"] as? String ?? "", $0) })
}

@Suite("Borrowers' names, as carefully as places")
struct PersonNameTests {
    @Test("Given a known borrower, when a name a letter away is given, then it is refused naming them, exit 1, and nothing is recorded",
          arguments: [
            ("Priya Raghunathan", "Priya Raghunatan"), ("Priya Shah", "Priya Sha"), ("Priya Sha", "Priya Shah"),
            ("Tom O'Brien", "Tom OBrien"), ("Jane Smith", "John Smith"),
          ])
    func closeNameRefused(known: String, typed: String) throws {
        let lawcat = try circulationLawcat()
        #expect(try lawcat.run("checkout", "C1", "--to", known).status == 0)
        let outcome = try lawcat.run("checkout", "C2", "--to", typed)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: nobody called '\(typed)'; did you mean \(known)? (--new-person adds a new person)\n")
        #expect(outcome.stdout == "")
        #expect(try whereJSON(lawcat, "C2")["status"] as? String == "on-shelf")
        #expect(try peopleJSON(lawcat).keys.sorted() == [known])
    }

    @Test("Given a close name refused, when --new-person is given, then the person is added with a note and the copy lent")
    func newPersonAdds() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        let outcome = try lawcat.run("checkout", "C2", "--to", "John Smith", "--new-person")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("note: added John Smith to the people in the catalogue"))
        #expect(try peopleJSON(lawcat).keys.sorted() == ["Jane Smith", "John Smith"])
        let seen = try lawcat.run("seen", "P1", "--by", "Jane Smyth")
        #expect(seen.status == 1 && seen.stderr.contains("did you mean Jane Smith"), "\(seen.stderr)")
        #expect(try lawcat.run("seen", "P1", "--by", "Jane Smyth", "--new-person").status == 0)
        try expectClean(lawcat)
    }

    @Test("Given Tom O'Brien, when he borrows as Tom O’Brien (a curly apostrophe) or in other case, then it is the same person")
    func apostrophesAreOneLetter() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Tom O'Brien")
        let outcome = try lawcat.run("checkout", "C2", "--to", "tom o\u{2019}brien")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("note: added"))
        #expect(outcome.stdout.contains("checked out to Tom O'Brien"))
        #expect(try peopleJSON(lawcat)["Tom O'Brien"]?["on_loan"] as? Int == 2)
    }

    @Test("Given known borrowers, when a name close to nobody is given, then it is added with a note, as before")
    func farNameAdded() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        let outcome = try lawcat.run("checkout", "C2", "--to", "Priya Raghunathan")
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "note: added Priya Raghunathan to the people in the catalogue\n")
    }
}

@Suite("People: add, edit, rename, merge")
struct PeopleCommandTests {
    @Test("Given an empty catalogue, when a person is added with an e-mail and staff id, then people lists them; adding them again is refused")
    func add() throws {
        let lawcat = try circulationLawcat()
        let outcome = try lawcat.run("people", "add", "Jane Smith", "--email", "jane.smith@firm.example", "--staff-id", "S123")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "added Jane Smith, jane.smith@firm.example, staff id S123\n")
        let jane = try #require(try peopleJSON(lawcat)["Jane Smith"])
        #expect(jane["email"] as? String == "jane.smith@firm.example" && jane["staff_id"] as? String == "S123")
        let again = try lawcat.run("people", "add", "jane smith")
        #expect(again.status == 1)
        #expect(again.stderr == "error: Jane Smith is already in the catalogue; change their details with `lawcat people edit 'Jane Smith'`\n")
        let bad = try lawcat.run("people", "add", "Tom Jones", "--email", "not an address")
        #expect(bad.status == 64 && bad.stderr.hasPrefix("error: invalid email"), "\(bad.stderr)")
    }

    @Test("Given a person, when their e-mail, staff id and name are edited, then people and their loans show the change, and check is clean")
    func edit() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        var outcome = try lawcat.run("people", "edit", "Jane Smith", "--email", "jane@firm.example", "--staff-id", "S1")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        outcome = try lawcat.run("people", "rename", "Jane Smith", "Jane Smith-Jones")
        #expect(outcome.stdout == "renamed Jane Smith to Jane Smith-Jones\n", "\(outcome.stderr)")
        let people = try peopleJSON(lawcat)
        #expect(people.keys.sorted() == ["Jane Smith-Jones"])
        #expect(people["Jane Smith-Jones"]?["email"] as? String == "jane@firm.example")
        #expect(try whereJSON(lawcat, "C1")["borrower"] as? String == "Jane Smith-Jones")
        #expect(try historyJSON(lawcat, "C1").last?["person"] as? String == "Jane Smith-Jones")
        outcome = try lawcat.run("people", "edit", "Jane Smith-Jones", "--email", "")
        #expect(try peopleJSON(lawcat)["Jane Smith-Jones"]?["email"] is NSNull, "\(outcome.stderr)")
        try expectClean(lawcat)
    }

    @Test("Given two people, when one is renamed to the other's name, then it is refused, pointing at people merge")
    func renameOntoAnother() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("people", "add", "Priya Shah")
        try lawcat.run("people", "add", "Priya Sha")
        let outcome = try lawcat.run("people", "rename", "Priya Sha", "Priya Shah")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: Priya Shah is already in the catalogue; to make them one person, use `lawcat people merge 'Priya Sha' 'Priya Shah'`\n")
    }

    @Test("Given a person entered twice, each with loans, when one is merged into the other, then loans, details and history move, the old name stays on its events and still finds the survivor, and check is clean")
    func merge() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Priya Shah")
        try lawcat.run("checkout", "C2", "--to", "Priya Sha", "--new-person", "--days", "7")
        try lawcat.run("checkout", "P1", "--to", "Priya Sha")
        try lawcat.run("checkin", "P1")
        try lawcat.run("people", "edit", "Priya Sha", "--email", "priya@firm.example")
        let outcome = try lawcat.run("people", "merge", "Priya Sha", "Priya Shah")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "merged Priya Sha into Priya Shah: 2 loans moved; Priya Shah has 2 on loan, 3 ever\n")
        let people = try peopleJSON(lawcat)
        #expect(people.keys.sorted() == ["Priya Shah"])
        #expect(people["Priya Shah"]?["email"] as? String == "priya@firm.example")
        #expect(try whereJSON(lawcat, "C2")["borrower"] as? String == "Priya Shah")
        let trail = try historyJSON(lawcat, "C2")
        #expect(trail.last?["person"] as? String == "Priya Sha", "the event keeps the name it was recorded under")
        #expect(try lawcat.run("loans", "--person", "Priya Sha").stdout.contains("C2"), "the old name finds the survivor")
        #expect(try lawcat.run("checkout", "P2", "--to", "Priya Sha").stdout.contains("checked out to Priya Shah"))
        try expectClean(lawcat)
        // Undo and check replay the log through the merge.
        let undo = try lawcat.run("undo", "C2")
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try whereJSON(lawcat, "C2")["status"] as? String == "on-shelf")
        try lawcat.run("undo", "C2")
        try expectClean(lawcat)
        let again = try lawcat.run("people", "merge", "Priya Sha", "Priya Shah")
        #expect(again.status == 64 && again.stderr.contains("that is one person already"), "\(again.stderr)")
    }

    @Test("Given people already present, when a people file gives them an e-mail and staff id, then they are updated and the summary says how many")
    func importUpdates() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("people", "add", "Jane Smith")
        try lawcat.run("people", "add", "Tom O'Brien", "--email", "tom@firm.example")
        let file = try lawcat.file("people.csv", "name,email,staff_id\nJane Smith,jane@firm.example,S1\nTom O\u{2019}Brien,tom@firm.example,\nAmy Lee,amy@firm.example,S3\n")
        let outcome = try lawcat.run("import", "--people", file)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("1 people; updated 1 people; skipped 1 rows already present"), "\(outcome.stdout)")
        #expect(try peopleJSON(lawcat)["Jane Smith"]?["staff_id"] as? String == "S1")
        let json = try lawcat.run("import", "--people", file, "--json")
        #expect(json.stdout.contains("\"people_updated\" : 0"), "\(json.stdout)")
    }

    @Test("Given the groups people and locations, when their help is asked for, then it shows no --version (only lawcat's own does)")
    func noStrayVersion() throws {
        let lawcat = try Lawcat()
        for command in [["people", "--help"], ["people", "merge", "--help"], ["locations", "--help"], ["checkout", "--help"]] {
            let help = try lawcat.run(command)
            #expect(help.status == 0 && !help.stdout.contains("--version"), "\(command)")
        }
        #expect(try lawcat.run("--help").stdout.contains("--version"))
        #expect(try lawcat.run("--version").stdout == "0.1.0\n")
    }
}

@Suite("Borrowers' names in a pile")
struct PersonNamePileTests {
    @Test("Given a pile of scans lent to a name close to a known one, then it is refused once, before any scan, exit 1")
    func pileRefusedOnce() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Priya Shah")
        let outcome = try lawcat.run("checkout", "-", "--to", "Priya Sha", input: "C2\nP1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: nobody called 'Priya Sha'; did you mean Priya Shah? (--new-person adds a new person)\n")
        #expect(try whereJSON(lawcat, "C2")["status"] as? String == "on-shelf")
        let added = try lawcat.run("checkout", "-", "--to", "Priya Sha", "--new-person", input: "C2\nP1\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try peopleJSON(lawcat)["Priya Sha"]?["on_loan"] as? Int == 2)
    }
}
