// Escaping text for markup: one function for the MARCXML export and the
// server's HTML pages, so the two cannot drift apart on `&`, `<`, `>` or `"`.
// Each dialect adds only what it needs on top of those four.

/// Text made safe to stand in markup, as content or as a quoted attribute.
public enum Markup {
    public enum Dialect: Sendable {
        /// XML 1.0: a carriage return as `&#13;` (which parsers keep; a raw one
        /// they turn into a line feed), and the C0 controls XML cannot carry at
        /// all, and U+FFFE and U+FFFF, as U+FFFD.
        case xml
        /// HTML: an apostrophe as `&#39;` too, so a value is safe in either kind of quotes.
        case html
    }

    /// `text` with its markup characters escaped for `dialect`.
    public static func escaped(_ text: String, for dialect: Dialect) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where dialect == .html: out += "&#39;"
            case "\r" where dialect == .xml: out += "&#13;"
            case _ where dialect == .xml && isOutsideXML(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A character XML 1.0 cannot carry: a C0 control but tab, line feed and
    /// carriage return; or U+FFFE, U+FFFF.
    private static func isOutsideXML(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
