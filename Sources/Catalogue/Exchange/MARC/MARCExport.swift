import GRDB

extension Database {
    /// Writes every book as a MARC 21 record (ISO 2709 in UTF-8, or MARCXML),
    /// in book order (`forEachBook`, in pages: memory stays flat).
    func exportMARC(xml: Bool, to output: (String) throws -> Void) throws {
        if xml { try output(MARCXMLWriter.header) }
        try forEachBook { details in
            let record = MARCBookRecord.record(details)
            if xml {
                try output(MARCXMLWriter.record(record))
                return
            }
            do {
                try output(String(decoding: try ISO2709Writer.bytes(record), as: UTF8.self))
            } catch let error as ISO2709Writer.TooLarge {
                throw CatalogueError.notExportable(bookID: details.book.id, reason: error.reason)
            }
        }
        if xml { try output(MARCXMLWriter.footer) }
    }
}
