import Foundation
import Testing

/// The statuses of `barcodes`, from `where --json`.
func statuses(_ lawcat: Lawcat, _ barcodes: [String]) throws -> [String] {
    try barcodes.map { try whereJSON(lawcat, $0)["status"] as? String ?? "?" }
}

@Suite("Stocktakes that cannot wipe or scatter a shelf")
struct StocktakeSafetyTests {
    @Test("Given an empty scan, when a stocktake with --mark-missing runs, then it records nothing and exits 1")
    func noBarcodes() throws {
        let lawcat = try circulationLawcat()
        let events = try historyJSON(lawcat, "C1").count
        for input in ["", "\n  \n"] {
            let outcome = try lawcat.run("stocktake", "London/Library", "--mark-missing", input: input)
            #expect(outcome.status == 1)
            #expect(outcome.stderr == "error: no barcodes were read; nothing was recorded\n")
        }
        let file = try lawcat.file("empty.txt", "")
        #expect(try lawcat.run("stocktake", "London/Library", file, "--mark-missing").status == 1)
        #expect(try statuses(lawcat, ["C1", "C2", "P1", "P2"]) == ["on-shelf", "on-shelf", "on-shelf", "on-shelf"])
        #expect(try historyJSON(lawcat, "C1").count == events)
    }

    @Test("Given a mistyped shelf, when a stocktake names it, then it is refused with the close names and no location is made")
    func mistypedShelf() throws {
        let lawcat = try circulationLawcat()
        let outcome = try lawcat.run("stocktake", "London/Libary/Bay 1", input: "C1\nP1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: no copy is homed or placed under London/Libary/Bay 1, so there is nothing to take stock of; did you mean London/Library/Bay 1"))
        #expect(outcome.stderr.hasSuffix("(nothing was recorded)\n"))
        #expect(try lawcat.run("locations").stdout.contains("Libary") == false)
        #expect(try historyJSON(lawcat, "C1").count == 1)
    }

    @Test("Given the scans of another shelf, when --mark-missing runs, then nothing is marked missing and it exits 1 saying why")
    func wrongShelf() throws {
        let lawcat = try circulationLawcat()
        // C2 is homed at Bay 2; Bay 1 holds C1, P1 and P2.
        let outcome = try lawcat.run("stocktake", "London/Library/Bay 1", "--mark-missing", input: "C2\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("not marking 3 copies missing: none of the 1 copies scanned is homed under London/Library/Bay 1"))
        #expect(try statuses(lawcat, ["C1", "P1", "P2"]) == ["on-shelf", "on-shelf", "on-shelf"])
        try expectClean(lawcat)
    }

    @Test("Given a scan cut short, when --mark-missing runs, then it is refused unless --force, which marks them")
    func cutShort() throws {
        let lawcat = try circulationLawcat()
        let refused = try lawcat.run("stocktake", "London/Library/Bay 1", "--mark-missing", input: "C1\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("2 copies would be marked missing against 1 found present"))
        #expect(try statuses(lawcat, ["P1", "P2"]) == ["on-shelf", "on-shelf"])
        let forced = try lawcat.run("stocktake", "London/Library/Bay 1", "--mark-missing", "--force", input: "C1\n")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("Marked 2 not-seen copies missing."))
        #expect(try statuses(lawcat, ["P1", "P2"]) == ["missing", "missing"])
    }

    @Test("Given a stocktake that marked copies missing, when it is undone by its id, then every copy is as before")
    func undoWhole() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "P1", "--to", "Jane Smith")
        try lawcat.run("missing", "C2")
        let before = try ["C1", "C2", "P1", "P2"].map { try state(lawcat, $0) }
        let report = try lawcat.run("stocktake", "London/Library", "--mark-missing", "--force", "--json", input: "C1\nP1\nC2\n")
        #expect(report.status == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let id = try #require(json["id"] as? Int)
        #expect(json["marked_missing"] as? Int == 1)
        #expect(try statuses(lawcat, ["C1", "C2", "P1", "P2"]) == ["on-shelf", "on-shelf", "on-shelf", "missing"])

        let undo = try lawcat.run("undo", "--stocktake", String(id))
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("undid stocktake \(id) of London/Library: 4 copies put back"))
        #expect(try ["C1", "C2", "P1", "P2"].map { try state(lawcat, $0) } == before)
        try expectClean(lawcat)
    }

    @Test("Given a copy lent after a stocktake, when the stocktake is undone, then it is refused and nothing changes")
    func undoContradicted() throws {
        let lawcat = try circulationLawcat()
        let report = try lawcat.run("stocktake", "London/Library/Bay 1", input: "C1\nP1\nP2\n")
        let id = try #require(report.stdout.firstMatch(of: /stocktake (\d+) of/)?.1).description
        try lawcat.run("checkout", "P1", "--to", "Jane Smith")
        let events = try historyJSON(lawcat, "C1").count
        let undo = try lawcat.run("undo", "--stocktake", id)
        #expect(undo.status == 1)
        #expect(undo.stderr == "error: stocktake \(id): P1 has been checked-out since it was scanned; undo that first (`lawcat undo P1`), then the stocktake\n")
        #expect(try historyJSON(lawcat, "C1").count == events)
        #expect(try lawcat.run("undo", "P1").status == 0)
        #expect(try lawcat.run("undo", "--stocktake", id).status == 0)
        try expectClean(lawcat)
    }
}
