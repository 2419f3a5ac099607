import GRDB

extension Database {
    /// Writes every book as a MARC 21 record (ISO 2709 in UTF-8, or MARCXML),
    /// in book order, in pages so that memory stays flat on a large catalogue.
    func exportMARC(xml: Bool, to output: (String) throws -> Void) throws {
        if xml { try output(MARCXMLWriter.header) }
        var lastID: Int64 = 0
        while true {
            let books = try Book.fetchAll(
                self, sql: "SELECT * FROM book WHERE id > ? ORDER BY id LIMIT 500", arguments: [lastID])
            guard let last = books.last else { break }
            lastID = last.id
            for details in try self.details(of: books) {
                let record = MARCBookRecord.record(details)
                if xml {
                    try output(MARCXMLWriter.record(record))
                    continue
                }
                do {
                    try output(String(decoding: try ISO2709Writer.bytes(record), as: UTF8.self))
                } catch let error as ISO2709Writer.TooLarge {
                    throw CatalogueError.unexpected(
                        "book \(details.book.id) cannot be written as MARC 21: \(error.reason); export it as MARCXML or CSV")
                }
            }
        }
        if xml { try output(MARCXMLWriter.footer) }
    }
}
