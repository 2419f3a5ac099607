@testable import Catalogue
import Foundation
import Testing

@Suite("Authors and subjects as stored")
struct BookListTests {
    static let samples: [[String]] = [
        [], [""], ["Beale, Hugh", "Chitty, Joseph, -1838"], ["a/b", "Müller, Jürgen", "法律", "🙂"],
        ["quote \" backslash \\ slash /"], [(0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{2028}\u{FEFF}"],
    ]

    @Test("Given any list, when it is stored, then its JSON is byte for byte what JSONEncoder writes, and reads back the same",
          arguments: samples)
    func sameAsJSONEncoder(list: [String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(list), as: UTF8.self)
        #expect(JSONList.encode(list) == expected)
        #expect(JSONList.decode(JSONList.encode(list)) == list)
    }
}
