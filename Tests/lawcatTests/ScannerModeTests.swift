import Foundation
import Testing

/// Scanner mode (`checkout -`, `checkin -`) answers as the librarian scans:
/// each barcode is its own transaction, answered and flushed before the next
/// line is read; an interrupt or a kill loses nothing already answered.
@Suite("Scanner mode answers as you scan", .timeLimit(.minutes(2)))
struct ScannerModeTests {
    /// The copies on loan, by `loans --json`.
    static func onLoan(_ lawcat: Lawcat) throws -> Set<String> {
        let outcome = try lawcat.run("loans", "--json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let loans = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return Set(loans.compactMap { $0["barcode"] as? String })
    }

    @Test("Given a checkout pile fed a line at a time, then each scan is answered before the next is sent, a bad one on stderr, and the pile goes on")
    func answersAsItScans() throws {
        let lawcat = try circulationLawcat()
        let pile = try LiveLawcat(lawcat, ["checkout", "-", "--to", "Jane Smith", "--due", "2026-12-10"])
        pile.send("C1")
        #expect(pile.waitForAnswers(1), "no answer to the first scan while the pile is open: \(pile.stdout)")
        #expect(pile.stdout == "C1: checked out to Jane Smith, due 2026-12-10 ('Chitty on Contracts')\n")
        // Recorded already, while the pile is still open.
        #expect(try Self.onLoan(lawcat) == ["C1"])

        pile.send("nope")
        #expect(pile.wait { _, err in err.contains("error: no copy has the barcode 'nope'") }, "\(pile.stderr)")
        pile.send("  ")
        pile.send("P1")
        #expect(pile.waitForAnswers(2), "\(pile.stdout)")
        #expect(pile.stdout.hasSuffix("P1: checked out to Jane Smith, due 2026-12-10 ('Palmer's Company Law')\n"))

        let outcome = pile.finish()
        #expect(outcome.status == 1, "a failed line makes the exit code 1")
        #expect(outcome.stderr.hasSuffix("2 done, 1 failed\n"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("\u{07}"), "no bell when stderr is not a terminal")
    }

    @Test("Given a checkin pile fed a line at a time, then each return is answered before the next is sent")
    func checkinAnswersAsItScans() throws {
        let lawcat = try circulationLawcat()
        #expect(try lawcat.run("checkout", "C1", "--to", "Jane Smith").status == 0)
        #expect(try lawcat.run("checkout", "P1", "--to", "Jane Smith").status == 0)
        let pile = try LiveLawcat(lawcat, ["return", "-"])
        pile.send("C1")
        #expect(pile.waitForAnswers(1), "\(pile.stdout)")
        #expect(pile.stdout == "C1: checked in at London/Library/Bay 1 ('Chitty on Contracts')\n")
        #expect(try Self.onLoan(lawcat) == ["P1"])
        pile.send("P1")
        #expect(pile.waitForAnswers(2))
        let outcome = pile.finish()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Self.onLoan(lawcat).isEmpty)
    }

    @Test("Given a pile interrupted while it waits for the next scan, then it stops, prints the count, exits 128 + the signal, and the catalogue holds exactly the answered scans",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interrupted(signal: Int32, status: Int32) throws {
        let lawcat = try circulationLawcat()
        let pile = try LiveLawcat(lawcat, ["checkout", "-", "--to", "Jane Smith"])
        pile.send("C1")
        pile.send("P1")
        #expect(pile.waitForAnswers(2), "\(pile.stdout)")
        kill(pile.process.processIdentifier, signal)
        let outcome = pile.finish(closingInput: false)
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.hasSuffix("interrupted: 2 done, 0 failed; every scan answered above is recorded\n"), "\(outcome.stderr)")
        #expect(try Self.onLoan(lawcat) == ["C1", "P1"])
        let check = try lawcat.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("Given a stocktake scanning stdin interrupted while it waits, then it keeps its sightings, marks nothing missing, says how to undo it and exits 128 + the signal",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func stocktakeInterrupted(signal: Int32, status: Int32) throws {
        let lawcat = try circulationLawcat()
        let pile = try LiveLawcat(lawcat, ["stocktake", "London/Library/Bay 1", "--mark-missing", "--force"])
        pile.send("C1")
        #expect(pile.wait { _, err in err.contains("C1: seen here") }, "\(pile.stderr)")
        kill(pile.process.processIdentifier, signal)
        let outcome = pile.finish(closingInput: false)
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("interrupted: stocktake 1 of London/Library/Bay 1 keeps its 1 scans as sightings; nothing is marked missing"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("`lawcat undo --stocktake 1`"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "no report for a stocktake cut short: \(outcome.stdout)")
        #expect(try lawcat.run("history", "C1").stdout.contains("seen"))
        let unscanned = try lawcat.run("history", "P1")
        #expect(unscanned.status == 0, "\(unscanned.stderr)")
        #expect(!unscanned.stdout.contains("missing"), "P1 was not scanned, but must not be marked missing: \(unscanned.stdout)")
        #expect(try lawcat.run("check").status == 0)
    }

    @Test("Given a pile killed outright (SIGKILL) after some answers, then every answered scan is recorded and check is clean")
    func killed() throws {
        let lawcat = try circulationLawcat()
        let pile = try LiveLawcat(lawcat, ["checkout", "-", "--to", "Jane Smith"])
        for (n, barcode) in ["C1", "C2", "P1"].enumerated() {
            pile.send(barcode)
            #expect(pile.waitForAnswers(n + 1), "\(pile.stdout)")
        }
        kill(pile.process.processIdentifier, SIGKILL)
        _ = pile.finish(closingInput: false)
        let answered = Set(pile.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) })
        #expect(answered == ["C1", "C2", "P1"])
        #expect(try Self.onLoan(lawcat) == answered)
        let history = try lawcat.run("history", "P1")
        #expect(history.stdout.contains("checked-out"), "\(history.stdout)")
        #expect(try lawcat.run("check").status == 0)
    }

    static let script = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("Given a pile on a terminal, then a failed scan rings the bell in red and a running count waits for the next scan",
          .enabled(if: script, "needs util-linux script(1) for a terminal"))
    func onATerminal() throws {
        var lawcat = try circulationLawcat()
        lawcat.environment["NO_COLOR"] = nil
        lawcat.environment["TERM"] = "xterm"
        // script(1) runs lawcat on a pseudo-terminal: stdin, stdout and stderr all a tty.
        let command = "'\(Lawcat.binary.path)' checkout - --to 'Jane Smith'"
        let pile = try LiveLawcat(lawcat, ["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(pile.wait { out, _ in out.contains("[0 done] ") }, "\(pile.stdout)")
        pile.send("C1")
        #expect(pile.wait { out, _ in out.contains("[1 done] ") }, "\(pile.stdout)")
        pile.send("NOPE")
        #expect(pile.wait { out, _ in out.contains("\u{07}\u{1B}[1;31merror: no copy has the barcode 'NOPE'") }, "\(pile.stdout)")
        #expect(pile.wait { out, _ in out.contains("[1 done, \u{1B}[31m1 failed\u{1B}[0m] ") }, "\(pile.stdout)")
        // The end of input reaches lawcat through the terminal as an end of file.
        let outcome = pile.finish()
        #expect(outcome.stdout.hasSuffix("1 done, 1 failed\r\n"), "\(outcome.stdout)")
        #expect(try Self.onLoan(lawcat) == ["C1"])
    }
}
