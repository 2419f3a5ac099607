// The copies of a report (missing, overdue, not seen) as CSV, for a
// spreadsheet: one line a copy, the columns the report's JSON has.
import Foundation

public enum CopiesCSV {
    public static let header = ["barcode", "title", "status", "home", "location", "borrower", "due", "overdue_days", "since", "last_seen"]

    public static func text(_ copies: [Whereabouts]) -> String {
        var text = CSVWriter.line(header)
        for copy in copies {
            text += CSVWriter.line([
                copy.barcode, copy.title, copy.status.rawValue, copy.home, copy.location ?? "", copy.borrower ?? "",
                copy.due ?? "", copy.overdueDays.map(String.init) ?? "", copy.since ?? "", copy.lastSeen?.at ?? "",
            ])
        }
        return text
    }
}
