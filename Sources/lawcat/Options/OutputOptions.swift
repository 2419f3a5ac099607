// `--json`: the one switch between the human table and JSON, so that every
// read command prints its library value the same way.
import ArgumentParser
import Catalogue

/// `--json`, shared by every command that reads.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// Prints `value` as JSON with `--json`, else as `human` renders it.
    func print<T: Encodable>(_ value: T, human: () throws -> Void) throws {
        if json { try Terminal.json(value) } else { try human() }
    }
}
