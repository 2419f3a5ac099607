import Foundation
import Testing

/// The slips of a busy desk, each with its clear refusal: a mistyped command
/// is named with the one meant, `--db` may come before the command, and a due
/// date that cannot be says why.
@Suite("Command-line manners: mistyped commands, --db first, due dates")
struct CommandLineMannersTests {
    @Test("Given a mistyped command or alias, when run, then it is refused naming the command meant, exit 64",
          arguments: [
            (["checkot", "L1", "--to", "X"], "checkout"), (["serach", "chitty"], "search"),
            (["retrun", "L1"], "return"), (["hist", "L1"], "history"), (["CHECKIN", "L1"], "checkin"),
          ])
    func mistypedCommand(arguments: [String], meant: String) throws {
        let (lawcat, before) = try BadInputTests.stocked()
        try BadInputTests.expectRefused(
            lawcat.run(arguments), status: 64, saying: [], lawcat: lawcat, before: before)
        #expect(try lawcat.run(arguments).stderr
            == "error: unknown command '\(arguments[0])'; did you mean '\(meant)'?\n")
    }

    @Test("Given a word close to no command, when run, then it is refused pointing at lawcat help, exit 64")
    func unknownCommand() throws {
        let lawcat = try Lawcat()
        let outcome = try lawcat.run("frobnicate", "L1")
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "error: unknown command 'frobnicate'; see `lawcat help` for the commands\n")
    }

    @Test("Given an option value the parser refuses, then its sentence runs into where to look without a stray full stop")
    func parserMessage() throws {
        let lawcat = try Lawcat()
        let outcome = try lawcat.run(["users", "add", "x3", "--role", "admin"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasSuffix("'librarian'; see `lawcat help`\n"), "\(outcome.stderr)")
    }

    @Test("Given a scanner's runaway line as a barcode, then the error echoes only its start, on one short line")
    func runawayBarcode() throws {
        let (lawcat, before) = try BadInputTests.stocked()
        let runaway = String(repeating: "L0", count: 50_000)
        try BadInputTests.expectRefused(
            lawcat.run(["where", runaway]), status: 1, saying: ["error: no book or copy matches '" + runaway.prefix(80) + "…'"],
            lawcat: lawcat, before: before)
        #expect(try lawcat.run(["where", runaway]).stderr.count < 300)
    }

    @Test("Given --db before the command, or between a group and its subcommand, as --db PATH or --db=PATH, then the command uses that catalogue")
    func databaseFirst() throws {
        var lawcat = try Lawcat()
        let elsewhere = lawcat.folder.appendingPathComponent("law.sqlite").path
        #expect(try lawcat.run("add", "--db", elsewhere, "--title", "Chitty on Contracts").status == 0)
        #expect(try lawcat.run("people", "--db", elsewhere, "add", "Jane Smith").status == 0)
        lawcat.environment["LAWCAT_DB"] = lawcat.folder.appendingPathComponent("other.sqlite").path
        for (arguments, shown) in [
            (["--db", elsewhere, "search", "chitty"], "Chitty on Contracts"), (["--db=\(elsewhere)", "search", "chitty"], "Chitty on Contracts"),
            (["people", "--db", elsewhere, "list"], "Jane Smith"), (["people", "--db=\(elsewhere)", "list"], "Jane Smith"),
        ] {
            let outcome = try lawcat.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.contains(shown), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue), "LAWCAT_DB was not used")
        for twice in [["--db", elsewhere, "search", "--db", elsewhere, "chitty"], ["--db", elsewhere, "people", "--db", elsewhere, "list"]] {
            let outcome = try lawcat.run(twice)
            #expect(outcome.status == 64)
            #expect(outcome.stderr == "error: --db is given twice; give it once\n")
        }
        let alone = try lawcat.run("--db", elsewhere)
        #expect(alone.status == 64)
        #expect(alone.stderr == "error: give a command after --db PATH, e.g. `lawcat --db law.sqlite search chitty`\n")
        let bare = try lawcat.run("--db")
        #expect(bare.status == 64)
        #expect(bare.stderr.hasPrefix("error: give --db a path"))
    }

    @Test("Given a due date that cannot be, when a copy is checked out, then the error names the real problem and nothing is lent",
          arguments: [
            (["--due", "2026-02-30"], "invalid --due '2026-02-30': no such day (February 2026 has 28 days)"),
            (["--due", "2028-02-30"], "invalid --due '2028-02-30': no such day (February 2028 has 29 days)"),
            (["--due", "2026-11-31"], "invalid --due '2026-11-31': no such day (November 2026 has 30 days)"),
            (["--due", "2026-13-01"], "invalid --due '2026-13-01': no such month (months run from 01 to 12)"),
            (["--due", "1/12/2026"], "invalid --due '1/12/2026': write it as YYYY-MM-DD, e.g. 2026-12-01"),
            (["--days", "-3"], "invalid --days '-3': must be 1 or more"),
            (["--days", "0"], "invalid --days '0': must be 1 or more"),
            (["--days", "99999999"], "invalid --days '99999999': must be at most 3650 (ten years)"),
          ])
    func impossibleDueDate(due: [String], message: String) throws {
        let (lawcat, before) = try BadInputTests.stocked()
        try BadInputTests.expectRefused(
            lawcat.run(["checkout", "L1", "--to", "Jane Smith"] + due), status: 64, saying: ["error: " + message],
            lawcat: lawcat, before: before)
        #expect(try !lawcat.run("loans").stdout.contains("L1"), "nothing was lent")
    }
}
