import Catalogue

/// How a `CatalogueError` is said on stderr: its one-line message, except for
/// an import with several bad rows, which gets one line per bad row (so each
/// can be read, grepped and fixed on its own) and a last line that sums up.
/// One bad row stays a single line, as every other refusal is.
enum FailureRendering {
    /// The lines to print, each without `error: ` and each one line.
    static func lines(for error: CatalogueError) -> [String] {
        guard case .invalidImport(let problems, let total) = error, total > 1 else { return [error.message] }
        let named = problems.count == total ? "each named above" : "the first \(problems.count) named above"
        // A MARC file's problems are named by record, a CSV file's by line.
        let what = problems.first?.place != nil ? "records" : "rows"
        return problems.map { oneLine($0.description) }
            + ["nothing imported: \(total) bad \(what) (\(named)); fix them and import again"]
    }

    /// Control characters (a line break inside a quoted CSV field) as spaces,
    /// as `CatalogueError.message` does, so that a row's line stays one line.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }))
    }
}
