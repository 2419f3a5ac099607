/// Hands the records of a MARC 21 exchange file (ISO 2709) to the import,
/// each as the book and copies lawcat keeps of it (MARCBookMapping), or as
/// a refusal that names the record and what is wrong with it.
final class MARCImportSource: ImportRecordSource {
    private let reader: ISO2709Reader
    private let locations: [String: String]

    init(path: String, locations: [String: String]) throws {
        reader = try ISO2709Reader(path: path)
        self.locations = locations
    }

    func read(_ take: (ImportRecordItem) -> Bool) throws {
        while let next = try reader.next() {
            let item: ImportRecordItem
            switch next {
            case .failure(let fault):
                item = .refused(ImportPlace(record: fault.record, offset: fault.offset), reason: fault.reason)
            case .success(let raw):
                let place = ImportPlace(record: raw.number, offset: raw.offset)
                var notes: [String] = []
                switch ISO2709Record.parse(raw, wanted: MARCBookMapping.wants, notes: &notes) {
                case .failure(let fault):
                    item = .refused(place, reason: fault.reason)
                case .success(let record):
                    item = Self.item(record, at: place, notes: notes, locations: locations)
                }
            }
            guard take(item) else { return }
        }
    }

    /// The book and copies of one record that was read whole.
    static func item(
        _ record: MARCRecord, at place: ImportPlace, notes: [String], locations: [String: String]
    ) -> ImportRecordItem {
        let copies = MARCBookMapping.holdings(of: record, locations: locations)
            .map { ImportRecordCopy(barcode: $0.barcode, location: $0.home) }
        return .book(place, fields: MARCBookMapping.fields(of: record), copies: copies, notes: notes)
    }
}

/// `--locations FILE`: a two-column CSV of holdings' location codes and the
/// paths they stand for (`LON,London`, `REF,Library/Reference`). A first
/// row `code,path` is a header.
enum MARCLocations {
    static func load(_ path: String) throws -> [String: String] {
        let reader = try CatalogueDatabase.openCSV(path)
        var codes: [String: String] = [:]
        var first = true
        while let row = try CatalogueDatabase.nextRecord(reader, path: path) {
            defer { first = false }
            let fields = row.fields.map(\.trimmed)
            if fields.allSatisfy(\.isEmpty) { continue }
            if first && fields.first?.lowercased() == "code" { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw CatalogueError.invalidFile(
                    path: path, reason: "line \(row.line): a locations file has two columns, a code and its path (LON,London)")
            }
            codes[fields[0]] = fields[1]
        }
        return codes
    }
}
