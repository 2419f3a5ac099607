import Catalogue
import Foundation
import GRDB
import Testing

/// A clock that tests move on by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ text: String) {
        // "Today" and due dates are local days: pin the time zone for exact answers.
        setenv("TZ", "UTC", 1)
        tzset()
        date = Timestamp.date(from: text)!
    }

    func set(_ text: String) {
        lock.withLock { date = Timestamp.date(from: text)! }
    }

    var clock: Clock { Clock { [self] in lock.withLock { date } } }
}

/// A catalogue with one book ('Chitty on Contracts') and copies C1 (home
/// London/Library/Bay 1) and C2 (home London/Library/Bay 2).
func circulationCatalogue(_ clock: TestClock) throws -> CatalogueDatabase {
    let db = try temporaryCatalogue(clock: clock.clock)
    _ = try db.addBook(
        BookFields(title: "Chitty on Contracts", authors: ["Beale, Hugh"], isbn: "9780414108004"),
        copies: [NewCopy(barcode: "C1", location: "London/Library/Bay 1"), NewCopy(barcode: "C2", location: "London/Library/Bay 2")])
    return db
}

@Suite("Circulation, in the library")
struct CirculationTests {
    func copy(_ db: CatalogueDatabase, _ barcode: String) throws -> Whereabouts {
        try #require(try db.whereabouts(barcode).copies.first { $0.barcode == barcode })
    }

    @Test("Given a copy followed through loan, move, sighting, missing and found, then where answers rightly at each step and check stays clean")
    func oneCopyThroughItsLife() throws {
        let clock = TestClock("2026-11-02T09:00:00Z")
        let db = try circulationCatalogue(clock)

        var c1 = try copy(db, "C1")
        #expect(c1.status == .onShelf)
        #expect(c1.location == "London/Library/Bay 1")
        #expect(c1.lastSeen?.how == .added)

        clock.set("2026-11-03T10:00:00Z")
        let out = try db.checkout(barcode: "C1", to: "Jane Smith", due: .days(14), at: "London/5F/Meeting room 5.12")
        #expect(out.personAdded == "Jane Smith")
        #expect(out.due == "2026-11-17")
        c1 = try copy(db, "C1")
        #expect(c1.status == .onLoan)
        #expect(c1.borrower == "Jane Smith")
        #expect(c1.location == "London/5F/Meeting room 5.12")
        #expect(c1.home == "London/Library/Bay 1")
        #expect(c1.overdueDays == 0)

        clock.set("2026-11-20T08:00:00Z")
        _ = try db.move(barcode: "C1", to: "London/4F/Litigation")
        c1 = try copy(db, "C1")
        #expect(c1.status == .onLoan)
        #expect(c1.location == "London/4F/Litigation")
        #expect(c1.overdueDays == 3)
        #expect(c1.lastSeen?.how == .moved)

        clock.set("2026-11-21T08:00:00Z")
        _ = try db.checkin(barcode: "C1")
        _ = try db.seen(barcode: "C1", at: "London/Library/Bay 1", by: "Tom Reed")
        c1 = try copy(db, "C1")
        #expect(c1.status == .onShelf)
        let sighting = try #require(c1.lastSeen)
        #expect(sighting.location == "London/Library/Bay 1")
        #expect(sighting.at == "2026-11-21T08:00:00.000Z")
        #expect(sighting.by == "Tom Reed")
        #expect(sighting.how == .seen)
        let loan = try #require(c1.lastBorrower)
        #expect(loan.name == "Jane Smith")
        #expect(loan.out == "2026-11-03T10:00:00.000Z")
        #expect(loan.returned == "2026-11-21T08:00:00.000Z")

        clock.set("2026-11-25T12:00:00Z")
        _ = try db.reportMissing(barcode: "C1", note: "not on its shelf")
        c1 = try copy(db, "C1")
        #expect(c1.status == .missing)
        #expect(c1.since == "2026-11-25T12:00:00.000Z")
        #expect(c1.lastSeen?.location == "London/Library/Bay 1")
        #expect(c1.lastSeen?.by == "Tom Reed")
        #expect(c1.lastBorrower?.name == "Jane Smith")

        // A later sighting ends its missing state, with a `found` event first.
        clock.set("2026-11-26T09:00:00Z")
        let seen = try db.seen(barcode: "C1", at: "London/3F/Kitchen")
        #expect(seen.wasMissing)
        c1 = try copy(db, "C1")
        #expect(c1.status == .onShelf)
        #expect(c1.location == "London/3F/Kitchen")
        #expect(c1.trail.suffix(2).map(\.kind.rawValue) == ["found", "seen"])

        _ = try db.reportMissing(barcode: "C1")
        _ = try db.found(barcode: "C1")
        c1 = try copy(db, "C1")
        #expect(c1.status == .onShelf)
        #expect(c1.location == "London/Library/Bay 1")
        #expect(try db.history("C1").events.map(\.kind.rawValue) == [
            "added", "checked-out", "moved", "returned", "seen", "missing", "found", "seen", "missing", "found",
        ])
        #expect(try db.check().isClean)
    }

    @Test("Given refusals, when they happen, then the error says what to do and nothing changes")
    func refusals() throws {
        let clock = TestClock("2026-11-26T09:30:00Z")
        let db = try circulationCatalogue(clock)
        _ = try db.checkout(barcode: "C1", to: "Jane Smith")
        let before = try db.history("C1").events
        #expect(throws: CatalogueError.refused(
            barcode: "C1",
            reason: Reason(
                commandLine: "already on loan to Jane Smith; check it in first with `lawcat checkin C1`",
                browser: "already on loan to Jane Smith; check it in first (Check in, then scan it)"))
        ) { try db.checkout(barcode: "C1", to: "Bob") }
        #expect(try db.people().map(\.name) == ["Jane Smith"], "the refused borrower was not added")
        #expect(throws: CatalogueError.refused(barcode: "C2", reason: "this copy is not on loan, so there is nothing to check in")) {
            try db.checkin(barcode: "C2")
        }
        #expect(throws: CatalogueError.copyNotFound(barcode: "NOPE")) { try db.checkout(barcode: "NOPE", to: "Jane Smith") }
        #expect(throws: CatalogueError.self) { try db.checkout(barcode: "C2", to: "Jane Smith", due: .date("2026-11-25")) }
        #expect(throws: CatalogueError.self) { try db.checkout(barcode: "C2", to: "Jane Smith", due: .date("2026-02-30")) }
        _ = try db.reportMissing(barcode: "C2")
        #expect(throws: CatalogueError.self) { try db.checkout(barcode: "C2", to: "Jane Smith") }
        #expect(throws: CatalogueError.self) { try db.reportMissing(barcode: "C2") }
        _ = try db.found(barcode: "C2")
        try db.withdraw(barcode: "C2")
        #expect(throws: CatalogueError.self) { try db.seen(barcode: "C2") }
        #expect(try db.history("C1").events == before)
        #expect(try db.check().isClean)
    }

    @Test("Given a missing copy, when a sighting is appended to the log directly, then SQLite refuses it: found must come first")
    func missingNeedsFound() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        _ = try db.reportMissing(barcode: "C1")
        for kind in ["seen", "moved", "returned"] {
            #expect(throws: DatabaseError.self) {
                try db.writer.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO event(copy_id, kind, at, location_id)
                            SELECT id, ?, '2026-11-26T10:00:00.000Z', home_id FROM copy WHERE barcode = 'C1'
                            """, arguments: [kind])
                }
            }
        }
        #expect(try db.whereabouts("C1").copies.first?.status == .missing)
    }

    @Test("Given a due date of today, when lent, then it is accepted and overdue only from tomorrow")
    func dueToday() throws {
        let clock = TestClock("2026-11-26T09:30:00Z")
        let db = try circulationCatalogue(clock)
        _ = try db.checkout(barcode: "C1", to: "Jane Smith", due: .date("2026-11-26"))
        #expect(try db.loans(overdue: true).isEmpty)
        clock.set("2026-11-27T00:30:00Z")
        #expect(try db.loans(overdue: true).map(\.overdueDays) == [1])
        #expect(try db.report(.overdue).map(\.barcode) == ["C1"])
        #expect(try db.report(.overdue, days: 2).isEmpty)
    }

    @Test("Given shelves stocktaken one by one, when a copy was scanned on an earlier shelf, then it is elsewhere, not missing")
    func stocktakeShelfByShelf() throws {
        let clock = TestClock("2026-11-26T09:30:00Z")
        let db = try circulationCatalogue(clock)
        _ = try db.addBook(
            BookFields(title: "Palmer's Company Law"),
            copies: [
                NewCopy(barcode: "P1", location: "London/Library/Bay 1"),
                NewCopy(barcode: "P2", location: "London/Library/Bay 1"),
                NewCopy(barcode: "P3", location: "London/Library/Bay 1"),
            ])
        _ = try db.checkout(barcode: "P3", to: "Jane Smith")
        _ = try db.checkout(barcode: "C2", to: "Tom Reed")

        // Bay 2 first: C1 (homed at Bay 1) sits here; C2 (homed here) was on loan and is on the shelf.
        let bay2 = try db.stocktake(at: "London/Library/Bay 2", scanned: ["C1", " C2 ", "", "C1", "ZZZ"])
        #expect(bay2.scanned == 4 && bay2.distinct == 3)
        #expect(bay2.present.map(\.barcode) == ["C2"])
        #expect(bay2.returned.map(\.barcode) == ["C2"])
        #expect(bay2.misplaced.map(\.barcode) == ["C1"])
        #expect(bay2.misplaced.first?.home == "London/Library/Bay 1")
        #expect(bay2.unknown == ["ZZZ"])
        #expect(bay2.duplicates == [DuplicateScan(barcode: "C1", times: 2)])

        // Then Bay 1: P1 scanned; P2 not seen; C1 elsewhere (Bay 2); P3 on loan.
        let bay1 = try db.stocktake(at: "London/Library/Bay 1", scanned: ["P1"], markMissing: true)
        #expect(bay1.present.map(\.barcode) == ["P1"])
        #expect(bay1.notSeen.map(\.barcode) == ["P2"])
        #expect(bay1.elsewhere.map(\.barcode) == ["C1"])
        #expect(bay1.elsewhere.first?.location == "London/Library/Bay 2")
        #expect(bay1.onLoan.map(\.barcode) == ["P3"])
        #expect(bay1.markedMissing == 1)
        #expect(try copy(db, "P2").status == .missing)
        #expect(try copy(db, "C1").status == .onShelf)
        #expect(try db.history("P2").events.last?.note?.contains("stocktake of London/Library/Bay 1") == true)
        #expect(try db.check().isClean)
    }

    @Test("Given a dry run, when stocktaking, then the report is full and nothing is recorded")
    func stocktakeDryRun() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        let before = try db.history("C1").events
        let report = try db.stocktake(at: "London/Library", scanned: ["C1"], dryRun: true, markMissing: true)
        #expect(report.notSeen.map(\.barcode) == ["C2"])
        #expect(report.id == 0)
        #expect(report.markedMissing == 1)
        #expect(try db.history("C1").events == before)
    }

    @Test("Given a copy whose stored state was tampered with, when checked, then check names the difference")
    func checkFindsDrift() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        _ = try db.checkout(barcode: "C1", to: "Jane Smith", due: .days(7))
        #expect(try db.check().isClean)
        try db.writer.write { db in
            try db.execute(sql: "UPDATE copy SET due = '2027-01-01' WHERE barcode = 'C1'")
            try db.execute(sql: "UPDATE copy SET location_id = NULL WHERE barcode = 'C2'")
        }
        let report = try db.check()
        #expect(!report.isClean)
        #expect(report.copies.count == 2)
        #expect(report.copies.contains { $0.hasPrefix("copy C1: due is 2027-01-01, its events say 2026-12-03") })
        #expect(report.copies.contains { $0.hasPrefix("copy C2: place is null") })
    }

    @Test("Given a broken full-text index, when checked, then check reports it")
    func checkFindsBrokenIndex() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        try db.writer.write { db in
            // Change the text behind the index's back.
            try db.execute(sql: "DROP TRIGGER book_fts_after_update")
            try db.execute(sql: "UPDATE book SET title = 'Something else entirely'")
        }
        #expect(try db.check().fullText.count == 1)
    }

    @Test("Given a trigger dropped, an index changed and a table of the librarian's own, when checked, then check names the trigger and the index, and nothing else")
    func checkFindsSchemaChanges() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        #expect(try db.check().schema.isEmpty)
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER event_places_added_copy")
            try db.execute(sql: "DROP INDEX copy_by_home")
            try db.execute(sql: "CREATE INDEX copy_by_home ON copy(home_id, barcode)")
            try db.execute(sql: "CREATE TABLE librarians_notes(note TEXT)")
        }
        let report = try db.check()
        #expect(!report.isClean)
        #expect(report.schema == [
            "the index copy_by_home is not as lawcat made it; restore a backup with `lawcat restore`",
            "the trigger event_places_added_copy is missing; restore a backup with `lawcat restore`",
        ])
        #expect(report.problems.filter { $0.hasPrefix("schema: ") }.count == 2)
    }

    @Test("Given loans, reports and counts, then locations, people, loans and reports list the right copies")
    func listings() throws {
        let clock = TestClock("2026-06-01T09:00:00Z")
        let db = try circulationCatalogue(clock)
        _ = try db.checkout(barcode: "C1", to: "Jane Smith", due: .date("2026-06-10"), at: "London/5F/Room 1")
        clock.set("2026-12-01T09:00:00Z")
        #expect(try db.loans(person: "jane smith").map(\.barcode) == ["C1"])
        #expect(throws: CatalogueError.personNotFound(name: "Nobody")) { try db.loans(person: "Nobody") }
        #expect(try db.report(.overdue).first?.overdueDays == 174)
        #expect(try db.report(.notSeen, days: 100).map(\.barcode) == ["C1", "C2"])
        #expect(try db.report(.notSeen, days: 100, at: "London/Library/Bay 2").map(\.barcode) == ["C2"])
        #expect(try db.report(.missing).isEmpty)
        let counts = Dictionary(uniqueKeysWithValues: try db.locationCounts().map { ($0.location, ($0.homed, $0.nowAt)) })
        #expect(counts["London/Library/Bay 1"]! == (1, 0))
        #expect(counts["London/5F/Room 1"]! == (0, 1))
        #expect(try db.people().first.map { ($0.name, $0.onLoan, $0.loans) }! == ("Jane Smith", 1, 1))
    }

    @Test("Given free text, an ISBN or a barcode, then where finds the book and names the next matches")
    func whereFinds() throws {
        let db = try circulationCatalogue(TestClock("2026-11-26T09:30:00Z"))
        _ = try db.addBook(BookFields(title: "Chitty on Contracts: Supplement"), copies: [NewCopy(barcode: "S1", location: "London/Library/Bay 1")])
        #expect(try db.whereabouts("C2").copies.map(\.barcode) == ["C2", "C1"])
        #expect(try db.whereabouts("978-0-414-10800-4").copies.map(\.barcode) == ["C1", "C2"])
        let text = try db.whereabouts("chitty contracts")
        #expect(Set(text.copies.map(\.title)).count == 1, "one book answers")
        #expect(text.otherMatches.count == 1, "the other book is named")
        #expect(throws: CatalogueError.bookNotFound("zzzz")) { try db.whereabouts("zzzz") }
    }
}
