import Foundation

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing to standard output and standard error with POSIX `write(2)`, so
/// that a failed write is handled rather than a trap: Foundation's
/// non-throwing `FileHandle.write(_:)` stops the process with a backtrace
/// when the disk is full or the reader has gone.
///
/// The rules, as ripgrep keeps them: a closed pipe on standard output
/// (`lawcat search law | head -1`) ends the command quietly with exit 0, since
/// the reader has all it asked for; any other failed write of the output (a
/// full disk, an I/O error) is one line on stderr and exit 74. A failed write
/// to stderr is ignored: there is nowhere left to say so, and dying there
/// could stop an import half-way through its transaction.
///
/// Nothing is buffered: each call is written before it returns, which is what
/// lets scanner mode answer each scan as it arrives. Every answer is printed
/// after its transaction has committed, so an exit here never leaves a change
/// half-made.
enum Output {
    /// Makes a closed pipe an `EPIPE` from `write` instead of a SIGPIPE that
    /// kills the process wherever it is. Called once, first thing in `main`.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output, or ends the process as the rules above say.
    static func standardOutput(_ text: String) {
        guard let failure = write(text, to: STDOUT_FILENO) else { return }
        if failure == EPIPE { exit(0) }
        standardError("error: cannot write the output: \(describe(failure)); free some space or send it elsewhere\n")
        exit(74)
    }

    /// Writes `text` to standard error; a failure is ignored (see above).
    static func standardError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`, again after a signal interrupts
    /// the call and on after a partial write; nil when all was written, else
    /// the `errno` that stopped it.
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            guard let start = bytes.baseAddress else { return nil }
            var written = 0
            while written < bytes.count {
                let count = systemWrite(descriptor, start + written, bytes.count - written)
                if count >= 0 {
                    written += count
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }

    /// `strerror`'s words in lower case: "no space left on device".
    static func describe(_ code: Int32) -> String {
        let words = String(cString: strerror(code))
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}
