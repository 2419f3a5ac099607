import Foundation
import GRDB

extension CatalogueDatabase {
    /// Extends a loan to `due`, recorded as a `renewed` event (the borrower
    /// named in it, so the log finds it by person). Without a due date the
    /// loan gets its own length again, from its due date (from today when it
    /// is overdue): a 14-day loan renewed is due 14 days after it was due. A
    /// due date that is not later than the loan's is refused: a renewal only
    /// ever extends.
    public func renew(barcode: String, due: DueDate = .none, note: String? = nil) throws -> CirculationResult {
        let now = clock.now()
        let chosen = try Self.dueDay(due, now: now)
        return try write { db in
            let copy = try CopyRow.fetch(db, barcode: barcode)
            let loan = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.at, e.due AS first_due, c.due FROM loan l
                    JOIN event e ON e.id = l.out_event_id JOIN copy c ON c.id = l.copy_id
                    WHERE l.copy_id = ? AND l.return_event_id IS NULL
                    """, arguments: [copy.id])
            let current: String? = loan?["due"]
            var newDue = chosen
            if newDue == nil, let loan, let firstDue = loan["first_due"] as String?,
                let out = Timestamp.date(from: loan["at"]),
                let length = LocalDay.days(from: LocalDay.string(from: out), to: firstDue)
            {
                let today = LocalDay.string(from: now)
                let from = max(today, (loan["due"] as String?) ?? today)
                newDue = LocalDay.string(adding: max(length, 1), toDay: from)
            }
            if loan != nil, newDue == nil {
                throw CatalogueError.refused(
                    barcode: copy.barcode,
                    reason: Reason(
                        commandLine: "this loan had no due date to extend; give --due YYYY-MM-DD or --days N",
                        browser: "this loan had no due date to extend; give the loan's length in Days, then scan it again"))
            }
            if let current, let newDue, newDue <= current {
                throw CatalogueError.refused(
                    barcode: copy.barcode,
                    reason: Reason(
                        commandLine: "the loan is already due \(current), and a renewal only extends it; give a day after that with --due, or more --days (\(newDue) was asked for)",
                        browser: "the loan is already due \(current), and a renewal only extends it; give more Days (\(newDue) was asked for)"))
            }
            var result = CirculationResult.blank
            result.previousDue = current
            // A copy not on loan has no open loan: the trigger refuses it in words.
            try db.recordEvent(
                copyID: copy.id, barcode: copy.barcode, kind: .renewed, at: Timestamp.string(from: now),
                personID: copy.borrowerID, due: newDue ?? LocalDay.string(from: now), note: note)
            return try db.result(copy, base: result)
        }
    }
}
