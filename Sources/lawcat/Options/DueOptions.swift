// `--due DATE` or `--days N`: when a loan is due, for `checkout` and `renew`.
import ArgumentParser
import Catalogue

/// `--due` or `--days`, one or neither, as the library's `DueDate`.
struct DueOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The due date, YYYY-MM-DD.", valueName: "date"))
    var due: String?
    // Unconditional, so that `--days -3` reaches the check that says "must be 1 or more".
    @Option(parsing: .unconditional, help: ArgumentHelp("Due this many days from today.", valueName: "n"))
    var days: Int?

    func validate() throws {
        if due != nil && days != nil { throw ValidationError("give --due or --days, not both") }
    }

    /// The due date asked for, with what cannot be one refused (see `DueDateArguments`).
    func dueDate() throws -> DueDate { try DueDateArguments.dueDate(due: due, days: days) }
}
