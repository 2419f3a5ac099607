import Foundation
import Testing

/// A catalogue with two books: 'Chitty on Contracts' (C1 homed at
/// London/Library/Bay 1, C2 at Bay 2) and 'Palmer's Company Law' (P1, P2 at Bay 1).
func circulationLawcat() throws -> Lawcat {
    var lawcat = try Lawcat()
    // Times are shown in local time: pin it, whatever the machine's /etc/localtime says.
    lawcat.environment["TZ"] = "UTC"
    var outcome = try lawcat.run(
        "add", "--title", "Chitty on Contracts", "--isbn", "9780414108004",
        "--copy", "C1", "--at", "London/Library/Bay 1", "--copy", "C2", "--at", "London/Library/Bay 2")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    outcome = try lawcat.run(
        "add", "--title", "Palmer's Company Law", "--copy", "P1", "--at", "London/Library/Bay 1",
        "--copy", "P2", "--at", "London/Library/Bay 1")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return lawcat
}

/// `where BARCODE --json`, the named copy's object.
func whereJSON(_ lawcat: Lawcat, _ barcode: String) throws -> [String: Any] {
    let outcome = try lawcat.run("where", barcode, "--json")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let copies = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    return try #require(copies.first { $0["barcode"] as? String == barcode })
}

@Suite("Circulation, end to end")
struct CirculationCommandTests {
    @Test("Given one copy followed through loan, move, sighting, missing and found, then where answers rightly at each step")
    func scenario() throws {
        var lawcat = try circulationLawcat()
        lawcat.environment["LAWCAT_NOW"] = "2026-11-02T10:00:00Z"
        var outcome = try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--days", "14", "--at", "London/5F/Meeting room 5.12")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "C1: checked out to Jane Smith, due 2026-11-16, at London/5F/Meeting room 5.12 ('Chitty on Contracts')\n")
        #expect(outcome.stderr.contains("note: added Jane Smith to the people in the catalogue"))
        #expect(outcome.stderr.contains("note: added the new location London/5F/Meeting room 5.12"))

        lawcat.environment["LAWCAT_NOW"] = "2026-11-20T10:00:00Z"
        var copy = try whereJSON(lawcat, "C1")
        #expect(copy["status"] as? String == "on-loan")
        #expect(copy["borrower"] as? String == "Jane Smith")
        #expect(copy["location"] as? String == "London/5F/Meeting room 5.12")
        #expect(copy["due"] as? String == "2026-11-16")
        #expect(copy["overdue_days"] as? Int == 4)
        for key in ["barcode", "title", "status", "location", "borrower", "since", "due", "overdue_days", "last_seen", "last_borrower", "trail"] {
            #expect(copy.keys.contains(key), "where --json has \(key)")
        }
        outcome = try lawcat.run("where", "C1")
        #expect(outcome.stdout.contains("on loan to Jane Smith since 2026-11-02 10:00, due 2026-11-16 (overdue by 4 days), at London/5F/Meeting room 5.12"))

        outcome = try lawcat.run("move", "C1", "London/4F/Litigation")
        #expect(outcome.status == 0)
        copy = try whereJSON(lawcat, "C1")
        #expect(copy["status"] as? String == "on-loan")
        #expect(copy["location"] as? String == "London/4F/Litigation")

        lawcat.environment["LAWCAT_NOW"] = "2026-11-21T10:00:00Z"
        outcome = try lawcat.run("return", "C1")
        #expect(outcome.stdout == "C1: checked in at London/Library/Bay 1 ('Chitty on Contracts')\n")
        outcome = try lawcat.run("seen", "C1", "--by", "Tom Reed")
        #expect(outcome.status == 0)
        copy = try whereJSON(lawcat, "C1")
        #expect(copy["status"] as? String == "on-shelf")
        let seen = try #require(copy["last_seen"] as? [String: Any])
        #expect(seen["by"] as? String == "Tom Reed")
        #expect(seen["how"] as? String == "seen")
        #expect(seen["location"] as? String == "London/Library/Bay 1")

        lawcat.environment["LAWCAT_NOW"] = "2026-11-25T10:00:00Z"
        outcome = try lawcat.run("missing", "C1", "--note", "not on the shelf")
        #expect(outcome.status == 0)
        outcome = try lawcat.run("where", "C1")
        #expect(outcome.stdout.contains(
            "missing since 2026-11-25 10:00, last seen at London/Library/Bay 1 on 2026-11-21 10:00 by Tom Reed (seen), last borrower Jane Smith (returned 2026-11-21 10:00)"))
        copy = try whereJSON(lawcat, "C1")
        #expect((copy["last_borrower"] as? [String: Any])?["name"] as? String == "Jane Smith")

        lawcat.environment["LAWCAT_NOW"] = "2026-11-26T09:00:00Z"
        outcome = try lawcat.run("found", "C1", "--at", "London/3F/Kitchen")
        #expect(outcome.stdout == "C1: found at London/3F/Kitchen ('Chitty on Contracts')\n")
        copy = try whereJSON(lawcat, "C1")
        #expect(copy["status"] as? String == "on-shelf")
        #expect(copy["location"] as? String == "London/3F/Kitchen")
        let trail = try #require(copy["trail"] as? [[String: Any]])
        #expect(trail.map { $0["kind"] as? String } == ["moved", "returned", "seen", "missing", "found"])

        outcome = try lawcat.run("history", "C1", "--json")
        let history = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String } == ["added", "checked-out", "moved", "returned", "seen", "missing", "found"])
        outcome = try lawcat.run("check")
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.hasPrefix("ok: "))
    }

    @Test("Given a missing copy, when it is moved, checked in or seen, then a found event comes first")
    func sightingEndsMissing() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C2", "--to", "Jane Smith")
        try lawcat.run("missing", "C2")
        var outcome = try lawcat.run("checkin", "C2", "--at", "London/Library/Bay 2")
        #expect(outcome.stdout == "C2: was missing, now found; checked in at London/Library/Bay 2 ('Chitty on Contracts')\n")
        // A missing copy that was not on loan is found, not checked in.
        try lawcat.run("missing", "C1")
        outcome = try lawcat.run("checkin", "C1")
        #expect(outcome.stdout == "C1: was missing, now found; back at London/Library/Bay 1 (it was not on loan) ('Chitty on Contracts')\n")
        outcome = try lawcat.run("history", "C2", "--json")
        #expect(outcome.stdout.components(separatedBy: "\"kind\" : ").dropFirst().map { $0.prefix(while: { $0 != "," }) }
            == ["\"added\"", "\"checked-out\"", "\"missing\"", "\"found\"", "\"returned\""])
        try lawcat.run("missing", "P1")
        outcome = try lawcat.run("move", "P1", "London/Library/Bay 2")
        #expect(outcome.stdout.hasPrefix("P1: was missing, now found; moved to London/Library/Bay 2"))
        #expect(try whereJSON(lawcat, "P1")["status"] as? String == "on-shelf")
        #expect(try lawcat.run("check").status == 0)
    }

    @Test("Given bad circulation input, then each gets a one-line error and a meaningful exit code")
    func badInput() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        var outcome = try lawcat.run("checkout", "C1", "--to", "Tom Reed")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: C1: already on loan to Jane Smith; check it in first with `lawcat checkin C1`\n")
        outcome = try lawcat.run("checkout", "NOPE", "--to", "Tom Reed")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: no copy has the barcode 'NOPE'"))
        outcome = try lawcat.run("checkout", "C2", "--to", "Tom Reed", "--due", "2026-11-25")
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "error: invalid due date '2026-11-25': it is before today (2026-11-26); give today or a later day, or --days N\n")
        outcome = try lawcat.run("checkout", "C2", "--to", "Tom Reed", "--due", "2026-12-01", "--days", "3")
        #expect(outcome.status == 64)
        outcome = try lawcat.run("checkin", "C2")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: C2: this copy is not on loan, so there is nothing to check in\n")
        outcome = try lawcat.run("found", "C2")
        #expect(outcome.status == 1)
        try lawcat.run("missing", "P2")
        outcome = try lawcat.run("checkout", "P2", "--to", "Tom Reed")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("this copy is missing; record where it turned up with `lawcat found P2` first"))
        outcome = try lawcat.run("people", "--json")
        #expect(!outcome.stdout.contains("Tom Reed"), "refused checkouts add nobody")
        outcome = try lawcat.run("withdraw", "C1")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("check it in before withdrawing it"))
        outcome = try lawcat.run("report", "lost")
        #expect(outcome.status == 64)
        outcome = try lawcat.run("loans", "--person", "Nobody")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: nobody called 'Nobody'"))
        #expect(try lawcat.run("check").status == 0)
    }

    @Test("Given withdraw and remove of a copy, then both withdraw it, keep its history and refuse anything after")
    func withdraw() throws {
        let lawcat = try circulationLawcat()
        var outcome = try lawcat.run("withdraw", "C1", "--note", "superseded")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "C1: withdrawn\n")
        outcome = try lawcat.run("remove", "C2")
        #expect(outcome.status == 0)
        for barcode in ["C1", "C2"] {
            #expect(try whereJSON(lawcat, barcode)["status"] as? String == "withdrawn")
            outcome = try lawcat.run("checkout", barcode, "--to", "Jane Smith")
            #expect(outcome.status == 1)
            #expect(outcome.stderr == "error: \(barcode): this copy has been withdrawn; nothing more can happen to it\n")
        }
        outcome = try lawcat.run("history", "C1")
        #expect(outcome.stdout.contains("withdrawn") && outcome.stdout.contains("superseded"))
        outcome = try lawcat.run("locations", "--json")
        #expect(outcome.stdout.contains("\"homed\" : 2"), "withdrawn copies are not counted")
    }

    @Test("Given checkin --at a location nobody named before, then it is added and close names are suggested")
    func newLocation() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith")
        let outcome = try lawcat.run("checkin", "C1", "--at", "London/Libary/Bay 1")
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "note: added the new location London/Libary/Bay 1; did you mean London/Library/Bay 1, London/Library/Bay 2?\n")
    }

    @Test("Given a pile of scanned barcodes on stdin, then each line is reported, a bad one does not stop the rest, and the exit code is 1")
    func scannerPile() throws {
        let lawcat = try circulationLawcat()
        var outcome = try lawcat.run("out", "-", "--to", "Jane Smith", "--due", "2026-12-10", input: "C1\r\n  \nNOPE\nP1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            C1: checked out to Jane Smith, due 2026-12-10 ('Chitty on Contracts')
            P1: checked out to Jane Smith, due 2026-12-10 ('Palmer's Company Law')

            """)
        #expect(outcome.stderr.contains("error: no copy has the barcode 'NOPE'"))
        #expect(outcome.stderr.hasSuffix("2 done, 1 failed\n"))
        outcome = try lawcat.run("in", "-", input: "C1\nP1\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").count == 2)
    }

    @Test("Given loans and a later clock, then loans, report and people list them with exact overdue days")
    func loansAndReports() throws {
        var lawcat = try circulationLawcat()
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--due", "2026-11-30")
        try lawcat.run("checkout", "P1", "--to", "Tom Reed")
        try lawcat.run("missing", "P2")
        lawcat.environment["LAWCAT_NOW"] = "2026-12-03T12:00:00Z"
        var outcome = try lawcat.run("loans")
        #expect(outcome.stdout.contains("C1       on-loan  unknown  Jane Smith  2026-11-26 09:30  2026-11-30 (+3d)"))
        #expect(outcome.stdout.contains("P1"))
        outcome = try lawcat.run("loans", "--overdue", "--json")
        let overdue = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(overdue.map { $0["barcode"] as? String } == ["C1"])
        #expect(overdue.first?["overdue_days"] as? Int == 3)
        outcome = try lawcat.run("loans", "--person", "Tom Reed", "--json")
        #expect(outcome.stdout.contains("\"P1\"") && !outcome.stdout.contains("\"C1\""))
        outcome = try lawcat.run("report", "overdue", "--days", "4")
        #expect(outcome.stdout == "Nothing to report.\n")
        outcome = try lawcat.run("report", "missing", "--json")
        #expect(outcome.stdout.contains("\"barcode\" : \"P2\"") && outcome.stdout.contains("\"last_seen\" : {"))
        outcome = try lawcat.run("report", "not-seen", "--days", "5", "--at", "London/Library/Bay 2")
        #expect(outcome.stdout.contains("C2 ") && !outcome.stdout.contains("P2"))
        outcome = try lawcat.run("people")
        #expect(outcome.stdout.contains("Jane Smith"))
        outcome = try lawcat.run("locations", "--json")
        #expect(outcome.stdout.contains("\"location\" : \"London/Library/Bay 1\""))
        #expect(outcome.stdout.contains("\"homed\" : 3"))
    }

    @Test("Given a stocktake from a file, then it lists every group and --json returns them")
    func stocktake() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("checkout", "P2", "--to", "Jane Smith")
        let scans = try lawcat.file("bay1.txt", "C1\n\n  C2  \nC1\nGHOST\n")
        var outcome = try lawcat.run("stocktake", "London/Library/Bay 1", scans)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("stocktake 1 of London/Library/Bay 1: 4 scanned, 3 distinct"))
        #expect(outcome.stdout.contains("To undo this stocktake: lawcat undo --stocktake 1"))
        #expect(outcome.stdout.contains("Misplaced (homed elsewhere): 1\n  C2 home London/Library/Bay 2"))
        #expect(outcome.stdout.contains("Not seen (believed here): 1\n  P1"))
        #expect(outcome.stdout.contains("On loan: 1\n  P2"))
        #expect(outcome.stdout.contains("Unknown barcodes: 1\n  GHOST"))
        #expect(outcome.stdout.contains("Scanned more than once (counted once): 1\n  C1 2 times"))
        outcome = try lawcat.run("stocktake", "London/Library/Bay 2", "--json", "--mark-missing", input: "C1\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((report["elsewhere"] as? [[String: Any]])?.first?["barcode"] as? String == "C2")
        #expect((report["not_seen"] as? [Any])?.isEmpty == true)
        for key in ["present", "misplaced", "not_seen", "elsewhere", "on_loan", "unknown", "duplicates"] {
            #expect(report.keys.contains(key))
        }
        #expect(try lawcat.run("check").status == 0)
    }

    @Test("Given a time zone, then times are shown in local time, stored in UTC, and today and due dates are local days")
    func localTime() throws {
        var lawcat = try circulationLawcat()
        lawcat.environment["TZ"] = "Pacific/Auckland"  // UTC+13 in November
        lawcat.environment["LAWCAT_NOW"] = "2026-11-26T12:00:00Z"  // 27 November, 01:00 in Auckland
        var outcome = try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--days", "1")
        #expect(outcome.stdout.contains("due 2026-11-28"))
        outcome = try lawcat.run("where", "C1")
        #expect(outcome.stdout.contains("on loan to Jane Smith since 2026-11-27 01:00, due 2026-11-28"))
        let copy = try whereJSON(lawcat, "C1")
        #expect(copy["since"] as? String == "2026-11-26T12:00:00.000Z")
        outcome = try lawcat.run("checkout", "C2", "--to", "Jane Smith", "--due", "2026-11-26")
        #expect(outcome.status == 64, "26 November is yesterday in Auckland")
    }

    @Test("Given the demo, then the tour shows a copy on loan, an overdue one and a missing one with its last known place")
    func demoTour() throws {
        var lawcat = try Lawcat()
        lawcat.environment["TZ"] = "UTC"
        let outcome = try lawcat.run("demo", "--db", "demo.sqlite", "--seed", Lawcat.repository.appendingPathComponent("seed").path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("on loan to "))
        #expect(outcome.stdout.contains("L000165  on-loan  unknown  Tobias Penhaligon  2026-10-22 09:30  2026-11-12 (+14d)"))
        #expect(outcome.stdout.contains(
            "missing since 2026-11-20 09:30, last seen at London/4F/Litigation on 2026-11-06 09:30 by Priya Raghunathan (seen)"))
        #expect(try lawcat.run("check", "--db", "demo.sqlite").status == 0)
    }
}
