// What the librarian's pages in the browser ask of the library: marking a
// stocktake's not-seen copies missing as a step of its own, and reports as CSV.
@testable import Catalogue
import Foundation
import Testing

@Suite("Desk support in the library")
struct DeskSupportTests {
    @Test("Given a stocktake that did not see two copies, when they are marked missing afterwards, then only the one nobody has seen since is marked (never one it saw or that lives elsewhere), and undoing the stocktake undoes the mark")
    func markNotSeenMissing() throws {
        let db = try temporaryCatalogue()
        _ = try db.addBook(
            BookFields(title: "Chitty on Contracts"),
            copies: ["P1", "P2", "P3"].map { NewCopy(barcode: $0, location: "London/Library/Bay 1") })
        _ = try db.addBook(BookFields(title: "Lewin on Trusts"), copies: [NewCopy(barcode: "P9", location: "Store/Basement")])
        let report = try db.stocktake(at: "London/Library/Bay 1", scanned: ["P1"])
        #expect(report.notSeen.map(\.barcode) == ["P2", "P3"])
        // The form's barcodes are the browser's to send: a copy the stocktake saw, or one homed elsewhere, is never marked.
        #expect(try db.markNotSeenMissing(stocktake: report.id, barcodes: ["P1", "P9"]) == 0)
        #expect(try db.copyWhereabouts(barcode: "P1").status == .onShelf)
        #expect(try db.copyWhereabouts(barcode: "P9").status == .onShelf)
        #expect(try db.copyWhereabouts(barcode: "P2").status == .onShelf)
        // P3 turns up on another shelf before the librarian confirms.
        _ = try db.seen(barcode: "P3", at: "London/Library/Bay 2", by: nil, note: nil)
        #expect(try db.markNotSeenMissing(stocktake: report.id, barcodes: ["P2", "P3"]) == 1)
        #expect(try db.copyWhereabouts(barcode: "P2").status == .missing)
        #expect(try db.copyWhereabouts(barcode: "P3").status == .onShelf)
        #expect(try db.check().isClean)
        // Marking again marks nothing: P2 is missing already.
        #expect(try db.markNotSeenMissing(stocktake: report.id, barcodes: ["P2"]) == 0)
        _ = try db.undoStocktake(report.id)
        #expect(try db.copyWhereabouts(barcode: "P2").status == .onShelf)
        #expect(throws: CatalogueError.stocktakeNotFound(id: 99)) { try db.markNotSeenMissing(stocktake: 99, barcodes: ["P2"]) }
    }

    @Test("Given a report's copies, when written as CSV, then each is one line under the header, a title with a comma quoted")
    func reportCSV() throws {
        let db = try temporaryCatalogue()
        _ = try db.addBook(
            BookFields(title: "Contracts, the law of"), copies: [NewCopy(barcode: "Q1", location: "London/Library/Bay 1")])
        _ = try db.reportMissing(barcode: "Q1")
        let text = CopiesCSV.text(try db.report(.missing))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "barcode,title,status,home,location,borrower,due,overdue_days,since,last_seen")
        #expect(lines[1].hasPrefix("Q1,\"Contracts, the law of\",missing,London/Library/Bay 1,"))
    }
}
