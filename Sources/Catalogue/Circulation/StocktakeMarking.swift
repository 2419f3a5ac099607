// Marking a stocktake's not-seen copies missing as a step of its own, after
// the librarian has read the report (the desk in the browser confirms it
// first). The marks belong to the stocktake, so `undo --stocktake` undoes
// them with its sightings.
import GRDB

extension CatalogueDatabase {
    /// Marks missing those of `barcodes` that stocktake `id` did not see and
    /// that are still on the shelf under its location, in one transaction;
    /// returns how many were marked. A copy seen, lent or moved since the
    /// report was read is left alone.
    public func markNotSeenMissing(stocktake id: Int64, barcodes: [String]) throws -> Int {
        let now = nowStamp
        return try write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT s.started, l.path FROM stocktake s JOIN location l ON l.id = s.location_id WHERE s.id = ?",
                arguments: [id])
            else { throw CatalogueError.stocktakeNotFound(id: id) }
            let started: String = row["started"]
            let path: String = row["path"]
            // Since the report: after the stocktake's last event (by id, as a fixed clock
            // gives every event one time), or, when it recorded none, after it began.
            let since = try Int64.fetchOne(
                db,
                sql: """
                    SELECT COALESCE((SELECT max(id) FROM event WHERE stocktake_id = ?1),
                                    (SELECT max(id) FROM event WHERE at < ?2), 0)
                    """, arguments: [id, started]) ?? 0
            var marked = 0
            for barcode in barcodes {
                let copy = try CopyRow.fetch(db, barcode: barcode)
                guard copy.status == .onShelf else { continue }
                let changedSince = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE copy_id = ? AND id > ?)",
                    arguments: [copy.id, since]) ?? false
                guard !changedSince else { continue }
                try db.recordEvent(
                    copyID: copy.id, barcode: copy.barcode, kind: .missing, at: now,
                    note: "not scanned in the stocktake of \(path) at \(started)", stocktake: id)
                marked += 1
            }
            return marked
        }
    }
}
