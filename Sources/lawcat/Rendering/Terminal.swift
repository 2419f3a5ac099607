// Where output goes (stdout, stderr), whether it may be coloured, and JSON.
import Catalogue
import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only when stdout is a terminal, and never with NO_COLOR set or TERM=dumb.
    static let colour: Bool = colourAllowed && isatty(STDOUT_FILENO) == 1

    /// Neither NO_COLOR nor TERM=dumb: colour where the stream is a terminal.
    static let colourAllowed: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }()

    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static func out(_ text: String) {
        Output.standardOutput(text)
    }

    static func line(_ text: String = "") {
        out(text + "\n")
    }

    /// One line on stderr: `error: …`.
    static func error(_ message: String) {
        Output.standardError("error: \(message)\n")
    }

    static func warning(_ message: String) {
        Output.standardError("warning: \(message)\n")
    }

    static func note(_ message: String) {
        Output.standardError(message)
    }

    /// Prints any Encodable value as JSON, with the encoder the server uses too.
    static func json<T: Encodable>(_ value: T) throws {
        out(try CatalogueJSON.string(value))
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
