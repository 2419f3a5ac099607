import Catalogue
import Testing

@Suite("Markup escaping")
struct MarkupTests {
    static let awkward = "O'Brien & <b>\"Tom\"</b>\r\n\t\u{1}\u{FFFE}é"

    @Test("Given awkward text, when escaped for XML, then the four markup characters and a carriage return are references and what XML cannot carry is U+FFFD")
    func xml() {
        #expect(Markup.escaped(Self.awkward, for: .xml)
            == "O'Brien &amp; &lt;b&gt;&quot;Tom&quot;&lt;/b&gt;&#13;\n\t\u{FFFD}\u{FFFD}é")
    }

    @Test("Given awkward text, when escaped for HTML, then the apostrophe is escaped too and everything else is kept")
    func html() {
        #expect(Markup.escaped(Self.awkward, for: .html)
            == "O&#39;Brien &amp; &lt;b&gt;&quot;Tom&quot;&lt;/b&gt;\r\n\t\u{1}\u{FFFE}é")
    }
}
