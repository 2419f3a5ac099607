// `lawcat merge`: a book catalogued twice made one record.
import ArgumentParser
import Catalogue

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a book catalogued twice: every copy of FROM, with its history, moves to INTO, and FROM is deleted.",
        discussion: """
            FROM and INTO are book ids (or a copy's barcode, or an ISBN). Withdrawn copies
            move too. Each copy's history records the merge (`merged`).
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The book to merge away.")
    var from: String
    @Argument(help: "The book that remains.")
    var into: String
    @Option(help: "A note for each copy's history.")
    var note: String?

    func run() throws {
        let merge = try catalogue.open(create: false).mergeBooks(from, into: into, note: note)
        let copies = merge.copies.isEmpty ? "no copies" : "\(merge.copies.count) \(merge.copies.count == 1 ? "copy" : "copies") (\(merge.copies.joined(separator: ", ")))"
        Terminal.line(
            "merged book \(merge.from.id) into book \(merge.into.id) ('\(merge.into.fields.title.truncated(to: 60))'): moved \(copies); deleted book \(merge.from.id)")
    }
}
