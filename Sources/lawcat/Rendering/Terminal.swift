// Where output goes (stdout, stderr), whether it may be coloured, and JSON.
import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only when stdout is a terminal, and never with NO_COLOR set or TERM=dumb.
    static let colour: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }()

    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func line(_ text: String = "") {
        out(text + "\n")
    }

    /// One line on stderr: `error: …`.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Prints any Encodable value as JSON (keys as the README documents them).
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// ANSI styles, applied only when `Terminal.colour`.
enum Style {
    case bold, dim, green, yellow, red, cyan

    private var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .green: "32"
        case .yellow: "33"
        case .red: "31"
        case .cyan: "36"
        }
    }

    func apply(_ text: String) -> String {
        apply(text, terminal: Terminal.colour)
    }

    /// Styled when `terminal` (stderr's answers ask about stderr, not stdout).
    func apply(_ text: String, terminal: Bool) -> String {
        let plain = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return terminal && !plain && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
