/// Writes a `MARCRecord` as an ISO 2709 record in UTF-8: leader, directory
/// (tag, length, start: 12 bytes an entry), then the fields, each ended by
/// a field terminator, and a record terminator. The leader's length and
/// base address are computed; its other positions are the record's.
///
/// The format's limits (9,999 bytes a field, 99,999 a record) are refused
/// rather than written as a file that no reader could cut up correctly.
enum ISO2709Writer {
    struct TooLarge: Error {
        var reason: String
    }

    static func bytes(_ record: MARCRecord) throws -> [UInt8] {
        var directory: [UInt8] = []
        var data: [UInt8] = []
        for field in record.fields {
            var body: [UInt8] = []
            if field.isControl {
                body += clean(field.data)
            } else {
                body += clean(String(field.indicator1)).prefix(1) + clean(String(field.indicator2)).prefix(1)
                for subfield in field.subfields {
                    body.append(ISO2709Reader.subfieldDelimiter)
                    body += clean(String(subfield.code)).prefix(1)
                    body += clean(subfield.value)
                }
            }
            body.append(ISO2709Reader.fieldTerminator)
            guard body.count <= 9999 else {
                throw TooLarge(reason: "its field \(field.tag) is \(body.count) bytes, more than MARC 21's 9,999")
            }
            directory += Array(field.tag.utf8.prefix(3)) + digits(body.count, 4) + digits(data.count, 5)
            data += body
        }
        let base = 24 + directory.count + 1
        let length = base + data.count + 1
        guard length <= 99_999 else {
            throw TooLarge(reason: "it is \(length) bytes, more than MARC 21's 99,999 a record")
        }
        var leader = Array(record.leader.utf8.prefix(24))
        leader += [UInt8](repeating: 0x20, count: 24 - leader.count)
        leader.replaceSubrange(0..<5, with: digits(length, 5))
        leader.replaceSubrange(10..<12, with: Array("22".utf8))
        leader.replaceSubrange(12..<17, with: digits(base, 5))
        leader.replaceSubrange(20..<24, with: Array("4500".utf8))
        return leader + directory + [ISO2709Reader.fieldTerminator] + data + [ISO2709Reader.recordTerminator]
    }

    /// The text's UTF-8, with the format's three separator bytes (which no
    /// catalogue text should hold) written as U+FFFD.
    private static func clean(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x1D || byte == 0x1E || byte == 0x1F {
                bytes += [0xEF, 0xBF, 0xBD]
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    private static func digits(_ value: Int, _ count: Int) -> [UInt8] {
        let text = String(value)
        return Array((String(repeating: "0", count: max(0, count - text.count)) + text).utf8)
    }
}
