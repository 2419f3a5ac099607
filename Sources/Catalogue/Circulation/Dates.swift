import Foundation

extension Clock {
    /// Today, as a librarian means it: the local day (TZ) it is now, as
    /// `YYYY-MM-DD`. Due dates are days, so a loan due today becomes overdue
    /// at local midnight, not at UTC's. Every "today" in lawcat is this one:
    /// search's `is:overdue`, `loans --overdue`, reports, whereabouts' overdue
    /// days and the due dates checkout accepts.
    public var today: String { LocalDay.string(from: now()) }
}

/// Calendar dates (`YYYY-MM-DD`) in the librarian's time zone: due dates are
/// days, not instants, and "today" is the local day.
public enum LocalDay {
    // The C library's local time (TZ) rather than Foundation's Calendar: it
    // answers the same for whole days and keeps ICU out of every command's
    // start-up.

    /// The day `date` falls on in local time, as `YYYY-MM-DD`.
    public static func string(from date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return twoDigits(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// The day `days` after the local day `date` falls on.
    public static func string(adding days: Int, to date: Date) -> String {
        let today = string(from: date)
        guard let julian = julian(today) else { return today }
        return dayString(julian: julian + days)
    }

    /// The day `days` after the day `day` (`YYYY-MM-DD`).
    public static func string(adding days: Int, toDay day: String) -> String {
        guard let julian = julian(day) else { return day }
        return dayString(julian: julian + days)
    }

    static func twoDigits(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The number of whole days from day `from` to day `to` (both `YYYY-MM-DD`).
    public static func days(from: String, to: String) -> Int? {
        guard let a = julian(from), let b = julian(to) else { return nil }
        return b - a
    }

    /// Parses `YYYY-MM-DD` strictly: a real date, or nil.
    static func isValid(_ text: String) -> Bool {
        guard let day = julian(text) else { return false }
        return dayString(julian: day) == text
    }

    /// Why `text` is not a day written `YYYY-MM-DD`, in words that name the
    /// real problem (a malformed date, a month that does not exist, a day the
    /// month does not have), or nil when it is a real day.
    public static func problem(with text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return "write it as YYYY-MM-DD, e.g. 2026-12-01" }
        guard (1...12).contains(month) else { return "no such month (months run from 01 to 12)" }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return "no such day (\(monthNames[month - 1]) \(year) has \(length) days)"
        }
        return nil
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The length of a month by the Gregorian calendar's leap-year rule.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since an epoch, by the civil calendar (no time zones involved).
    static func julian(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let a = (14 - m) / 12
        let yy = y + 4800 - a
        let mm = m + 12 * a - 3
        return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    }

    static func dayString(julian: Int) -> String {
        let a = julian + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        let day = e - (153 * m + 2) / 5 + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        return twoDigits(year: year, month: month, day: day)
    }
}

extension LocalDay {
    /// A day as a librarian types it: `today`, `yesterday`, or `YYYY-MM-DD`;
    /// `field` names the option in the error.
    public static func day(_ text: String, today: String, field: String) throws -> String {
        switch text.trimmed.lowercased() {
        case "today": return today
        case "yesterday": return string(adding: -1, toDay: today)
        default:
            let day = text.trimmed
            if let problem = problem(with: day) {
                throw CatalogueError.invalidField(field: field, value: text, reason: problem + "; or write today or yesterday")
            }
            return day
        }
    }

    /// The instant the local day `day` begins, as the event log stores times.
    static func startStamp(of day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int32($0) }
        guard parts.count == 3 else { return day }
        var local = tm()
        local.tm_year = parts[0] - 1900
        local.tm_mon = parts[1] - 1
        local.tm_mday = parts[2]
        local.tm_isdst = -1
        let seconds = mktime(&local)
        return Timestamp.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
