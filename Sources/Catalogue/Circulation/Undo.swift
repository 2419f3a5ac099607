import GRDB

/// Undoing: a mistaken checkout, move, missing report or whole stocktake put
/// right. The log is append-only, so an undo is an event of its own (`undone`)
/// that carries the copy's state from before the mistake; `event_undone` names
/// what it undid. The state is the replay of the copy's log without the undone
/// events, the same replay `lawcat check` makes, so check stays clean.
///
/// What one undo undoes: a copy's latest event in effect, with the events it
/// was recorded with (`follows_id`: a find recorded before a return, say).
/// Undoing again undoes the action before that; an `added` event is never
/// undone (remove or withdraw the copy instead).

/// What an undo put right on one copy.
public struct UndoResult: Sendable {
    /// The copy as it stands after the undo.
    public var copy: CirculationResult
    /// The events undone, oldest first.
    public var undone: [CopyEvent]
}

/// What undoing a stocktake put right.
public struct StocktakeUndoResult: Sendable {
    public var stocktake: Int64
    public var location: String
    /// One entry a copy the stocktake recorded something of, in barcode order.
    public var copies: [UndoResult]
}

/// One event as the replay reads it, decoded from `event`'s columns.
struct LoggedEvent: Decodable, FetchableRecord {
    var id: Int64
    var kind: EventKind
    var at: String
    var locationID: Int64?
    var personID: Int64?
    var due: String?
    var followsID: Int64?
    var stocktakeID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, kind, at, due
        case locationID = "location_id", personID = "person_id", followsID = "follows_id", stocktakeID = "stocktake_id"
    }
}

extension CatalogueDatabase {
    /// Undoes the copy's latest action (see the file's comment).
    public func undo(barcode: String, note: String? = nil) throws -> UndoResult {
        let now = nowStamp
        return try write { db in try db.undoLatest(of: try CopyRow.fetch(db, barcode: barcode), at: now, note: note) }
    }

    /// Undoes the action that recorded event `id` (with the events recorded
    /// with it), and only while it is still the copy's latest action in effect.
    /// Why: the desk's Undo button names the line's own event, so a form sent
    /// twice (a reload) or an Undo pressed on an older line is refused, where
    /// undoing "the latest action" would undo the one before it, or someone
    /// else's scan.
    public func undo(event id: Int64, note: String? = nil) throws -> UndoResult {
        let now = nowStamp
        return try write { db in
            guard let barcode = try String.fetchOne(
                db, sql: "SELECT c.barcode FROM event e JOIN copy c ON c.id = e.copy_id WHERE e.id = ?", arguments: [id])
            else { throw CatalogueError.invalidField(field: "event", value: String(id), reason: "no event has this id") }
            return try db.undoLatest(of: try CopyRow.fetch(db, barcode: barcode), at: now, note: note, expecting: id)
        }
    }

    /// Undoes everything stocktake `id` recorded, all or nothing: refused when
    /// anything has happened to one of its copies since (undo that first).
    public func undoStocktake(_ id: Int64, note: String? = nil) throws -> StocktakeUndoResult {
        let now = nowStamp
        return try write { db in
            guard let location = try String.fetchOne(
                db, sql: "SELECT l.path FROM stocktake s JOIN location l ON l.id = s.location_id WHERE s.id = ?",
                arguments: [id])
            else { throw CatalogueError.stocktakeNotFound(id: id) }
            let copies = try CopyRow.fetchAll(
                db,
                where: "c.id IN (SELECT e.copy_id FROM event e WHERE e.stocktake_id = ? AND \(Database.eventIsInEffect))",
                arguments: [id])
            guard !copies.isEmpty else {
                throw CatalogueError.refused(barcode: "stocktake \(id)", reason: "nothing it recorded is left to undo")
            }
            var plans: [(CopyRow, group: [LoggedEvent], keeping: [LoggedEvent])] = []
            for copy in copies {
                let events = try db.eventsInEffect(ofCopy: copy.id).filter(\.kind.isAction)
                guard let first = events.firstIndex(where: { $0.stocktakeID == id }) else { continue }
                if let later = events[first...].first(where: { $0.stocktakeID != id }) {
                    throw CatalogueError.refused(
                        barcode: "stocktake \(id)",
                        reason: Reason(
                            "\(copy.barcode) has been \(later.kind.rawValue) since it was scanned;"
                                + " undo that first (`lawcat undo \(copy.barcode)`), then the stocktake"))
                }
                plans.append((copy, Array(events[first...]), Array(events[..<first])))
            }
            let note = note ?? "undoing stocktake \(id)"
            let results = try plans.map { try db.undo($0.group, of: $0.0, keeping: $0.keeping, at: now, note: note) }
            return StocktakeUndoResult(stocktake: id, location: location, copies: results)
        }
    }
}

extension Database {
    /// The copy's events in effect (not undone, not undos), oldest first.
    func eventsInEffect(ofCopy copyID: Int64) throws -> [LoggedEvent] {
        try LoggedEvent.fetchAll(
            cachedStatement(sql: """
                SELECT e.id, e.kind, e.at, e.location_id, e.person_id, e.due, e.follows_id, e.stocktake_id
                FROM event e WHERE e.copy_id = ? AND \(Self.eventIsInEffect) ORDER BY e.id
                """), arguments: [copyID])
    }

    /// Records the undoing of `group`: an `undone` event carrying the state
    /// that `keeping` (the events before it) make, then what it undid.
    func undo(_ group: [LoggedEvent], of copy: CopyRow, keeping: [LoggedEvent], at now: String, note: String?)
        throws -> UndoResult
    {
        var state = ReplayedCopy()
        let survivors = try Survivors(self)
        for event in keeping {
            state.apply(
                id: event.id, kind: event.kind, at: event.at, locationID: survivors.location(event.locationID),
                personID: survivors.person(event.personID), due: event.due)
        }
        try execute(
            sql: """
                INSERT INTO event(copy_id, kind, at, location_id, person_id, due, note,
                                  restores_status, restores_since, restores_seen_id, restores_home_id)
                VALUES (?, 'undone', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                copy.id, now, state.locationID, state.borrowerID, state.due, note?.trimmed.nonEmpty,
                state.status, state.since, state.lastSeenEventID, state.homeID ?? copy.homeID,
            ])
        let undoID = lastInsertedRowID
        for event in group {
            try execute(
                sql: "INSERT INTO event_undone(event_id, undone_by_id) VALUES (?, ?)", arguments: [event.id, undoID])
        }
        let undone = try CopyEvent.fetchAll(
            self, sql: CopyEvent.selection + " WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
            arguments: [JSONList.encodeIDs(group.map(\.id))])
        return UndoResult(copy: try result(copy, base: .blank), undone: undone)
    }
}

extension Database {
    /// Undoes the copy's latest action in effect; with `expecting`, only while
    /// that action's last event is the one named.
    func undoLatest(of copy: CopyRow, at now: String, note: String?, expecting: Int64? = nil) throws -> UndoResult {
        let events = try eventsInEffect(ofCopy: copy.id).filter(\.kind.isAction)
        if let expecting, events.last?.id != expecting {
            throw CatalogueError.refused(
                barcode: copy.barcode,
                reason: "that has been undone already, or something else has happened to this copy since; nothing was changed")
        }
        guard let last = events.last, last.kind != .added else {
            throw CatalogueError.refused(
                barcode: copy.barcode,
                reason: Reason(
                    commandLine: "nothing to undo: nothing has happened to this copy since it was added"
                        + " (to take it off the shelves, use `lawcat withdraw \(copy.barcode)`)",
                    browser: "nothing to undo: nothing has happened to this copy since it was added"))
        }
        // The latest event and, back along follows_id, those recorded with it.
        var start = events.count - 1
        while let follows = events[start].followsID, start > 0, events[start - 1].id == follows { start -= 1 }
        return try undo(Array(events[start...]), of: copy, keeping: Array(events[..<start]), at: now, note: note)
    }
}
