@testable import Catalogue
import Foundation
import TestSupport
import Testing

/// MARC-8 decoding, character by character: every mapping of the Library
/// of Congress code tables, and the rules around them (escape sequences,
/// combining marks before their letter, a byte no table has).
@Suite("MARC-8 decoder")
struct MARC8DecoderTests {
    static let esc: UInt8 = 0x1B

    func decode(_ bytes: [UInt8]) -> (text: String, undecodable: [Int]) {
        var decoder = MARC8Decoder()
        var bad: [Int] = []
        let text = decoder.decode(bytes[...], undecodable: &bad)
        return (text.precomposedStringWithCanonicalMapping, bad)
    }

    @Test("Given every mapping of marc8-codetables.tsv, when its code is decoded in its character set, then it is the table's Unicode character (a combining mark after the letter it came before)",
          .enabled(if: FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("marc8-codetables.tsv").path)))
    func everyMapping() throws {
        let table = try String(contentsOf: sharedData.appendingPathComponent("marc8-codetables.tsv"), encoding: .utf8)
        var checked = 0
        var wrong: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 5, let code = UInt32(columns[2], radix: 16),
                let scalar = UInt32(columns[3], radix: 16).flatMap(Unicode.Scalar.init)
            else {
                wrong.append("unreadable line \(line)")
                continue
            }
            let set = columns[0]
            var bytes: [UInt8]
            let codeBytes: [UInt8] = code > 0xFFFF
                ? [UInt8(code >> 16), UInt8((code >> 8) & 0xFF), UInt8(code & 0xFF)] : [UInt8(code)]
            switch set {
            case "42" where code < 0x20: continue  // control characters, not text
            case "42", "45": bytes = codeBytes  // the default G0 and G1
            case "31", "--": bytes = [Self.esc, UInt8(ascii: "$"), 0x31] + codeBytes
            default:
                let final = UInt8(set, radix: 16) ?? 0
                bytes = [Self.esc, code >= 0x80 ? UInt8(ascii: ")") : UInt8(ascii: "("), final] + codeBytes
            }
            let combining = columns[4] == "1"
            var want = String(Character(scalar)).precomposedStringWithCanonicalMapping
            if combining {
                // Written before its letter in MARC-8, after it in Unicode.
                bytes += [Self.esc, UInt8(ascii: "("), 0x42, UInt8(ascii: "a")]
                want = ("a" + String(Character(scalar))).precomposedStringWithCanonicalMapping
            }
            let got = decode(bytes)
            if got.text != want || !got.undecodable.isEmpty {
                wrong.append("\(set) \(columns[2]): \(got.text.unicodeScalars.map { String($0.value, radix: 16) }) ≠ \(columns[3])")
            }
            checked += 1
        }
        #expect(checked > 16_000)
        #expect(wrong.isEmpty, "\(wrong.count) wrong: \(wrong.prefix(10))")
    }

    @Test("Given two combining marks before a letter, when decoded, then both follow the letter, composed in NFC where Unicode can")
    func combiningMarksMove() {
        // ANSEL E2 acute, then F0 cedilla... before 'c': ḉ has no precomposed form beyond ç + acute.
        #expect(decode([0xE2, UInt8(ascii: "e")]).text == "é")
        #expect(decode([0xE1, UInt8(ascii: "a"), UInt8(ascii: "b")]).text == "àb")
        #expect(decode([0xE2, 0xF0, UInt8(ascii: "c")]).text == "c\u{0301}\u{0327}".precomposedStringWithCanonicalMapping)
    }

    @Test("Given escape sequences into Cyrillic, Greek, EACC and back, when decoded, then each run is in its set")
    func escapes() {
        // ESC ( N: Basic Cyrillic into G0; ESC s: back to ASCII.
        let cyrillic: [UInt8] = [Self.esc, 0x28, 0x4E, 0x4D, 0x49, 0x52, Self.esc, 0x73, 0x21]
        #expect(decode(cyrillic).text == "мир!")
        // ESC $ 1: EACC, three bytes a character (0x213021 is 一 in EACC).
        #expect(decode([Self.esc, 0x24, 0x31, 0x21, 0x30, 0x21, Self.esc, 0x28, 0x42, 0x41]).text == "\u{4E00}A")
        // ESC g: Greek symbols into G0 (0x61 is alpha).
        #expect(decode([Self.esc, 0x67, 0x61, Self.esc, 0x73]).text == "α")
    }

    @Test("Given a byte no code table has, when decoded, then it is U+FFFD and its position is handed back")
    func undecodable() {
        let got = decode([UInt8(ascii: "A"), 0xAF, UInt8(ascii: "B")])
        #expect(got.text == "A\u{FFFD}B")
        #expect(got.undecodable == [1])
        let badEscape = decode([Self.esc, 0x5A, UInt8(ascii: "C")])
        #expect(badEscape.text.hasPrefix("\u{FFFD}"))
        #expect(badEscape.undecodable == [0])
    }
}
