// The options that describe a book, shared by `add` and `edit`.
import ArgumentParser
import Catalogue

/// Options that describe a book, shared by `add` and `edit`.
struct BookOptions: ParsableArguments {
    @Option(help: "The title.")
    var title: String?
    @Option(name: .customLong("author"), help: "An author or editor; repeat for each, in order.")
    var authors: [String] = []
    @Option(name: .customLong("subject"), help: "A subject; repeat for each.")
    var subjects: [String] = []
    @Option(help: "The date: YYYY, YYYY-MM or YYYY-MM-DD.")
    var date: String?
    @Option(help: "The edition, e.g. '34th ed.'.")
    var edition: String?
    @Option(help: "The jurisdiction, e.g. 'England and Wales'.")
    var jurisdiction: String?
    @Option(help: "The ISBN.")
    var isbn: String?
    @Option(name: .customLong("copy"), help: ArgumentHelp("A copy's barcode; pair each with --at.", valueName: "barcode"))
    var copyBarcodes: [String] = []
    @Option(name: .customLong("at"), help: ArgumentHelp("The home location of the --copy before it.", valueName: "location"))
    var copyLocations: [String] = []

    func validate() throws {
        guard copyBarcodes.count == copyLocations.count else {
            throw ValidationError("give each --copy BARCODE an --at LOCATION (\(copyBarcodes.count) --copy, \(copyLocations.count) --at)")
        }
    }

    /// The book as `add` stores it.
    var fields: BookFields {
        BookFields(
            title: title ?? "", authors: authors, subjects: subjects, date: date, edition: edition,
            jurisdiction: jurisdiction, isbn: isbn)
    }

    /// The changes `edit` makes: an option left out leaves its field as it is.
    var changes: BookChanges {
        var changes = BookChanges()
        changes.title = title
        changes.authors = authors.isEmpty ? nil : authors
        changes.subjects = subjects.isEmpty ? nil : subjects
        changes.date = date
        changes.edition = edition
        changes.jurisdiction = jurisdiction
        changes.isbn = isbn
        return changes
    }

    var copies: [NewCopy] {
        zip(copyBarcodes, copyLocations).map { NewCopy(barcode: $0, location: $1) }
    }
}
