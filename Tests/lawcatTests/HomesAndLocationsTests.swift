import Foundation
import Testing

/// `locations --json`, by path.
func locationsJSON(_ lawcat: Lawcat) throws -> [String: [String: Any]] {
    let outcome = try lawcat.run("locations", "--json")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: rows.map { ($0["location"] as? String ?? "", $0) })
}

@Suite("Homes and locations put right")
struct HomesAndLocationsTests {
    @Test("Given a copy, when it is rehomed, then its home changes, it stays where it is, its history says so, undo puts it back, and check is clean")
    func rehome() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("move", "C1", "London/5F/Meeting room 5.12")
        let outcome = try lawcat.run("rehome", "C1", "London/Library/Bay 12")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "C1: new home London/Library/Bay 12 ('Chitty on Contracts')\n")
        let copy = try whereJSON(lawcat, "C1")
        #expect(copy["home"] as? String == "London/Library/Bay 12")
        #expect(copy["location"] as? String == "London/5F/Meeting room 5.12")
        let last = try #require(try historyJSON(lawcat, "C1").last)
        #expect(last["kind"] as? String == "rehomed" && last["location"] as? String == "London/Library/Bay 12")
        try expectClean(lawcat)
        let same = try lawcat.run("rehome", "C1", "London/Library/Bay 12")
        #expect(same.status == 1 && same.stderr.contains("its home is London/Library/Bay 12 already"))
        #expect(try lawcat.run("undo", "C1").status == 0)
        #expect(try whereJSON(lawcat, "C1")["home"] as? String == "London/Library/Bay 1")
        try expectClean(lawcat)
    }

    @Test("Given a pile of barcodes on stdin, when rehome - reads them, then each is rehomed and a bad one is named, exit 1")
    func rehomePile() throws {
        let lawcat = try circulationLawcat()
        let outcome = try lawcat.run("rehome", "-", "Store/Basement", input: "C1\nNOPE\nP1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("C1: new home Store/Basement") && outcome.stdout.contains("P1: new home Store/Basement"))
        #expect(outcome.stderr.contains("NOPE"))
        #expect(try whereJSON(lawcat, "P1")["home"] as? String == "Store/Basement")
        try expectClean(lawcat)
    }

    @Test("Given a withdrawn copy, when it is rehomed, then it is refused")
    func rehomeWithdrawn() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("withdraw", "P2")
        let outcome = try lawcat.run("rehome", "P2", "Store/Basement")
        #expect(outcome.status == 1 && outcome.stderr.contains("withdrawn"), "\(outcome.stderr)")
    }

    @Test("Given London/Library with bays under it, when it is renamed London/Main Library, then every bay is renamed, and homes, places and history show the new names")
    func renameSubtree() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C2", "--to", "Jane Smith", "--at", "London/Library/Reading room")
        let outcome = try lawcat.run("locations", "rename", "London/Library", "London/Main Library")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == """
            renamed London/Library/Bay 1 to London/Main Library/Bay 1
            renamed London/Library/Bay 2 to London/Main Library/Bay 2
            renamed London/Library/Reading room to London/Main Library/Reading room

            """)
        #expect(try locationsJSON(lawcat).keys.sorted() == [
            "London/Main Library/Bay 1", "London/Main Library/Bay 2", "London/Main Library/Reading room",
        ])
        let copy = try whereJSON(lawcat, "C2")
        #expect(copy["home"] as? String == "London/Main Library/Bay 2")
        #expect(copy["location"] as? String == "London/Main Library/Reading room")
        #expect(try historyJSON(lawcat, "C1").first?["location"] as? String == "London/Main Library/Bay 1")
        try expectClean(lawcat)
        let unknown = try lawcat.run("locations", "rename", "London/Libary", "X")
        #expect(unknown.status == 1, "\(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("error: no location is called London/Libary"))
    }

    @Test("Given Bay 3 and Bay 12, when Bay 3 is renamed Bay 12, then the two merge, saying so: every copy is homed at Bay 12, the history reads Bay 12, undo and check still work")
    func renameMerges() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("add", "--title", "Lewin on Trusts", "--copy", "L1", "--at", "London/Library/Bay 12")
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        try lawcat.run("checkin", "C1")
        let outcome = try lawcat.run("locations", "rename", "London/Library/Bay 1", "London/Library/Bay 12")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "merged London/Library/Bay 1 into London/Library/Bay 12\n")
        let locations = try locationsJSON(lawcat)
        #expect(locations.keys.sorted() == ["London/Library/Bay 12", "London/Library/Bay 2"])
        #expect(locations["London/Library/Bay 12"]?["homed"] as? Int == 4)
        #expect(try whereJSON(lawcat, "C1")["home"] as? String == "London/Library/Bay 12")
        let history = try historyJSON(lawcat, "C1")
        #expect(history.compactMap { $0["location"] as? String }.allSatisfy { $0 == "London/Library/Bay 12" }, "\(history)")
        try expectClean(lawcat)
        #expect(try lawcat.run("undo", "C1").status == 0)
        try expectClean(lawcat)
        // The freed name can be used again, as a new location.
        #expect(try lawcat.run("move", "P1", "London/Library/Bay 1").status == 0)
        try expectClean(lawcat)
    }
}
