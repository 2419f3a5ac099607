// What `people add` and `people edit` both say about a person besides their
// name: one declaration, so that the two commands describe them alike.
import ArgumentParser

/// `--email` and `--staff-id`.
struct PersonOptions: ParsableArguments {
    @Option(help: "Their e-mail address (for reminders).")
    var email: String?
    @Option(help: ArgumentHelp("Their staff id.", valueName: "id"))
    var staffId: String?
}
