import Foundation

/// How a record's text is written, decided from its bytes rather than from
/// leader position 09, which exports get wrong both ways (a UTF-8 file still
/// saying blank, MARC-8 data relabelled `a` by a tool that changed only the
/// leader). Koha decides the same way, and for the same reason.
///
/// The rule, for the record's data (everything after the directory):
/// - an escape byte (0x1B) anywhere: MARC-8, whose character set changes
///   begin with one and which UTF-8 text never holds;
/// - otherwise, valid UTF-8 (pure ASCII included): UTF-8;
/// - otherwise (a byte sequence UTF-8 does not allow): MARC-8.
///
/// MARC-8 text that happens to be valid UTF-8 would need an ANSEL letter
/// modifier from 0xC2-0xF4 followed by one from 0x80-0xBF, such as a
/// combining mark written before a sound-recording mark; real records do not
/// do that, while any MARC-8 diacritic before a plain letter (0xE2 0x61,
/// `á`) is invalid UTF-8.
enum MARCEncoding: Equatable, Sendable {
    case utf8, marc8

    static func of(_ bytes: ArraySlice<UInt8>) -> MARCEncoding {
        var plain = true
        for byte in bytes where byte >= 0x80 || byte == 0x1B {
            if byte == 0x1B { return .marc8 }
            plain = false
        }
        if plain { return .utf8 }
        return isValidUTF8(bytes) ? .utf8 : .marc8
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let count: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return false
            }
            guard end - i > count else { return false }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return false }
            for k in 2...max(2, count) where k <= count {
                guard (0x80...0xBF).contains(bytes[i + k]) else { return false }
            }
            i += count + 1
        }
        return true
    }
}

/// Turns a record's field bytes into text, in the encoding the record was
/// found to use, always in Unicode NFC (so that `é` is one character however
/// the record wrote it, and search and matching see one spelling).
struct MARCTextDecoder {
    let encoding: MARCEncoding
    private var marc8 = MARC8Decoder()

    init(encoding: MARCEncoding) { self.encoding = encoding }

    /// MARC-8 starts each field with its default character sets (ASCII and ANSEL).
    mutating func startField() { marc8 = MARC8Decoder() }

    /// `offset` is the file offset of `bytes`, for naming an undecodable byte in `notes`.
    mutating func decode(_ bytes: ArraySlice<UInt8>, at offset: Int, field: String, notes: inout [String]) -> String {
        switch encoding {
        case .utf8:
            let text = String(decoding: bytes, as: UTF8.self)
            return bytes.contains(where: { $0 >= 0x80 }) ? text.nfc : text
        case .marc8:
            if !bytes.contains(where: { $0 >= 0x80 || $0 == 0x1B }) { return String(decoding: bytes, as: UTF8.self) }
            var bad: [Int] = []
            let text = marc8.decode(bytes, undecodable: &bad)
            for position in bad.prefix(5) {
                let byte = bytes[position]
                notes.append(
                    "field \(field): the byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset + position - bytes.startIndex) of the file is not MARC-8; it is stored as U+FFFD (\u{FFFD})")
            }
            if bad.count > 5 { notes.append("field \(field): \(bad.count - 5) more bytes that are not MARC-8, stored as U+FFFD") }
            return text.nfc
        }
    }
}

extension String {
    /// The text in Unicode Normalization Form C. Text whose characters are
    /// all below U+0300 (ASCII, Latin-1, most of Latin Extended) is in NFC
    /// already: no combining mark or other character NFC changes is there, so
    /// Foundation (slow on Linux, through NSString) is asked only about the rest.
    var nfc: String {
        // Every byte below 0xCC in UTF-8 means every character below U+0300 (whose
        // first byte is 0xCC), and bytes are quicker to look at than characters.
        if utf8.allSatisfy({ $0 < 0xCC }) { return self }
        return precomposedStringWithCanonicalMapping
    }
}
