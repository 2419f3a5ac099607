/// Cuts one ISO 2709 record's bytes into a `MARCRecord`: the leader, the
/// directory (12 bytes an entry: tag, field length, start), and each field
/// where its entry says, checking everything the standard fixes so that a
/// damaged record is refused with what is wrong rather than read askew.
///
/// Only the fields `wanted` names are decoded to text (the rest are checked
/// and skipped): an import needs a dozen tags of a record's thirty.
enum ISO2709Record {
    static func parse(
        _ raw: ISO2709Reader.Raw, wanted: (String) -> Bool, notes: inout [String]
    ) -> Result<MARCRecord, MARCFault> {
        let r = raw.bytes
        let base0 = r.startIndex
        func fault(_ reason: String) -> Result<MARCRecord, MARCFault> {
            .failure(MARCFault(record: raw.number, offset: raw.offset, reason: reason))
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: r[range].map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        }
        let leaderRange = base0..<(base0 + 24)
        guard let base = ISO2709Reader.number(r[(base0 + 12)..<(base0 + 17)]) else {
            return fault("the base address of data in the leader (positions 12-16, '\(text((base0 + 12)..<(base0 + 17)))') is not five digits")
        }
        let end = r.count - 1  // the record terminator's position, from the record's start
        guard base > 24, base <= end else {
            return fault("the base address of data in the leader (\(base)) is outside the record (\(r.count) bytes)")
        }
        guard r[base0 + base - 1] == ISO2709Reader.fieldTerminator else {
            return fault("the directory does not end with a field terminator at byte \(base - 1) of the record, where the leader's base address puts its end")
        }
        let directoryLength = base - 1 - 24
        guard directoryLength % 12 == 0 else {
            return fault("the directory is \(directoryLength) bytes long, which is not a whole number of 12-byte entries")
        }
        let data = r[(base0 + base)..<(base0 + end)]
        let encoding = MARCEncoding.of(data)
        let claimed = r[base0 + 9]
        if encoding == .marc8 && claimed == UInt8(ascii: "a") {
            notes.append("leader position 09 says UTF-8 but the data is not UTF-8; it was read as MARC-8")
        } else if encoding == .utf8 && claimed == UInt8(ascii: " ") && data.contains(where: { $0 >= 0x80 }) {
            notes.append("leader position 09 says MARC-8 but the data is UTF-8; it was read as UTF-8")
        }
        var decoder = MARCTextDecoder(encoding: encoding)
        var record = MARCRecord(leader: String(decoding: r[leaderRange], as: UTF8.self))
        record.fields.reserveCapacity(directoryLength / 12)
        var entry = base0 + 24
        var number = 0
        while entry < base0 + base - 1 {
            number += 1
            let tagBytes = r[entry..<(entry + 3)]
            guard tagBytes.allSatisfy(isTagByte) else {
                return fault("directory entry \(number) has the tag '\(text(entry..<(entry + 3)))', which is not three letters or digits")
            }
            let tag = String(decoding: tagBytes, as: UTF8.self)
            guard let length = ISO2709Reader.number(r[(entry + 3)..<(entry + 7)]),
                let start = ISO2709Reader.number(r[(entry + 7)..<(entry + 12)])
            else {
                return fault("the directory entry of field \(tag) has a length or start that is not digits ('\(text((entry + 3)..<(entry + 12)))')")
            }
            entry += 12
            guard length >= 1, base + start + length <= end else {
                return fault("the directory entry of field \(tag) (\(length) bytes from byte \(start) of the data) runs past the end of the data (\(end - base) bytes)")
            }
            let fieldStart = base0 + base + start
            let fieldEnd = fieldStart + length - 1  // the field terminator
            guard r[fieldEnd] == ISO2709Reader.fieldTerminator else {
                return fault("field \(tag) has no field terminator where its directory entry says it ends (byte \(base + start + length - 1) of the record)")
            }
            let content = r[fieldStart..<fieldEnd]
            let isControl = MARCField.isControlTag(tag)
            if !isControl {
                guard content.count >= 2 else {
                    return fault("field \(tag) is too short to hold its two indicators")
                }
                for i in 0..<2 where !isIndicator(content[content.startIndex + i]) {
                    return fault("field \(tag) has an invalid indicator \(i + 1) '\(text((content.startIndex + i)..<(content.startIndex + i + 1)))'; indicators are a blank, a digit or a lower-case letter")
                }
                if content.count > 2 && content[content.startIndex + 2] != ISO2709Reader.subfieldDelimiter {
                    return fault("field \(tag) does not start its data with a subfield delimiter after the indicators")
                }
            }
            guard wanted(tag) else { continue }
            let place = raw.offset + base + start
            if isControl {
                record.fields.append(MARCField(tag: tag, data: decoder.decode(content, at: place, field: tag, notes: &notes)))
                continue
            }
            var field = MARCField(
                tag: tag, indicator1: Character(Unicode.Scalar(content[content.startIndex])),
                indicator2: Character(Unicode.Scalar(content[content.startIndex + 1])))
            decoder.startField()
            var position = content.startIndex + 3
            while position <= content.endIndex, content.count > 2 {
                let next = content[position...].firstIndex(of: ISO2709Reader.subfieldDelimiter) ?? content.endIndex
                if next > position {
                    let code = content[position]
                    let value = decoder.decode(
                        content[(position + 1)..<next], at: place + (position + 1 - content.startIndex), field: tag,
                        notes: &notes)
                    field.subfields.append(MARCSubfield(code: Character(Unicode.Scalar(code)), value: value))
                }
                position = next + 1
            }
            record.fields.append(field)
        }
        return .success(record)
    }

    @inline(__always)
    private static func isTagByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// MARC 21: an indicator is a blank, a digit or a lower-case letter; `|`
    /// (fill) is accepted too, as some systems write it for "not coded".
    @inline(__always)
    private static func isIndicator(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x7C
    }
}
