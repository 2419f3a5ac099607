// An independent CSV parser, and rows as multisets: what the tests judge lawcat's CSV by.
import Foundation

/// A small, independent RFC 4180 parser for checking what lawcat writes and
/// reads: tests must not judge the library's CSV with the library's own reader.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
        if let p = pending { pending = nil; return p }
        return iterator.next()
    }
    while let c = next() {
        if quoted {
            if c == "\"" {
                if let n = next() {
                    if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"" where field.isEmpty: quoted = true
        case ",": row.append(field); field = ""
        case "\r": break
        case "\n":
            row.append(field); field = ""
            rows.append(row); row = []
        default: field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// The rows of a CSV file as a multiset: each row and how often it appears.
public func rowCounts(_ rows: some Sequence<[String]>) -> [[String]: Int] {
    rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}
