import Foundation

/// Reads a MARC 21 exchange file (ISO 2709) record by record, as the
/// standard lays it out: each record's length is the first five bytes of its
/// leader, and its fields are found through the directory, never by
/// splitting on the separators (a separator byte inside a MARC-8 East Asian
/// character, or a missing one, would otherwise shift every field after it).
///
/// The file is read in blocks, so memory does not grow with the file: at
/// most one block and one record (99,999 bytes at most) are held.
///
/// A record whose leader length cannot be trusted (not a number, or no
/// record terminator where it says the record ends) is named, and reading
/// picks up after the next record terminator, as yaz and pymarc do, so
/// that `--skip-bad` can go on with the records after it.
final class ISO2709Reader {
    /// One record's bytes, terminator included, and where it was found.
    struct Raw {
        var number: Int
        var offset: Int
        var bytes: ArraySlice<UInt8>
    }

    static let recordTerminator: UInt8 = 0x1D
    static let fieldTerminator: UInt8 = 0x1E
    static let subfieldDelimiter: UInt8 = 0x1F

    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Where the unread bytes start in `buffer`.
    private var start = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset = 0
    private var atEnd = false
    private var number = 0
    private static let blockSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CatalogueError.invalidFile(path: path, reason: "it cannot be opened for reading")
        }
        self.handle = handle
        self.path = path
    }

    deinit { try? handle.close() }

    /// The next record's bytes, a fault for a record that cannot be cut out
    /// of the file, or nil at the end of the file.
    func next() throws -> Result<Raw, MARCFault>? {
        // Line ends, spaces and NULs between records (some systems write
        // them) and a DOS end-of-file mark are not records.
        while true {
            guard try fill(1) else { return nil }
            let byte = buffer[start]
            guard byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x00 || byte == 0x1A else { break }
            start += 1
        }
        number += 1
        let offset = bufferOffset + start
        _ = try fill(5)
        let available = buffer.count - start
        let lengthBytes = buffer[start..<(start + min(5, available))]
        guard lengthBytes.count == 5, let length = Self.number(lengthBytes) else {
            let shown = String(decoding: lengthBytes.map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            return .failure(try skipToTerminator(MARCFault(
                record: number, offset: offset,
                reason: "the record length at the start of its leader ('\(shown)') is not five digits")))
        }
        guard length >= 26 else {
            return .failure(try skipToTerminator(MARCFault(
                record: number, offset: offset,
                reason: "the leader gives a record length of \(length) bytes, too short for a leader and a directory")))
        }
        _ = try fill(length)
        let have = buffer.count - start
        guard have >= length else {
            let fault = MARCFault(
                record: number, offset: offset,
                reason: "the file ends \(have) bytes into this record, whose leader gives a length of \(length) bytes")
            start = buffer.count
            return .failure(fault)
        }
        guard buffer[start + length - 1] == Self.recordTerminator else {
            let end = buffer[start..<(start + length)].firstIndex(of: Self.recordTerminator)
            var fault = MARCFault(record: number, offset: offset, reason: "")
            if let end {
                fault.reason = "the leader gives a record length of \(length) bytes but the record terminator comes after \(end - start + 1)"
            } else {
                fault.reason = "the leader gives a record length of \(length) bytes but there is no record terminator there"
            }
            return .failure(try skipToTerminator(fault))
        }
        let bytes = buffer[start..<(start + length)]
        start += length
        return .success(Raw(number: number, offset: offset, bytes: bytes))
    }

    /// Passes the next record terminator (or the end of the file) and returns `fault`.
    private func skipToTerminator(_ fault: MARCFault) throws -> MARCFault {
        var searched = start
        while true {
            if let end = buffer[searched...].firstIndex(of: Self.recordTerminator) {
                start = end + 1
                return fault
            }
            searched = buffer.count
            let before = buffer.count - start
            guard try fill(before + 1) else {
                start = buffer.count
                return fault
            }
            searched = start + before
        }
    }

    /// Makes at least `count` unread bytes available if the file has them; false when it has fewer.
    private func fill(_ count: Int) throws -> Bool {
        while buffer.count - start < count && !atEnd {
            if start > 0 {
                buffer.removeSubrange(0..<start)
                bufferOffset += start
                start = 0
            }
            let data: Data?
            do { data = try handle.read(upToCount: max(Self.blockSize, count)) } catch {
                throw CatalogueError.invalidFile(path: path, reason: "the file cannot be read")
            }
            guard let data, !data.isEmpty else {
                atEnd = true
                break
            }
            buffer.append(contentsOf: data)
        }
        return buffer.count - start >= count
    }

    /// The value of ASCII digits, or nil if any byte is not one.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return bytes.isEmpty ? nil : value
    }
}
