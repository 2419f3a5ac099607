// `lawcat remind`: one e-mail a borrower with overdue loans, written as
// .eml files (and, with --send, handed to the system's sendmail).
import ArgumentParser
import Catalogue
import Foundation

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Write an overdue reminder (an .eml file) to each borrower with overdue loans.",
        discussion: """
            One RFC 5322 message a borrower, in --out (default: ./reminders): To, Subject and
            a plain-text body listing each overdue book, its barcode, when it was borrowed
            and when it was due. The sender and the signature come from LAWCAT_FROM (e.g.
            'The Library <library@firm.example>'). Borrowers without an e-mail are named on
            stderr. Each reminder is recorded in its copies' histories, and a second run the
            same day leaves out what was reminded already, unless --again. --send hands each
            message to sendmail (from PATH); without one, nothing is written or recorded.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The folder to write the .eml files in.", valueName: "dir"))
    var out = "reminders"
    @Option(help: ArgumentHelp("Only loans overdue by at least this many days (default 1).", valueName: "n"))
    var days: Int?
    @Flag(help: "Send each reminder with sendmail, as well as writing it.")
    var send = false
    @Flag(help: "Remind again of loans already reminded of today.")
    var again = false

    /// What `--json` prints: the reminders written, and who was left out.
    struct Report: Encodable {
        var reminders: [Written]
        var withoutEmail: [String]
        var alreadyReminded: [String]

        struct Written: Encodable {
            var person: String
            var email: String
            var file: String
            var sent: Bool
            var loans: [ReminderLoan]
        }

        enum CodingKeys: String, CodingKey {
            case reminders, withoutEmail = "without_email", alreadyReminded = "already_reminded"
        }
    }

    func validate() throws {
        if let days, days < 1 { throw ValidationError("give --days 1 or more") }
    }

    func run() throws {
        let sendmail = send ? try Self.sendmail() : nil
        let environment = ProcessInfo.processInfo.environment
        guard let sender = ReminderMail.Sender(environment["LAWCAT_FROM"]) else {
            throw UsageMistake(
                message: "set LAWCAT_FROM to the sender, e.g. export LAWCAT_FROM='The Library <library@firm.example>' (nothing was written)")
        }
        let db = try catalogue.open(create: false)
        let plan = try db.reminders(days: days ?? 1, again: again)
        /// The file as the user named the folder.
        func shown(_ file: URL) -> String { (out.hasSuffix("/") ? String(out.dropLast()) : out) + "/" + file.lastPathComponent }
        var failed = false
        let handOn = sendmail.map { sendmail in
            { (reminder: Reminder, message: String, file: URL) -> Bool in
                guard let problem = Self.hand(message, to: sendmail) else { return true }
                Terminal.error("could not send the reminder to \(reminder.person): \(problem); it is in \(shown(file))")
                failed = true
                return false
            }
        }
        let written = try db.writeReminders(plan, into: out, from: sender, send: handOn)
        let report = Report(
            reminders: written.map {
                .init(
                    person: $0.person, email: $0.reminder.email ?? "", file: shown($0.file), sent: sendmail != nil,
                    loans: $0.reminder.loans)
            },
            withoutEmail: plan.withoutEmail.map(\.person), alreadyReminded: plan.alreadyReminded)
        try output.print(report) {
            for reminder in report.reminders {
                let count = reminder.loans.count
                Terminal.line("\(send ? "sent" : "wrote") a reminder to \(reminder.person) <\(reminder.email)> of \(count) overdue \(count == 1 ? "book" : "books"): \(reminder.file)")
            }
            if report.reminders.isEmpty && plan.withoutEmail.isEmpty {
                Terminal.line(plan.alreadyReminded.isEmpty ? "No loans are overdue." : "Nothing to remind of.")
            }
        }
        for person in plan.alreadyReminded {
            Terminal.note("note: \(person) was reminded today already; --again reminds them again\n")
        }
        for reminder in plan.withoutEmail {
            Terminal.warning(
                "no e-mail for \(reminder.person) (\(reminder.loans.count) overdue); add one with `lawcat people edit '\(reminder.person)' --email ADDRESS`")
        }
        if failed { throw ExitCode(1) }
    }

    /// The system's sendmail, the first on PATH, or a one-line refusal.
    static func sendmail() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init)
        for folder in folders {
            let candidate = folder + "/sendmail"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        Terminal.error("there is no sendmail on this system (none on PATH), so --send cannot send; run without --send and send the .eml files from a mail program (nothing was written)")
        throw ExitCode(1)
    }

    /// Pipes `message` to `sendmail -t -oi`; nil when it took it, else why not.
    static func hand(_ message: String, to sendmail: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sendmail)
        process.arguments = ["-t", "-oi"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "sendmail could not be started" }
        input.fileHandleForWriting.write(Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "sendmail exited with \(process.terminationStatus)"
    }
}
