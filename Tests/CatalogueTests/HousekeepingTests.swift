@testable import Catalogue
import Foundation
import GRDB
import Testing

@Suite("Housekeeping in the library")
struct HousekeepingTests {
    @Test("Given known names, then a name is close to one a letter or two away, with other punctuation, or with the same surname; not to one with other numbers or nothing in common",
          arguments: [
            ("Priya Raghunatan", ["Priya Raghunathan"]), ("Tom OBrien", ["Tom O'Brien"]), ("tom o-brien", ["Tom O'Brien"]),
            ("J. Smith", ["Jane Smith"]), ("Reader 2", []), ("Harriet Blake", []), ("Zoë Ng", ["Zoe Ng"]),
          ])
    func closeNames(typed: String, expected: [String]) {
        let known = ["Priya Raghunathan", "Tom O'Brien", "Jane Smith", "Reader 1", "Zoe Ng"]
        #expect(PersonNames.close(to: typed, among: known) == expected)
    }

    @Test("Given a person and a location merged, when the log is replayed (check, undo), then every copy's state names the survivors, and the record of merges is append-only")
    func mergesReplay() throws {
        let catalogue = try temporaryCatalogue()
        _ = try catalogue.addBook(
            BookFields(title: "Chitty on Contracts"),
            copies: [NewCopy(barcode: "C1", location: "London/Bay 1"), NewCopy(barcode: "C2", location: "London/Bay 2")])
        _ = try catalogue.checkout(barcode: "C1", to: "Priya Sha")
        _ = try catalogue.checkout(barcode: "C2", to: "Priya Shah", newPerson: true)
        let merge = try catalogue.mergePeople("Priya Sha", into: "Priya Shah")
        #expect(merge.into.onLoan == 2 && merge.loansMoved == 1)
        let rename = try catalogue.renameLocation("London/Bay 1", to: "London/Bay 2")
        #expect(rename.steps == [.init(from: "London/Bay 1", to: "London/Bay 2", merged: true)])
        #expect(try catalogue.check().problems == [])
        _ = try catalogue.undo(barcode: "C1")
        #expect(try catalogue.whereabouts("C1").copies.first { $0.barcode == "C1" }?.home == "London/Bay 2")
        #expect(try catalogue.check().problems == [])
        let merges = try catalogue.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM merge_record") }
        #expect(merges == 2)
        #expect(throws: (any Error).self) {
            try catalogue.writer.write { try $0.execute(sql: "DELETE FROM merge_record") }
        }
    }
}
