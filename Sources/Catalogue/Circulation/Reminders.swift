// Overdue reminders: one e-mail a borrower with overdue loans, as an RFC
// 5322 message any mail program opens (ReminderMail composes it). Each
// reminder sent is recorded as a `reminded` event on each copy it names, so
// that a second run the same day leaves out what was sent already.
import Foundation
import GRDB

/// One overdue loan in a reminder.
public struct ReminderLoan: Hashable, Sendable, Encodable {
    public var barcode: String
    public var title: String
    /// When it was lent, UTC ISO 8601.
    public var borrowed: String
    public var due: String
    public var overdueDays: Int

    enum CodingKeys: String, CodingKey { case barcode, title, borrowed, due, overdueDays = "overdue_days" }
}

/// A reminder to one borrower: who, their e-mail, and their overdue loans.
public struct Reminder: Hashable, Sendable, Encodable {
    public var person: String
    @Nullable public var email: String?
    public var loans: [ReminderLoan]
}

/// What `remind` has to do: the reminders to write, and the borrowers left out.
public struct ReminderPlan: Hashable, Sendable {
    /// Borrowers with an e-mail and overdue loans not yet reminded of today.
    public var reminders: [Reminder]
    /// Borrowers with overdue loans and no e-mail.
    public var withoutEmail: [Reminder]
    /// Borrowers whose overdue loans were all reminded of today already.
    public var alreadyReminded: [String]
}

extension CatalogueDatabase {
    /// The reminders due: loans overdue by at least `days` days (default 1),
    /// by borrower. Loans reminded of today are left out unless `again`.
    public func reminders(days: Int = 1, again: Bool = false) throws -> ReminderPlan {
        let now = clock.now()
        let today = LocalDay.string(from: now)
        let latestDue = LocalDay.string(adding: -max(days, 1), to: now)
        let startOfToday = LocalDay.startStamp(of: today)
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.name, p.email, c.barcode, b.title, o.at AS borrowed, c.due,
                           EXISTS (SELECT 1 FROM event r WHERE r.copy_id = c.id AND r.kind = 'reminded'
                                   AND r.at >= ? AND r.id > l.out_event_id) AS reminded
                    FROM copy c
                    JOIN book b ON b.id = c.book_id
                    JOIN person p ON p.id = c.borrower_id
                    JOIN loan l ON l.copy_id = c.id AND l.return_event_id IS NULL
                    JOIN event o ON o.id = l.out_event_id
                    WHERE c.status = 'on-loan' AND c.due <= ?
                    ORDER BY p.name, c.due, c.barcode
                    """, arguments: [startOfToday, latestDue])
            var plan = ReminderPlan(reminders: [], withoutEmail: [], alreadyReminded: [])
            var byPerson: [(Reminder, allReminded: Bool)] = []
            for row in rows {
                let name: String = row["name"]
                let loan = ReminderLoan(
                    barcode: row["barcode"], title: row["title"], borrowed: row["borrowed"], due: row["due"],
                    overdueDays: LocalDay.days(from: row["due"], to: today) ?? 0)
                let reminded: Bool = row["reminded"]
                if byPerson.last?.0.person != name {
                    byPerson.append((Reminder(person: name, email: row["email"], loans: []), true))
                }
                if reminded && !again { continue }
                byPerson[byPerson.count - 1].0.loans.append(loan)
                byPerson[byPerson.count - 1].allReminded = false
            }
            for (reminder, allReminded) in byPerson {
                if allReminded {
                    plan.alreadyReminded.append(reminder.person)
                } else if reminder.email == nil {
                    plan.withoutEmail.append(reminder)
                } else {
                    plan.reminders.append(reminder)
                }
            }
            return plan
        }
    }

    /// Records that `reminder` was written (and sent): a `reminded` event
    /// on each copy it names, under its borrower.
    public func recordReminder(_ reminder: Reminder, note: String? = nil) throws {
        let now = nowStamp
        try write { db in
            for loan in reminder.loans {
                let copy = try CopyRow.fetch(db, barcode: loan.barcode)
                try db.recordEvent(
                    copyID: copy.id, barcode: copy.barcode, kind: .reminded, at: now, personID: copy.borrowerID,
                    due: loan.due, note: note)
            }
        }
    }
}

/// A reminder as an RFC 5322 message: headers, a blank line, a plain-text
/// body, lines ending CRLF. Names and subjects beyond ASCII are RFC 2047
/// encoded words; the body is UTF-8.
public enum ReminderMail {
    /// The sender as `LAWCAT_FROM` gives it (`The Library <library@firm.example>`),
    /// else nil.
    public struct Sender: Sendable {
        public var header: String
        /// The sender's name, for the signature (the address when it has none).
        public var signature: String

        public init?(_ text: String?) {
            guard let text = text?.trimmed.nonEmpty else { return nil }
            header = text
            if let open = text.firstIndex(of: "<") {
                let name = String(text[..<open]).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                signature = name.isEmpty ? String(text[text.index(after: open)...].dropLast()) : name
            } else {
                signature = text
            }
        }
    }

    /// The message reminding `reminder.person`, dated `now`.
    public static func message(_ reminder: Reminder, from sender: Sender, now: Date) -> String {
        let count = reminder.loans.count
        var headers = [
            "From: " + encodedAddress(sender.header),
            "To: " + address(name: reminder.person, email: reminder.email ?? ""),
            "Subject: " + encoded("Overdue library \(count == 1 ? "book" : "books"): please return \(count == 1 ? "it" : "them")"),
            "Date: " + rfc5322Date(now),
            "Message-ID: <lawcat-reminder-\(Int(now.timeIntervalSince1970))-\(slug(reminder.person))@lawcat>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        headers.append("X-Mailer: lawcat")
        var body = ["Dear \(reminder.person),", ""]
        body.append(count == 1
            ? "This book from the library is overdue. Please return it, or ask us to renew it."
            : "These \(count) books from the library are overdue. Please return them, or ask us to renew them.")
        for loan in reminder.loans {
            body.append("")
            body.append("  \(loan.title)")
            body.append("    barcode \(loan.barcode), borrowed \(String(loan.borrowed.prefix(10))), due \(loan.due)"
                + " (\(loan.overdueDays) \(loan.overdueDays == 1 ? "day" : "days") overdue)")
        }
        body += ["", "Thank you,", sender.signature]
        return (headers + [""] + body).joined(separator: "\r\n") + "\r\n"
    }

    /// A file name for the reminder: `2026-11-26-tobias-penhaligon.eml`.
    public static func fileName(_ reminder: Reminder, day: String) -> String {
        "\(day)-\(slug(reminder.person)).eml"
    }

    static func slug(_ name: String) -> String {
        let words = Vocabulary.fold(name).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.isEmpty ? "borrower" : words.joined(separator: "-")
    }

    static func address(name: String, email: String) -> String {
        let shown = name.unicodeScalars.allSatisfy { $0.isASCII }
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : encoded(name)
        return "\(shown) <\(email)>"
    }

    static func encodedAddress(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII }), let open = text.firstIndex(of: "<") else { return text }
        let name = String(text[..<open]).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return encoded(name) + " " + text[open...]
    }

    /// RFC 2047: ASCII as it is, anything else as `=?UTF-8?B?...?=`.
    static func encoded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) { return text }
        return "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    /// `Thu, 26 Nov 2026 09:30:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[Int(parts.tm_wday)], Int(parts.tm_mday),
            months[Int(parts.tm_mon)], Int(parts.tm_year) + 1900, Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
