import Foundation
import Testing

/// `history --json` of a copy: its events, oldest first.
func historyJSON(_ lawcat: Lawcat, _ barcode: String) throws -> [[String: Any]] {
    let outcome = try lawcat.run("history", barcode, "--json")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
}

/// `where --json` of a copy, without the keys that change with the log (its trail).
func state(_ lawcat: Lawcat, _ barcode: String) throws -> NSDictionary {
    var copy = try whereJSON(lawcat, barcode)
    copy["trail"] = nil
    return copy as NSDictionary
}

func expectClean(_ lawcat: Lawcat, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let check = try lawcat.run("check")
    #expect(check.status == 0, "lawcat check: \(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
}

@Suite("Undo: every mistake can be put right")
struct UndoCommandTests {
    /// Given a copy in `before`'s state, when `mistake` is recorded and then
    /// undone, then the copy is exactly as it was, check is clean, and the
    /// history keeps both the mistake (marked undone) and the undo.
    func roundTrip(
        _ barcode: String, setUp: [[String]] = [], mistake: [String], undoneKinds: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let lawcat = try circulationLawcat()
        for step in setUp {
            let outcome = try lawcat.run(step)
            #expect(outcome.status == 0, "\(step): \(outcome.stderr)", sourceLocation: sourceLocation)
        }
        let before = try state(lawcat, barcode)
        let eventsBefore = try historyJSON(lawcat, barcode).count
        let done = try lawcat.run(mistake)
        #expect(done.status == 0, "\(mistake): \(done.stderr)", sourceLocation: sourceLocation)
        #expect(try state(lawcat, barcode) != before, "the mistake changed nothing", sourceLocation: sourceLocation)

        let undo = try lawcat.run("undo", barcode)
        #expect(undo.status == 0, "\(undo.stderr)", sourceLocation: sourceLocation)
        #expect(undo.stdout.hasPrefix("\(barcode): undid \(undoneKinds.joined(separator: " of 2026-11-26 09:30 and ")) of 2026-11-26 09:30"),
            "\(undo.stdout)", sourceLocation: sourceLocation)
        #expect(try state(lawcat, barcode) == before, sourceLocation: sourceLocation)
        try expectClean(lawcat, sourceLocation: sourceLocation)

        let history = try historyJSON(lawcat, barcode)
        #expect(history.count == eventsBefore + undoneKinds.count + 1, sourceLocation: sourceLocation)
        let undoEvent = try #require(history.last)
        #expect(undoEvent["kind"] as? String == "undone", sourceLocation: sourceLocation)
        let undoneIDs = history.filter { $0["undone_by"] as? Int == undoEvent["id"] as? Int }.map { $0["kind"] as? String ?? "" }
        #expect(undoneIDs == undoneKinds, sourceLocation: sourceLocation)
        #expect((undoEvent["undoes"] as? [Int])?.count == undoneKinds.count, sourceLocation: sourceLocation)
    }

    @Test("Given a copy on the shelf, when a mistaken checkout is undone, then it is back on the shelf and never was a loan")
    func checkout() throws {
        try roundTrip("C1", mistake: ["checkout", "C1", "--to", "Jane Smith", "--days", "14"], undoneKinds: ["checked-out"])
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        try lawcat.run("undo", "C1")
        #expect(try lawcat.run("loans").stdout.contains("C1") == false)
        #expect(try lawcat.run("people", "--json").stdout.contains("\"loans\" : 0"))
    }

    @Test("Given a copy on loan, when its return is undone, then it is on loan again to the same borrower, due the same day")
    func checkin() throws {
        try roundTrip(
            "C1", setUp: [["checkout", "C1", "--to", "Jane Smith", "--days", "7"]], mistake: ["checkin", "C1"],
            undoneKinds: ["returned"])
    }

    @Test("Given a missing copy on loan, when its checkin is undone, then the find and the return are undone together")
    func checkinOfMissing() throws {
        try roundTrip(
            "C1", setUp: [["checkout", "C1", "--to", "Jane Smith"], ["missing", "C1"]], mistake: ["checkin", "C1"],
            undoneKinds: ["found", "returned"])
    }

    @Test("Given each other kind of event, when it is undone, then the copy is as it was")
    func everyOtherKind() throws {
        try roundTrip("C1", mistake: ["move", "C1", "London/4F/Litigation"], undoneKinds: ["moved"])
        try roundTrip("C1", mistake: ["seen", "C1", "--at", "London/4F", "--by", "Tom"], undoneKinds: ["seen"])
        try roundTrip("C1", mistake: ["missing", "C1"], undoneKinds: ["missing"])
        try roundTrip("C1", setUp: [["missing", "C1"]], mistake: ["found", "C1", "--at", "London/3F"], undoneKinds: ["found"])
        try roundTrip("C1", mistake: ["withdraw", "C1"], undoneKinds: ["withdrawn"])
        try roundTrip(
            "C1", setUp: [["checkout", "C1", "--to", "Jane Smith", "--days", "7"]], mistake: ["renew", "C1"],
            undoneKinds: ["renewed"])
    }

    @Test("Given two actions, when undo runs twice, then both are undone, newest first; a copy's arrival cannot be undone")
    func twice() throws {
        let lawcat = try circulationLawcat()
        let before = try state(lawcat, "C1")
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        try lawcat.run("move", "C1", "London/5F")
        #expect(try lawcat.run("undo", "C1").stdout.contains("undid moved"))
        #expect(try lawcat.run("undo", "C1").stdout.contains("undid checked-out"))
        #expect(try state(lawcat, "C1") == before)
        let refused = try lawcat.run("undo", "C1")
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: C1: nothing to undo: nothing has happened to this copy since it was added (to take it off the shelves, use `lawcat withdraw C1`)\n")
        try expectClean(lawcat)
        let history = try lawcat.run("history", "C1").stdout
        #expect(history.contains("checked-out to Jane Smith (undone)"))
        #expect(history.contains("undid checked-out"))
    }
}

@Suite("Renew: a loan extended")
struct RenewCommandTests {
    @Test("Given a 14-day loan, when it is renewed with no date, then it is due 14 days after it was due")
    func ownLength() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--days", "14")
        let renewed = try lawcat.run("renew", "C1")
        #expect(renewed.status == 0, "\(renewed.stderr)")
        #expect(renewed.stdout == "C1: renewed for Jane Smith, due 2026-12-24 (was 2026-12-10) ('Chitty on Contracts')\n")
        #expect(try whereJSON(lawcat, "C1")["due"] as? String == "2026-12-24")
        #expect(try historyJSON(lawcat, "C1").last?["kind"] as? String == "renewed")
        try expectClean(lawcat)
    }

    @Test("Given a loan, when it is renewed to --due or --days, then the due date moves; an earlier day is refused")
    func explicit() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--days", "14")
        #expect(try lawcat.run("renew", "C1", "--due", "2027-01-05").stdout.contains("due 2027-01-05 (was 2026-12-10)"))
        let shorter = try lawcat.run("renew", "C1", "--days", "3")
        #expect(shorter.status == 1)
        #expect(shorter.stderr.contains("already due 2027-01-05, and a renewal only extends it"))
        #expect(try whereJSON(lawcat, "C1")["due"] as? String == "2027-01-05")
    }

    @Test("Given copies not on loan or a loan with no due date, when renewed without a day, then each is refused with why")
    func refusals() throws {
        let lawcat = try circulationLawcat()
        let onShelf = try lawcat.run("renew", "C1", "--days", "7")
        #expect(onShelf.status == 1)
        #expect(onShelf.stderr == "error: C1: this copy is not on loan, so there is no loan to renew\n")
        try lawcat.run("checkout", "C2", "--to", "Jane Smith")
        let noDue = try lawcat.run("renew", "C2")
        #expect(noDue.status == 1)
        #expect(noDue.stderr.contains("this loan had no due date to extend; give --due YYYY-MM-DD or --days N"))
        #expect(try lawcat.run("renew", "C2", "--days", "7").status == 0)
    }

    @Test("Given a pile of loans, when renew - reads their barcodes, then each is renewed and a bad one does not stop the rest")
    func pile() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--days", "7")
        try lawcat.run("checkout", "P1", "--to", "Jane Smith", "--days", "7")
        let outcome = try lawcat.run("renew", "-", "--days", "21", input: "C1\nNOPE\nP1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("C1: renewed") && outcome.stdout.contains("P1: renewed"))
        #expect(outcome.stderr.contains("NOPE"))
        #expect(try whereJSON(lawcat, "P1")["due"] as? String == "2026-12-17")
    }
}

@Suite("The desk and barcodes in any case")
struct DeskCommandTests {
    @Test("Given LAWCAT_DESK, when a copy homed elsewhere is checked in, then it is at the desk; --at still wins")
    func desk() throws {
        var lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        try lawcat.run("checkout", "C2", "--to", "Jane Smith")
        lawcat.environment["LAWCAT_DESK"] = "Edinburgh/Library/Returns"
        #expect(try lawcat.run("checkin", "C1").stdout.contains("checked in at Edinburgh/Library/Returns"))
        #expect(try whereJSON(lawcat, "C1")["location"] as? String == "Edinburgh/Library/Returns")
        #expect(try whereJSON(lawcat, "C1")["home"] as? String == "London/Library/Bay 1")
        #expect(try lawcat.run("checkin", "C2", "--at", "London/Library/Bay 2").stdout.contains("checked in at London/Library/Bay 2"))
        lawcat.environment["LAWCAT_DESK"] = nil
        try lawcat.run("checkout", "P1", "--to", "Jane Smith")
        #expect(try lawcat.run("checkin", "P1").stdout.contains("checked in at London/Library/Bay 1"))
    }

    @Test("Given a barcode typed in lower case, when any command names it, then it is the same copy; a case-only twin is refused")
    func anyCase() throws {
        let lawcat = try circulationLawcat()
        let out = try lawcat.run("checkout", "c1", "--to", "Jane Smith")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("C1: checked out"))
        #expect(try lawcat.run("where", "c1", "--json").stdout.contains("\"barcode\" : \"C1\""))
        #expect(try lawcat.run("show", "p2").stdout.contains("Palmer's Company Law"))
        #expect(try lawcat.run("checkin", "c1").status == 0)
        let twin = try lawcat.run("add", "--title", "Another", "--copy", "c2", "--at", "London")
        #expect(twin.status == 1)
        #expect(twin.stderr.contains("barcode c2 already belongs to 'Chitty on Contracts'"))
    }
}
