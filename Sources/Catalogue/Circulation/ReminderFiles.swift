// Writing the overdue reminders as .eml files into a folder and recording
// each: the one loop `lawcat remind` and the server's Reports page share
// (the plan, the message and the record are Reminders.swift's). Sending is
// the caller's: `remind --send` hands each message on before it is recorded.
import Foundation

/// A reminder written to a file (and recorded).
public struct WrittenReminder: Sendable {
    public var reminder: Reminder
    public var file: URL

    public var person: String { reminder.person }
}

extension CatalogueDatabase {
    /// Writes one .eml file a borrower with overdue loans (and an e-mail) into
    /// `folder`, made when needed, and records each; loans reminded of today
    /// already are left out.
    public func writeReminders(to folder: URL, from sender: ReminderMail.Sender, days: Int = 1) throws -> [WrittenReminder] {
        try writeReminders(try reminders(days: days), into: folder.path, from: sender)
    }

    /// Writes `plan`'s reminders as .eml files into `folder` (a path as the
    /// user gave it, made when needed) and records each in its copies'
    /// histories. With `send`, each message is handed to it once written: a
    /// reminder it did not send (false) stays unrecorded and is left out of
    /// what this returns; one it sent is recorded as sent to its address.
    public func writeReminders(
        _ plan: ReminderPlan, into folder: String, from sender: ReminderMail.Sender,
        send: ((_ reminder: Reminder, _ message: String, _ file: URL) -> Bool)? = nil
    ) throws -> [WrittenReminder] {
        guard !plan.reminders.isEmpty else { return [] }
        let folderURL = URL(fileURLWithPath: folder)
        do {
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        } catch {
            throw CatalogueError.cannotWrite(path: folder, reason: "the folder cannot be made")
        }
        let now = clock.now()
        var written: [WrittenReminder] = []
        for reminder in plan.reminders {
            let message = ReminderMail.message(reminder, from: sender, now: now)
            let file = folderURL.appendingPathComponent(ReminderMail.fileName(reminder, day: clock.today))
            do {
                try Data(message.utf8).write(to: file)
            } catch {
                throw CatalogueError.cannotWrite(path: file.path, reason: "the file cannot be written")
            }
            if let send {
                guard send(reminder, message, file) else { continue }
                try recordReminder(reminder, note: "sent to \(reminder.email ?? "")")
            } else {
                try recordReminder(reminder, note: "written to \(file.lastPathComponent)")
            }
            written.append(WrittenReminder(reminder: reminder, file: file))
        }
        return written
    }
}
