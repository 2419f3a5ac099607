import Foundation

/// One record of a CSV file and the line it starts on (1-based, counting the header).
struct CSVRecord {
    var fields: [String]
    var line: Int
}

/// Why a CSV file cannot be read.
enum CSVError: Error, Equatable {
    case unbalancedQuote(line: Int)
    case textAfterQuote(line: Int)
    case notUTF8(line: Int)
    case unreadable

    var reason: String {
        switch self {
        case .unbalancedQuote(let line):
            return "line \(line): a quoted field is never closed; close it with a double quote"
        case .textAfterQuote(let line):
            return "line \(line): a quoted field that opens on this line has text after its closing quote; "
                + "look for an unbalanced quote there, and double any quote inside a field"
        case .notUTF8(let line):
            return "line \(line): the text is not UTF-8; save the file as UTF-8 and try again"
        case .unreadable:
            return "the file cannot be read"
        }
    }
}

/// A streaming RFC 4180 reader: UTF-8 (a BOM is skipped), quoted fields with
/// commas, doubled quotes and newlines inside them, LF or CRLF line ends. It
/// reads the file in blocks, so memory does not grow with the file.
final class CSVReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var startedFile = false

    private static let blockSize = 1 << 20
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CSVError.unreadable }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    private func nextByte() throws -> UInt8? {
        if position == buffer.count {
            if atEnd { return nil }
            let data: Data?
            do { data = try handle.read(upToCount: Self.blockSize) } catch { throw CSVError.unreadable }
            guard let data, !data.isEmpty else {
                atEnd = true
                return nil
            }
            buffer = [UInt8](data)
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    @inline(__always)
    private func peekByte() throws -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        position -= 1
        return byte
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    func next() throws -> CSVRecord? {
        if !startedFile {
            startedFile = true
            try skipByteOrderMark()
        }
        while true {
            guard let first = try peekByte() else { return nil }
            if first == Self.lf || first == Self.cr {
                try consumeLineEnd()
                continue
            }
            break
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(128)
        var quoted = false
        var fieldStartLine = line

        func finishField() throws {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError.notUTF8(line: fieldStartLine)
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            quoted = false
            fieldStartLine = line
        }

        while let byte = try nextByte() {
            if quoted {
                if byte == Self.quote {
                    if try peekByte() == Self.quote {
                        _ = try nextByte()
                        field.append(Self.quote)
                    } else {
                        // The closing quote: only a comma or a line end may follow.
                        guard let after = try peekByte() else {
                            quoted = false
                            break
                        }
                        if after == Self.comma {
                            _ = try nextByte()
                            try finishField()
                            continue
                        }
                        if after == Self.lf || after == Self.cr {
                            try consumeLineEnd()
                            try finishField()
                            return CSVRecord(fields: fields, line: startLine)
                        }
                        // Name the line where the quoted field opened: after an
                        // unbalanced quote that is where the mistake is, even
                        // though the reader only notices lines later.
                        throw CSVError.textAfterQuote(line: fieldStartLine)
                    }
                } else {
                    if byte == Self.lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case Self.comma:
                try finishField()
            case Self.lf, Self.cr:
                position -= 1
                try consumeLineEnd()
                try finishField()
                return CSVRecord(fields: fields, line: startLine)
            case Self.quote where field.isEmpty:
                quoted = true
                fieldStartLine = line
            default:
                field.append(byte)
            }
        }
        // The file ended inside a quoted field.
        if quoted { throw CSVError.unbalancedQuote(line: fieldStartLine) }
        try finishField()
        return CSVRecord(fields: fields, line: startLine)
    }

    private func consumeLineEnd() throws {
        let byte = try nextByte()
        if byte == Self.cr, try peekByte() == Self.lf { _ = try nextByte() }
        line += 1
    }

    private func skipByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for expected in bom {
            guard try peekByte() == expected else {
                // Not a BOM: put back what was read (at most the first block's start).
                position = 0
                return
            }
            _ = try nextByte()
        }
    }
}
