import Foundation
import GRDB

/// Which copies a report lists.
public enum ReportKind: String, Sendable, CaseIterable {
    /// Missing copies, with their last known place.
    case missing
    /// Loans past their due day.
    case overdue
    /// Copies nobody has seen for a number of days (on loan or not).
    case notSeen = "not-seen"
}

extension CatalogueDatabase {
    /// Open loans, soonest due first (loans without a due day last), for one
    /// person when `person` is given, only overdue ones when `overdue`.
    public func loans(person: String? = nil, overdue: Bool = false) throws -> [Whereabouts] {
        let today = clock.today
        return try read { db in
            var request: SQL = "SELECT c.id FROM copy c WHERE c.borrower_id IS NOT NULL"
            if let person {
                let id = try db.knownPersonID(Self.personName(person))
                request += " AND c.borrower_id = \(id)"
            }
            if overdue { request += " AND c.due < \(today)" }
            request += " ORDER BY c.due IS NULL, c.due, c.since, c.id"
            let ids = try Int64.fetchAll(db, SQLRequest(literal: request))
            return try db.whereabouts(copyIDs: ids, today: today, trail: 0)
        }
    }

    /// A report: missing copies, overdue loans, or copies not seen for `days`
    /// days (default 180); only copies homed at `at` or under it when given.
    public func report(_ kind: ReportKind, days: Int? = nil, at place: String? = nil) throws -> [Whereabouts] {
        let now = clock.now()
        let today = LocalDay.string(from: now)
        let path = try place.map(LocationPath.normalise)
        return try read { db in
            var request: SQL = "SELECT c.id FROM copy c JOIN location home ON home.id = c.home_id"
            switch kind {
            case .missing:
                request += " WHERE c.status = \(CopyStatus.missing)"
                if let days {
                    request += " AND c.since <= \(Timestamp.string(from: now.addingTimeInterval(-Double(days) * 86_400)))"
                }
            case .overdue:
                // Overdue by at least N days (default 1): due on or before today - N.
                let day = LocalDay.string(adding: -max(days ?? 1, 1), to: now)
                request += " WHERE c.status = \(CopyStatus.onLoan) AND c.due <= \(day)"
            case .notSeen:
                let cutoff = Timestamp.string(from: now.addingTimeInterval(-Double(days ?? 180) * 86_400))
                request += """
                     LEFT JOIN event seen ON seen.id = c.last_seen_event_id
                     WHERE c.status <> \(CopyStatus.withdrawn) AND (seen.at IS NULL OR seen.at < \(cutoff))
                    """
            }
            if let path { request += " AND \(LocationPath.under("home", path))" }
            request += kind == .overdue ? " ORDER BY c.due, c.id" : " ORDER BY c.since, c.id"
            let ids = try Int64.fetchAll(db, SQLRequest(literal: request))
            return try db.whereabouts(copyIDs: ids, today: today, trail: 0)
        }
    }
}
