@testable import Catalogue
import Foundation
import GRDB
import Testing

/// v6 makes barcodes ignore case. An older catalogue whose barcodes differ
/// only in case cannot have it: the upgrade is refused, naming them, and the
/// file is left as it was.
@Suite("Upgrading to barcodes that ignore case")
struct BarcodeCaseUpgradeTests {
    @Test("Given a v1 catalogue with C1 and c1, when it is opened, then the upgrade is refused naming both and nothing changes")
    func clashRefused() throws {
        let path = try MigrationTests.catalogue(atVersion: 1, extra: """
            INSERT INTO copy(id, book_id, barcode, home_id) VALUES (5, 2, 'c1', 2);
            INSERT INTO event(copy_id, kind, at, location_id) VALUES (5, 'added', '2025-01-02T09:00:00.000Z', 2);
            """)
        let before = try MigrationTests.rows(path)
        #expect(throws: CatalogueError.upgradeRefused(
            path: path,
            reason: "barcodes C1 and c1 differ only in case, and lawcat now takes them for one; give one of each pair a new barcode first (docs/reference.md, 'Barcodes that differ only in case')"
        )) {
            _ = try CatalogueDatabase(path: path, create: false)
        }
        #expect(try MigrationTests.version(path) == 1)
        #expect(try MigrationTests.rows(path) == before)
    }

    @Test("Given a v1 catalogue with a loan, when it is upgraded, then its events keep their ids and an undo of the loan works")
    func upgradedLogCanBeUndone() throws {
        let path = try MigrationTests.catalogue(atVersion: 1)
        let catalogue = try CatalogueDatabase(path: path, create: false)
        // C2 went out in v1's log; its checkout is still the loan's event.
        let undone = try catalogue.undo(barcode: "c2")
        #expect(undone.undone.map(\.kind) == [EventKind.checkedOut])
        #expect(undone.copy.status == CopyStatus.onShelf)
        #expect(try catalogue.check().problems == [])
    }
}
