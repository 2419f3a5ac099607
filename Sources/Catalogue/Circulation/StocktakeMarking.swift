// Marking a stocktake's not-seen copies missing as a step of its own, after
// the librarian has read the report (the desk in the browser confirms it
// first). The marks belong to the stocktake, so `undo --stocktake` undoes
// them with its sightings.
import GRDB

extension CatalogueDatabase {
    /// Marks missing those of `barcodes` that stocktake `id` did not see and
    /// that are still on the shelf under its location, in one transaction;
    /// returns how many were marked. A copy seen, lent or moved since the
    /// report was read is left alone, and so is one the report could not have
    /// listed (scanned by the stocktake, or homed or placed elsewhere).
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
                // The barcodes come back from the browser's form: only a copy the report listed as not
                // seen (homed under the location, placed there or at home, not scanned) may be marked.
                let notSeen = try Bool.fetchOne(
                    db,
                    SQLRequest(literal: """
                        SELECT EXISTS (
                          SELECT 1 FROM copy c JOIN location h ON h.id = c.home_id LEFT JOIN location l ON l.id = c.location_id
                          WHERE c.id = \(copy.id) AND \(LocationPath.under("h", path))
                            AND (c.location_id IS NULL OR \(LocationPath.under("l", path)))
                            AND NOT EXISTS (SELECT 1 FROM event e WHERE e.copy_id = c.id AND e.stocktake_id = \(id)))
                        """)) ?? false
                guard notSeen else { continue }
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
