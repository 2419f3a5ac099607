// Aligned tables for human output, measured in terminal columns.
/// An aligned table with a header row, for human output.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// Styles per column, applied after padding so that escapes do not upset alignment.
    var styles: [Int: (String) -> Style?] = [:]
    /// Other decorations per column (search's highlighting), given the padded
    /// cell, likewise after padding.
    var decorations: [Int: (String) -> String] = [:]

    init(_ headers: String...) {
        self.headers = headers
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    func render() -> String {
        var widths = headers.map(\.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.displayWidth)
            }
        }
        func format(_ cells: [String], header: Bool) -> String {
            var line = ""
            for (index, cell) in cells.enumerated() {
                let last = index == cells.count - 1
                let padded = last ? cell : cell + String(repeating: " ", count: widths[index] - cell.displayWidth)
                let style = header ? Style.bold : styles[index]?(cell)
                let decorated = header ? padded : decorations[index]?(padded) ?? padded
                line += (style?.apply(decorated) ?? decorated) + (last ? "" : "  ")
            }
            // Empty cells at the end of a row (no borrower, no due date) leave
            // no trailing spaces behind.
            while line.last == " " { line.removeLast() }
            return line
        }
        var lines = [format(headers, header: true)]
        lines += rows.map { format($0, header: false) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Columns on a terminal: wide (East Asian) characters take two, combining marks none.
    var displayWidth: Int {
        // Most cells are ASCII: one column a byte, without Unicode property look-ups.
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
        return unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
                return width
            }
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }

    /// At most `width` columns, ending in "…" when cut.
    func truncated(to width: Int) -> String {
        guard displayWidth > width else { return self }
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(prefix(width - 1)) + "…" }
        var result = ""
        var used = 0
        for character in self {
            let w = String(character).displayWidth
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}
