import Foundation

/// Calendar dates (`YYYY-MM-DD`) in the librarian's time zone: due dates are
/// days, not instants, and "today" is the local day.
public enum LocalDay {
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The day `date` falls on in `timeZone`, as `YYYY-MM-DD`.
    public static func string(from date: Date, timeZone: TimeZone = .current) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The day `days` after the day `date` falls on.
    public static func string(adding days: Int, to date: Date, timeZone: TimeZone = .current) -> String {
        let calendar = calendar(timeZone)
        let day = calendar.date(byAdding: .day, value: days, to: date) ?? date
        return string(from: day, timeZone: timeZone)
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
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
