import Catalogue
import Foundation

/// `--due DATE` or `--days N` as the library's `DueDate`, refusing what
/// cannot be a due date with the real problem named: `2026-02-30` is "no
/// such day (February 2026 has 28 days)", `--days 0` and `--days -3` "must be
/// 1 or more" (a loan due the day it starts is a typo, and for today's date
/// `--due` says so plainly), and over ten years "must be at most 3650". A day
/// before today is refused by the library.
enum DueDateArguments {
    static func dueDate(due: String?, days: Int?) throws -> DueDate {
        if let due {
            let day = due.trimmingCharacters(in: .whitespaces)
            if let problem = LocalDay.problem(with: day) {
                throw CatalogueError.invalidField(field: "--due", value: due, reason: problem)
            }
            return .date(day)
        }
        if let days {
            guard days >= 1 else {
                throw CatalogueError.invalidField(
                    field: "--days", value: String(days), reason: "must be 1 or more (or give --due YYYY-MM-DD)")
            }
            guard days <= CatalogueDatabase.longestLoan else {
                throw CatalogueError.invalidField(
                    field: "--days", value: String(days), reason: "must be at most \(CatalogueDatabase.longestLoan) (ten years)")
            }
            return .days(days)
        }
        return .none
    }
}
