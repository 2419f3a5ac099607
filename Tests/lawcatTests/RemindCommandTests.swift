import Foundation
import Testing

@Suite("Overdue reminders")
struct RemindCommandTests {
    /// Jane (with an e-mail) has two overdue loans, Tom (without) one, Amy one not yet due.
    func overdue() throws -> Lawcat {
        var lawcat = try circulationLawcat()
        lawcat.environment["LAWCAT_FROM"] = "The Library <library@firm.example>"
        try lawcat.run("people", "add", "Jane Smith", "--email", "jane@firm.example")
        try lawcat.run("people", "add", "Amy Lee", "--email", "amy@firm.example")
        lawcat.environment["LAWCAT_NOW"] = "2026-11-01T10:00:00Z"
        try lawcat.run("checkout", "C1", "--to", "Jane Smith", "--due", "2026-11-15")
        try lawcat.run("checkout", "P1", "--to", "Jane Smith", "--due", "2026-11-20")
        try lawcat.run("checkout", "P2", "--to", "Tom Jones", "--due", "2026-11-20")
        try lawcat.run("checkout", "C2", "--to", "Amy Lee", "--due", "2026-12-20")
        lawcat.environment["LAWCAT_NOW"] = Lawcat.now
        return lawcat
    }

    @Test("Given overdue loans, when remind runs, then one RFC 5322 message is written to each borrower with an e-mail, listing each book, and borrowers without one are named on stderr")
    func writes() throws {
        let lawcat = try overdue()
        let outcome = try lawcat.run("remind", "--out", "mail")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let file = lawcat.folder.appendingPathComponent("mail/2026-11-26-jane-smith.eml")
        #expect(outcome.stdout == "wrote a reminder to Jane Smith <jane@firm.example> of 2 overdue books: mail/2026-11-26-jane-smith.eml\n")
        #expect(outcome.stderr.contains("no e-mail for Tom Jones (1 overdue)"), "\(outcome.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: lawcat.folder.appendingPathComponent("mail").path)
        #expect(files == ["2026-11-26-jane-smith.eml"])
        let message = try String(contentsOf: file, encoding: .utf8)
        #expect(message.contains("\r\n"))
        let lines = message.components(separatedBy: "\r\n")
        #expect(lines.contains("From: The Library <library@firm.example>"))
        #expect(lines.contains("To: \"Jane Smith\" <jane@firm.example>"))
        #expect(lines.contains("Date: Thu, 26 Nov 2026 09:30:00 +0000"))
        #expect(lines.contains { $0.hasPrefix("Subject: Overdue library books") })
        #expect(lines.contains("  Chitty on Contracts"))
        #expect(lines.contains("    barcode C1, borrowed 2026-11-01, due 2026-11-15 (11 days overdue)"))
        #expect(lines.contains("    barcode P1, borrowed 2026-11-01, due 2026-11-20 (6 days overdue)"))
        #expect(lines.suffix(2) == ["The Library", ""])
        #expect(try historyJSON(lawcat, "C1").last?["kind"] as? String == "reminded")
        try expectClean(lawcat)
    }

    @Test("Given reminders written today, when remind runs again, then nothing is repeated unless --again")
    func notTwice() throws {
        let lawcat = try overdue()
        try lawcat.run("remind", "--out", "mail")
        let second = try lawcat.run("remind", "--out", "mail", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect((report["reminders"] as? [Any])?.isEmpty == true)
        #expect(report["already_reminded"] as? [String] == ["Jane Smith"])
        #expect(report["without_email"] as? [String] == ["Tom Jones"])
        let again = try lawcat.run("remind", "--out", "mail", "--again")
        #expect(again.stdout.contains("wrote a reminder to Jane Smith"), "\(again.stdout)")
        #expect(try historyJSON(lawcat, "C1").filter { $0["kind"] as? String == "reminded" }.count == 2)
    }

    @Test("Given --days 10, then only loans overdue by 10 days or more are reminded of")
    func days() throws {
        let lawcat = try overdue()
        let outcome = try lawcat.run("remind", "--out", "mail", "--days", "10")
        #expect(outcome.stdout.contains("of 1 overdue book"), "\(outcome.stdout)")
        #expect(!outcome.stderr.contains("Tom Jones"))
    }

    @Test("Given --send and no sendmail on PATH, then it says so and exits 1, writing and recording nothing; with a sendmail, each message is handed to it")
    func send() throws {
        var lawcat = try overdue()
        lawcat.environment["PATH"] = lawcat.folder.path
        let none = try lawcat.run("remind", "--out", "mail", "--send")
        #expect(none.status == 1)
        #expect(none.stderr.hasPrefix("error: there is no sendmail on this system"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lawcat.folder.appendingPathComponent("mail").path))
        #expect(try historyJSON(lawcat, "C1").last?["kind"] as? String == "checked-out")

        let spool = lawcat.folder.appendingPathComponent("spool").path
        let fake = try lawcat.file("sendmail", "#!/bin/sh\ncat >> '\(spool)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        lawcat.environment["PATH"] = lawcat.folder.path + ":/usr/bin:/bin"
        let sent = try lawcat.run("remind", "--out", "mail", "--send")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.hasPrefix("sent a reminder to Jane Smith"))
        #expect(try String(contentsOfFile: spool, encoding: .utf8).contains("To: \"Jane Smith\" <jane@firm.example>"))
    }

    @Test("Given no LAWCAT_FROM, then remind says to set it, exit 64")
    func needsSender() throws {
        var lawcat = try overdue()
        lawcat.environment["LAWCAT_FROM"] = nil
        let outcome = try lawcat.run("remind")
        #expect(outcome.status == 64 && outcome.stderr.contains("set LAWCAT_FROM"), "\(outcome.stderr)")
    }
}
