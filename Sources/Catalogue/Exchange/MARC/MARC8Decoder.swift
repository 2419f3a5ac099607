/// Decodes MARC-8 (the Library of Congress's pre-Unicode character coding
/// for MARC 21) to Unicode, as its specification describes it:
///
/// - two working sets: G0 for bytes 0x21-0x7E (ASCII at the start of a
///   field) and G1 for bytes 0xA1-0xFE (ANSEL, the extended Latin set);
/// - escape sequences that designate another set into G0 (`ESC ( F`,
///   `ESC , F`) or G1 (`ESC ) F`, `ESC - F`), with `$` before F for the
///   multibyte East Asian set EACC (`ESC $ 1`, `ESC $ , 1`...) and the
///   technique-1 shifts `ESC g`, `ESC b`, `ESC p` (Greek symbols,
///   subscripts, superscripts) and `ESC s` (back to ASCII);
/// - EACC characters are three bytes each;
/// - combining marks come BEFORE the letter they sit on (Unicode puts them
///   after), so they are held until their letter arrives.
///
/// A code that no table has becomes U+FFFD, and its position is handed back
/// so that the import can report it with the record.
struct MARC8Decoder {
    static let basicLatin: UInt8 = 0x42, ansel: UInt8 = 0x45, eacc: UInt8 = 0x31

    private var g0: UInt8 = MARC8Decoder.basicLatin
    private var g1: UInt8 = MARC8Decoder.ansel

    /// Decodes `bytes`, keeping the working sets for the next call (a field's
    /// subfields share them); `undecodable` gets the index of each byte that
    /// starts a code no table has.
    mutating func decode(_ bytes: ArraySlice<UInt8>, undecodable: inout [Int]) -> String {
        var out = String.UnicodeScalarView()
        var pending: [Unicode.Scalar] = []
        var i = bytes.startIndex
        let end = bytes.endIndex
        func emit(_ scalar: Unicode.Scalar, combining: Bool) {
            if combining {
                pending.append(scalar)
            } else {
                out.append(scalar)
                out.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        func bad(_ at: Int) {
            undecodable.append(at)
            emit("\u{FFFD}", combining: false)
        }
        while i < end {
            let b = bytes[i]
            if b == 0x1B {
                if let next = escape(bytes, at: i) {
                    i = next
                } else {
                    bad(i)
                    i += 1
                }
                continue
            }
            let high = b >= 0x80
            let set = high ? g1 : g0
            // EACC characters are three bytes; a blank between them is one.
            if set == Self.eacc && b > 0x20 {
                guard end - i >= 3 else {
                    bad(i)
                    i = end
                    continue
                }
                let code = (UInt32(bytes[i] & 0x7F) << 16) | (UInt32(bytes[i + 1] & 0x7F) << 8) | UInt32(bytes[i + 2] & 0x7F)
                if let found = MARC8Table.shared.lookup(Self.eacc, code) ?? MARC8Table.shared.lookup(0, code) {
                    emit(found.scalar, combining: found.combining)
                } else {
                    bad(i)
                }
                i += 3
                continue
            }
            if b < 0x20 {
                // Control characters pass through (the import refuses or drops them where they matter).
                emit(Unicode.Scalar(b), combining: false)
                i += 1
                continue
            }
            if b == 0x20 {
                emit(" ", combining: false)
                i += 1
                continue
            }
            // A set may be designated into either G0 or G1: its table lists it
            // in one of the two positions, so the other is tried as well.
            if let found = MARC8Table.shared.lookup(set, UInt32(b))
                ?? MARC8Table.shared.lookup(set, UInt32(b ^ 0x80))
            {
                emit(found.scalar, combining: found.combining)
            } else if set == Self.basicLatin && !high {
                emit(Unicode.Scalar(b), combining: false)
            } else {
                bad(i)
            }
            i += 1
        }
        // Marks with no letter after them stay, after what came before.
        out.append(contentsOf: pending)
        return String(out)
    }

    /// Applies the escape sequence at `i`; the index after it, or nil if it is not one MARC-8 has.
    private mutating func escape(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int? {
        let end = bytes.endIndex
        guard i + 1 < end else { return nil }
        var j = i + 1
        var multibyte = false
        if bytes[j] == UInt8(ascii: "$") {
            multibyte = true
            j += 1
            guard j < end else { return nil }
            // `ESC $ 1`: EACC into G0, with no intermediate.
            if bytes[j] == Self.eacc {
                g0 = Self.eacc
                return j + 1
            }
        }
        let intermediate = bytes[j]
        switch intermediate {
        case UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "-"):
            j += 1
            // `!` before the final byte (`ESC ) ! E`) names the second edition of a set: the same table.
            if j < end && bytes[j] == UInt8(ascii: "!") { j += 1 }
            guard j < end else { return nil }
            let final = bytes[j]
            guard MARC8Table.shared.knows(final) || final == Self.basicLatin else { return nil }
            if multibyte && final != Self.eacc { return nil }
            if intermediate == UInt8(ascii: "(") || intermediate == UInt8(ascii: ",") {
                g0 = final
            } else {
                g1 = final
            }
            return j + 1
        case 0x67, 0x62, 0x70:  // g, b, p: Greek symbols, subscripts, superscripts into G0
            guard !multibyte else { return nil }
            g0 = intermediate
            return j + 1
        case 0x73:  // s: ASCII again
            guard !multibyte else { return nil }
            g0 = Self.basicLatin
            return j + 1
        default:
            return nil
        }
    }
}

/// The code tables (MARC8Tables.swift), parsed once into a dictionary.
final class MARC8Table: Sendable {
    static let shared = MARC8Table()

    struct Entry: Sendable {
        var scalar: Unicode.Scalar
        var combining: Bool
    }

    private let entries: [UInt32: Entry]
    private let sets: Set<UInt8>

    private init() {
        var entries: [UInt32: Entry] = [:]
        entries.reserveCapacity(MARC8Tables.count)
        var sets = Set<UInt8>()
        for line in MARC8Tables.text.utf8.split(separator: UInt8(ascii: "\n")) {
            let parts = line.split(separator: UInt8(ascii: " "))
            guard parts.count == 4,
                let set = UInt8(String(decoding: parts[0], as: UTF8.self), radix: 16),
                let code = UInt32(String(decoding: parts[1], as: UTF8.self), radix: 16),
                let value = UInt32(String(decoding: parts[2], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { continue }
            entries[Self.key(set, code)] = Entry(scalar: scalar, combining: parts[3].first == UInt8(ascii: "1"))
            if set != 0 { sets.insert(set) }
        }
        self.entries = entries
        self.sets = sets
    }

    private static func key(_ set: UInt8, _ code: UInt32) -> UInt32 { UInt32(set) << 24 | code }

    func lookup(_ set: UInt8, _ code: UInt32) -> Entry? { entries[Self.key(set, code)] }

    /// Whether `set` is a character set the tables hold.
    func knows(_ set: UInt8) -> Bool { sets.contains(set) }
}
