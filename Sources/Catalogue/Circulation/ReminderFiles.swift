// Writing the overdue reminders as .eml files into a folder and recording
// each, for callers that do not send mail themselves (the server's Reports
// page): the plan, the message and the record are Reminders.swift's.
import Foundation

/// A reminder written to a file.
public struct WrittenReminder: Sendable {
    public var person: String
    public var file: URL
    public var loans: Int
}

extension CatalogueDatabase {
    /// Writes one .eml file a borrower with overdue loans (and an e-mail) into
    /// `folder`, made when needed, and records each; loans reminded of today
    /// already are left out.
    public func writeReminders(to folder: URL, from sender: ReminderMail.Sender, days: Int = 1) throws -> [WrittenReminder] {
        let plan = try reminders(days: days)
        guard !plan.reminders.isEmpty else { return [] }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CatalogueError.cannotWrite(path: folder.path, reason: "the folder cannot be made")
        }
        var written: [WrittenReminder] = []
        for reminder in plan.reminders {
            let file = folder.appendingPathComponent(ReminderMail.fileName(reminder, day: clock.today))
            do {
                try Data(ReminderMail.message(reminder, from: sender, now: clock.now()).utf8).write(to: file)
            } catch {
                throw CatalogueError.cannotWrite(path: file.path, reason: "the file cannot be written")
            }
            try recordReminder(reminder, note: "written to \(file.lastPathComponent)")
            written.append(WrittenReminder(person: reminder.person, file: file, loans: reminder.loans.count))
        }
        return written
    }
}
