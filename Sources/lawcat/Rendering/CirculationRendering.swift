// How circulation answers look on a terminal: a copy's whereabouts in one
// sentence, trails of events, lists of copies, and what a command did.
import Catalogue
import Foundation

/// How circulation answers look on a terminal. Times are stored in UTC and
/// shown in local time (TZ).
enum CirculationRendering {
    /// A stored UTC timestamp (`2026-11-26T09:30:00.000Z`) in local time:
    /// `2026-11-26 09:30`. Parsed by hand and converted with the C library,
    /// which is much quicker to start than Foundation's formatters.
    static func time(_ stamp: String?) -> String {
        guard let stamp else { return "" }
        let digits = Array(stamp.utf8)
        func number(_ from: Int, _ count: Int) -> Int32? {
            guard digits.count >= from + count else { return nil }
            var value: Int32 = 0
            for byte in digits[from..<(from + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return stamp }
        var utc = tm()
        utc.tm_year = year - 1900
        utc.tm_mon = month - 1
        utc.tm_mday = day
        utc.tm_hour = hour
        utc.tm_min = minute
        utc.tm_sec = second
        var seconds = timegm(&utc)
        var local = tm()
        localtime_r(&seconds, &local)
        func pad(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(local.tm_year + 1900)-\(pad(local.tm_mon + 1))-\(pad(local.tm_mday)) \(pad(local.tm_hour)):\(pad(local.tm_min))"
    }

    /// The answer to "where is it?", in one sentence.
    static func answer(_ copy: Whereabouts) -> String {
        switch copy.status {
        case .onShelf:
            var text = "on the shelf at \(copy.location ?? copy.home) since \(time(copy.since))"
            if let location = copy.location, location != copy.home { text += " (its home is \(copy.home))" }
            return text
        case .onLoan:
            var text = "on loan to \(copy.borrower ?? "someone") since \(time(copy.lastBorrower?.out ?? copy.since))"
            if let due = copy.due {
                text += ", due \(due)"
                if let days = copy.overdueDays, days > 0 { text += " (overdue by \(days) \(days == 1 ? "day" : "days"))" }
            } else {
                text += ", no due date"
            }
            if let location = copy.location { text += ", at \(location) since \(time(copy.since))" }
            return text
        case .missing:
            var text = "missing since \(time(copy.since))"
            if let seen = copy.lastSeen {
                text += ", last seen at \(seen.location ?? "an unknown place") on \(time(seen.at))"
                if let by = seen.by { text += " by \(by)" }
                text += " (\(seen.how))"
            }
            if let loan = copy.lastBorrower {
                text += ", last borrower \(loan.name)"
                text += loan.returned.map { " (returned \(time($0)))" } ?? " (not returned)"
            }
            return text
        case .withdrawn:
            return "withdrawn since \(time(copy.since))"
        }
    }

    /// One event, as a line of a trail or history. `kinds` names the kinds of
    /// the other events shown, so that an undo can say what it undid.
    static func event(_ event: CopyEvent, kinds: [Int64: EventKind] = [:]) -> [String] {
        var what = event.kind.rawValue
        if event.kind == .undone {
            let undid = event.undoes.map { kinds[$0]?.rawValue ?? "an earlier event" }
            what = "undid " + (undid.isEmpty ? "an earlier event" : undid.joined(separator: " and "))
        } else {
            what += personPhrase(event.kind, event.person)
            if let due = event.due, event.kind != .reminded { what += ", due \(due)" }
        }
        if event.undoneBy != nil { what += " (undone)" }
        return [time(event.at), what, event.kind == .undone ? "" : event.location ?? "", event.note ?? ""]
    }

    /// Who an event names, as its line says it: lent to a borrower, a
    /// reminder sent to one, seen by someone.
    static func personPhrase(_ kind: EventKind, _ person: String?) -> String {
        guard let person else { return "" }
        switch kind {
        case .checkedOut, .reminded: return " to \(person)"
        default: return " by \(person)"
        }
    }

    static func trail(_ events: [CopyEvent], indent: String = "") -> String {
        var table = Table("WHEN", "WHAT", "WHERE", "NOTE")
        let kinds = Dictionary(events.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for e in events {
            let cells = event(e, kinds: kinds)
            table.add(cells[0], cells[1], cells[2], cells[3])
        }
        return table.render().split(separator: "\n").map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// A list of copies: barcode, status, where, who, due, title.
    static func copies(_ copies: [Whereabouts], overdue: Bool = false) -> String {
        var table = Table("BARCODE", "STATUS", "WHERE", "BORROWER", "SINCE", "DUE", "TITLE")
        table.styles[1] = BookRendering.statusCellStyle
        for copy in copies {
            var due = copy.due ?? ""
            if let days = copy.overdueDays, days > 0 { due += " (+\(days)d)" }
            let place = copy.status == .missing
                ? "last seen " + (copy.lastSeen?.location ?? "?")
                : (copy.location ?? "unknown")
            table.add(
                copy.barcode, copy.status.rawValue, place,
                copy.borrower ?? (copy.status == .missing ? copy.lastBorrower.map { "last: " + $0.name } : nil) ?? "",
                time(copy.since), due, copy.title.truncated(to: 50))
        }
        return table.render()
    }

    /// What `checkout` did: to whom, until when, and where the copy went.
    static func checkedOut(_ result: CirculationResult, to person: String) -> String {
        var verb = "checked out to \(result.borrower ?? person)"
        verb += result.due.map { ", due \($0)" } ?? ", no due date"
        if let place = result.location { verb += ", at \(place)" }
        return verb
    }

    /// What a circulation command did, in one line, and notes on stderr for
    /// anything it added.
    static func done(_ verb: String, _ result: CirculationResult) -> String {
        if let person = result.personAdded {
            Terminal.note("note: added \(person) to the people in the catalogue\n")
        }
        if let place = result.locationAdded {
            let close = place.closeNames.isEmpty ? "" : "; did you mean \(place.closeNames.joined(separator: ", "))?"
            Terminal.note("note: added the new location \(place.path)\(close)\n")
        }
        var line = "\(result.barcode): "
        if result.wasMissing { line += "was missing, now found; " }
        line += verb
        return line + " ('\(result.title.truncated(to: 60))')"
    }
}
