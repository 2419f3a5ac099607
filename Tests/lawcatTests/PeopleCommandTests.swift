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
