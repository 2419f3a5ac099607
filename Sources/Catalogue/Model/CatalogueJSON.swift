// The one JSON encoder for everything lawcat prints or serves: the CLI's
// `--json` and the server's API call this, so that the two cannot drift.
import Foundation

/// lawcat's JSON: keys sorted, indented, slashes as they are, ending with a line break.
public enum CatalogueJSON {
    /// `value` as lawcat prints it, with the final line break.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The same as text.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}
