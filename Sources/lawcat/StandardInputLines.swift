import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input a line at a time, each line handed over as soon as it has
/// arrived (a scanner types a barcode and Return; the answer must not wait
/// for the next one), and read with `read(2)` so that an interrupt ends the
/// wait rather than being lost inside a buffered read.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    private var ended = false

    /// What `next()` found.
    enum Line: Equatable {
        case line(String)
        case end
        case interrupted
    }

    /// The next line without its line break (and without a `\r` before it),
    /// the end of input, or an interrupt (`Interrupts.caught`) while waiting.
    mutating func next() -> Line {
        while true {
            if Interrupts.caught != nil { return .interrupted }
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(text)
            }
            if ended {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            // Waits at most a tenth of a second at a time: a signal delivered to
            // another thread, or just before the wait began, is still noticed.
            var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR && errno != EAGAIN {
                ended = true
            }
        }
    }
}
