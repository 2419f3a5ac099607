import Catalogue

/// How many books and copies, as an array that `#expect` can compare.
func countsOf(_ catalogue: CatalogueDatabase) throws -> [Int] {
    let counts = try catalogue.counts()
    return [counts.books, counts.copies]
}

/// The whole catalogue as CSV, as `lawcat export` writes it.
func exportCSV(_ catalogue: CatalogueDatabase) throws -> String {
    var text = ""
    try catalogue.export(format: .csv) { text += $0 }
    return text
}

/// A catalogue file from CSV text.
func importText(_ text: String, into catalogue: CatalogueDatabase, dryRun: Bool = false) throws -> ImportReport {
    try catalogue.importCSV(path: temporaryFile(text), dryRun: dryRun)
}
