import Foundation
import Testing

/// "Today" is the catalogue's local day (TZ), the day a librarian means, for
/// every command that asks whether a loan is overdue.
@Suite("Today is the local day")
struct TodayTests {
    @Test("Given a loan due on 26 November and a clock at 01:00 on 27 November in Auckland (still 26 November in UTC), then search is:overdue, loans --overdue and report overdue all call it overdue")
    func overdueAfterLocalMidnight() throws {
        var lawcat = try circulationLawcat()
        var outcome = try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--due", "2026-11-26")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        lawcat.environment["TZ"] = "Pacific/Auckland"  // UTC+13 in November
        lawcat.environment["LAWCAT_NOW"] = "2026-11-26T12:00:00Z"  // 27 November, 01:00 in Auckland

        outcome = try lawcat.run("loans", "--overdue")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("C1"), "loans --overdue: \(outcome.stdout)")

        outcome = try lawcat.run("report", "overdue")
        #expect(outcome.stdout.contains("C1"), "report overdue: \(outcome.stdout)")

        outcome = try lawcat.run("search", "is:overdue")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Chitty on Contracts"), "search is:overdue: \(outcome.stdout)")
    }

    @Test("Given a loan due on 26 November and a clock at 23:00 on 26 November in New York (27 November in UTC), then no command calls it overdue yet")
    func notOverdueBeforeLocalMidnight() throws {
        var lawcat = try circulationLawcat()
        var outcome = try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--due", "2026-11-26")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        lawcat.environment["TZ"] = "America/New_York"  // UTC-5 in November
        lawcat.environment["LAWCAT_NOW"] = "2026-11-27T04:00:00Z"  // 26 November, 23:00 in New York

        outcome = try lawcat.run("loans", "--overdue")
        #expect(outcome.stdout == "No loans are overdue.\n", "loans --overdue: \(outcome.stdout)")

        outcome = try lawcat.run("search", "is:overdue")
        #expect(outcome.stdout.hasPrefix("no books match"), "search is:overdue: \(outcome.stdout)")
    }
}
