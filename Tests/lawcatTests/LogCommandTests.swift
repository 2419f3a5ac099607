import Foundation
import Testing

/// `log ARGUMENTS --json`, as an array of events.
func logJSON(_ lawcat: Lawcat, _ arguments: String...) throws -> [[String: Any]] {
    let outcome = try lawcat.run(["log"] + arguments + ["--json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
}

@Suite("The log")
struct LogCommandTests {
    /// Three days of work: added on the 26th, lent and seen on the 27th, returned and moved on the 28th (today).
    func twoDays() throws -> Lawcat {
        var lawcat = try circulationLawcat()
        lawcat.environment["LAWCAT_NOW"] = "2026-11-27T10:00:00Z"
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--due", "2026-12-01", "--at", "London/5F/Room 2")
        try lawcat.run("seen", "P1", "--by", "Tom Jones", "--at", "London/Library/Bay 1")
        lawcat.environment["LAWCAT_NOW"] = "2026-11-28T09:30:00Z"
        try lawcat.run("checkin", "C1", "--note", "left at the desk")
        try lawcat.run("move", "P2", "Edinburgh/Library")
        return lawcat
    }

    @Test("Given a log, when it is asked for one day, then it lists that day's events, newest first, with barcode, title, who and where; the JSON has exactly the documented keys")
    func onDay() throws {
        let lawcat = try twoDays()
        let today = try logJSON(lawcat, "--on", "today")
        #expect(today.map { $0["barcode"] as? String ?? "" } == ["P2", "C1"])
        #expect(Set(today[0].keys) == ["at", "barcode", "title", "kind", "location", "person", "note", "due"])
        #expect(today[1]["kind"] as? String == "returned" && today[1]["note"] as? String == "left at the desk")
        #expect(today[1]["title"] as? String == "Chitty on Contracts")
        let yesterday = try logJSON(lawcat, "--on", "2026-11-27")
        #expect(yesterday.map { $0["kind"] as? String ?? "" } == ["seen", "checked-out"])
        #expect(yesterday[1]["person"] as? String == "Jane Smith" && yesterday[1]["due"] as? String == "2026-12-01")
        let table = try lawcat.run("log", "--on", "yesterday")
        #expect(table.stdout.contains("checked-out to Jane Smith, due 2026-12-01"), "\(table.stdout)")
    }

    @Test("Given a log, when it is filtered by person, place, kind and days, then only matching events are listed")
    func filters() throws {
        let lawcat = try twoDays()
        #expect(try logJSON(lawcat, "--by", "Tom Jones").map { $0["kind"] as? String ?? "" } == ["seen"])
        #expect(try logJSON(lawcat, "--at", "Edinburgh").map { $0["barcode"] as? String ?? "" } == ["P2"])
        #expect(try logJSON(lawcat, "--kind", "added").count == 4)
        #expect(try logJSON(lawcat, "--since", "2026-11-27", "--until", "2026-11-27").count == 2)
        #expect(try logJSON(lawcat, "--since", "2026-11-27").count == 4)
        #expect(try logJSON(lawcat, "--at", "London/Library", "--kind", "seen").count == 1)
    }

    @Test("Given bad filters, then each is one line and a meaningful exit code")
    func badFilters() throws {
        let lawcat = try twoDays()
        let day = try lawcat.run("log", "--on", "2026-02-30")
        #expect(day.status == 64 && day.stderr.contains("February 2026 has 28 days"), "\(day.stderr)")
        let nobody = try lawcat.run("log", "--by", "Jane Smyth")
        #expect(nobody.status == 1 && nobody.stderr.contains("did you mean Jane Smith"), "\(nobody.stderr)")
        let nowhere = try lawcat.run("log", "--at", "Glasgow")
        #expect(nowhere.status == 1 && nowhere.stderr.hasPrefix("error: no location is called Glasgow"), "\(nowhere.stderr)")
        let kind = try lawcat.run("log", "--kind", "borrowed")
        #expect(kind.status == 64, "\(kind.stderr)")
        let both = try lawcat.run("log", "--on", "today", "--since", "2026-11-01")
        #expect(both.status == 64)
    }
}
