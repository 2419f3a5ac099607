-- v6-desk: renewals, undoing, new homes, merges and reminders in the log, stocktakes
-- with an id, and barcodes that ignore case.
-- The event table is rebuilt, because SQLite cannot change a CHECK in place:
-- its kinds gain 'renewed', 'undone', 'rehomed' (a copy given a new home),
-- 'merged' (a copy moved from a book catalogued twice to the other record)
-- and 'reminded' (an overdue reminder written to its borrower), and it gains
-- the columns an undo and a stocktake need. Every event keeps its id, so loans and copies' last
-- sightings point at the same rows. The old table is copied aside and
-- dropped, and the new one made under the same name, so that copy's and
-- loan's references (`REFERENCES event`) keep their text. Dropping it counts
-- those references as broken until each event is back: foreign keys are
-- checked at the commit instead, and a temporary index lets SQLite find the
-- copies of each event again at once rather than by a scan of every copy.
PRAGMA defer_foreign_keys = ON;
CREATE INDEX copy_by_last_seen_during_v6 ON copy(last_seen_event_id);

-- A stocktake of one location: the events it records carry its id, so that
-- its report can be made again and the whole of it undone. `finished` stays
-- NULL for a stocktake that was interrupted (its sightings are kept: they
-- are true; nothing was marked missing).
CREATE TABLE stocktake (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES location(id),
  started TEXT NOT NULL,
  finished TEXT
);

CREATE TEMP TABLE event_before_v6 AS
  SELECT id, copy_id, kind, at, location_id, person_id, due, note FROM event;
DROP TABLE event;
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  copy_id INTEGER NOT NULL REFERENCES copy(id),
  kind TEXT NOT NULL
    CONSTRAINT event_kind_is_known CHECK (
      kind IN ('added', 'checked-out', 'returned', 'moved', 'seen', 'missing', 'found', 'withdrawn',
               'renewed', 'undone', 'rehomed', 'merged', 'reminded')
    ),
  at TEXT NOT NULL
    CONSTRAINT event_at_is_utc CHECK (
      at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'
    ),
  location_id INTEGER REFERENCES location(id),
  person_id INTEGER REFERENCES person(id),
  due TEXT CONSTRAINT event_due_is_a_date CHECK (due IS NULL OR date(due) IS due),
  note TEXT,
  -- The stocktake that recorded this event, if one did.
  stocktake_id INTEGER REFERENCES stocktake(id),
  -- The event this one was recorded with, by one command on one copy (a
  -- find before a return, say): an undo undoes them together.
  follows_id INTEGER REFERENCES event(id),
  -- An 'undone' event puts the copy back as it was: its place, person and
  -- due are the copy's again, and these four are the rest of its state.
  restores_status TEXT,
  restores_since TEXT,
  restores_seen_id INTEGER REFERENCES event(id),
  restores_home_id INTEGER REFERENCES location(id),
  CONSTRAINT event_place_is_required CHECK (
    kind NOT IN ('added', 'returned', 'moved', 'seen', 'rehomed') OR location_id IS NOT NULL
  ),
  CONSTRAINT event_borrower_is_required CHECK (kind <> 'checked-out' OR person_id IS NOT NULL),
  CONSTRAINT event_renewal_has_due CHECK (kind <> 'renewed' OR due IS NOT NULL),
  CONSTRAINT event_undo_restores_a_state CHECK (
    (kind = 'undone') = (restores_status IS NOT NULL)
    AND (kind = 'undone') = (restores_home_id IS NOT NULL)
    AND (kind = 'undone' OR (restores_since IS NULL AND restores_seen_id IS NULL))
    AND (restores_status IS NULL OR restores_status IN ('on-shelf', 'on-loan', 'missing', 'withdrawn'))
  )
);
INSERT INTO event(id, copy_id, kind, at, location_id, person_id, due, note)
  SELECT id, copy_id, kind, at, location_id, person_id, due, note FROM temp.event_before_v6 ORDER BY id;
DROP TABLE temp.event_before_v6;
DROP INDEX copy_by_last_seen_during_v6;

CREATE INDEX event_by_copy ON event(copy_id, id);
CREATE INDEX event_by_person ON event(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX event_by_stocktake ON event(stocktake_id) WHERE stocktake_id IS NOT NULL;

-- Each undone event, and the 'undone' event that undid it. An event is undone
-- at most once, and the log itself never changes: undoing is an event of its own.
CREATE TABLE event_undone (
  event_id INTEGER PRIMARY KEY REFERENCES event(id),
  undone_by_id INTEGER NOT NULL REFERENCES event(id)
);

CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_undone_is_append_only_update BEFORE UPDATE ON event_undone BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_undone_is_append_only_delete BEFORE DELETE ON event_undone BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;

-- Refusals: what a copy's state forbids (as before v6; an undo of a
-- withdrawal is the one thing that may still happen to a withdrawn copy).
CREATE TRIGGER event_refused_when_withdrawn BEFORE INSERT ON event
WHEN new.kind <> 'undone' AND (SELECT status FROM copy WHERE id = new.copy_id) = 'withdrawn' BEGIN
  SELECT RAISE(ABORT, 'lawcat:withdrawn');
END;
CREATE TRIGGER event_checkout_refused BEFORE INSERT ON event
WHEN new.kind = 'checked-out' AND (SELECT status FROM copy WHERE id = new.copy_id) <> 'on-shelf' BEGIN
  SELECT RAISE(ABORT, 'lawcat:not-on-shelf');
END;
CREATE TRIGGER event_return_refused BEFORE INSERT ON event
WHEN new.kind = 'returned' AND (SELECT borrower_id FROM copy WHERE id = new.copy_id) IS NULL BEGIN
  SELECT RAISE(ABORT, 'lawcat:not-on-loan');
END;
CREATE TRIGGER event_renewal_refused BEFORE INSERT ON event
WHEN new.kind = 'renewed' AND (SELECT status FROM copy WHERE id = new.copy_id) <> 'on-loan' BEGIN
  SELECT RAISE(ABORT, 'lawcat:nothing-to-renew');
END;
CREATE TRIGGER event_missing_refused BEFORE INSERT ON event
WHEN new.kind = 'missing' AND (SELECT status FROM copy WHERE id = new.copy_id) = 'missing' BEGIN
  SELECT RAISE(ABORT, 'lawcat:already-missing');
END;
CREATE TRIGGER event_found_refused BEFORE INSERT ON event
WHEN new.kind = 'found' AND (SELECT status FROM copy WHERE id = new.copy_id) <> 'missing' BEGIN
  SELECT RAISE(ABORT, 'lawcat:not-missing');
END;
CREATE TRIGGER event_withdraw_refused BEFORE INSERT ON event
WHEN new.kind = 'withdrawn' AND (SELECT borrower_id FROM copy WHERE id = new.copy_id) IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'lawcat:on-loan');
END;
CREATE TRIGGER event_sighting_refused_when_missing BEFORE INSERT ON event
WHEN (new.kind = 'returned' OR new.kind = 'moved' OR new.kind = 'seen')
  AND (SELECT status FROM copy WHERE id = new.copy_id) = 'missing' BEGIN
  SELECT RAISE(ABORT, 'lawcat:missing');
END;

-- Effects: each event moves the copy's current state on (as before v6).
CREATE TRIGGER event_places_copy AFTER INSERT ON event
WHEN new.kind = 'checked-out' OR new.kind = 'returned'
  OR new.kind = 'moved' OR new.kind = 'seen' OR new.kind = 'found' BEGIN
  UPDATE copy SET
    status = CASE new.kind
      WHEN 'checked-out' THEN 'on-loan'
      WHEN 'returned' THEN 'on-shelf'
      WHEN 'found' THEN CASE WHEN borrower_id IS NULL THEN 'on-shelf' ELSE 'on-loan' END
      ELSE status END,
    location_id = CASE
      WHEN new.kind = 'checked-out' OR new.kind = 'found' THEN coalesce(new.location_id, CASE WHEN new.kind = 'found' THEN location_id END)
      ELSE new.location_id END,
    borrower_id = CASE new.kind
      WHEN 'checked-out' THEN new.person_id
      WHEN 'returned' THEN NULL
      ELSE borrower_id END,
    due = CASE new.kind
      WHEN 'checked-out' THEN new.due
      WHEN 'returned' THEN NULL
      ELSE due END,
    since = CASE
      WHEN new.kind = 'checked-out' OR new.kind = 'returned' OR new.kind = 'found' THEN new.at
      WHEN location_id IS NOT new.location_id THEN new.at
      ELSE since END,
    last_seen_event_id = new.id
  WHERE id = new.copy_id;
END;
CREATE TRIGGER event_places_added_copy AFTER INSERT ON event WHEN new.kind = 'added' BEGIN
  UPDATE copy SET location_id = new.location_id, since = new.at, last_seen_event_id = new.id
  WHERE id = new.copy_id;
END;
CREATE TRIGGER event_opens_loan AFTER INSERT ON event WHEN new.kind = 'checked-out' BEGIN
  INSERT INTO loan(copy_id, person_id, out_event_id) VALUES (new.copy_id, new.person_id, new.id);
END;
CREATE TRIGGER event_closes_loan AFTER INSERT ON event WHEN new.kind = 'returned' BEGIN
  UPDATE loan SET return_event_id = new.id WHERE copy_id = new.copy_id AND return_event_id IS NULL;
END;
CREATE TRIGGER event_marks_missing AFTER INSERT ON event WHEN new.kind = 'missing' BEGIN
  UPDATE copy SET status = 'missing', since = new.at WHERE id = new.copy_id;
END;
CREATE TRIGGER event_marks_withdrawn AFTER INSERT ON event WHEN new.kind = 'withdrawn' BEGIN
  UPDATE copy SET status = 'withdrawn', since = new.at WHERE id = new.copy_id;
END;
-- A renewal moves the due date and nothing else: it is no sighting.
CREATE TRIGGER event_renews_loan AFTER INSERT ON event WHEN new.kind = 'renewed' BEGIN
  UPDATE copy SET due = new.due WHERE id = new.copy_id;
END;
-- A new home: where the copy belongs from now on (it stays where it is).
CREATE TRIGGER event_rehomes_copy AFTER INSERT ON event WHEN new.kind = 'rehomed' BEGIN
  UPDATE copy SET home_id = new.location_id WHERE id = new.copy_id;
END;
-- An undo puts the copy's state back as it was before the undone events: the
-- library works that state out by replaying the log without them (the same
-- replay `lawcat check` makes), and the event carries it.
CREATE TRIGGER event_restores_copy AFTER INSERT ON event WHEN new.kind = 'undone' BEGIN
  UPDATE copy SET
    status = new.restores_status, location_id = new.location_id, borrower_id = new.person_id,
    due = new.due, since = new.restores_since, last_seen_event_id = new.restores_seen_id,
    home_id = new.restores_home_id
  WHERE id = new.copy_id;
END;
-- Only a copy's own events may be undone, by an 'undone' event, and never
-- its 'added' event, an undo or a merge (the other record is gone).
CREATE TRIGGER event_undone_refused BEFORE INSERT ON event_undone
WHEN (SELECT kind FROM event WHERE id = new.undone_by_id) IS NOT 'undone'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'added'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'undone'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'merged'
  OR (SELECT copy_id FROM event WHERE id = new.event_id) IS NOT (SELECT copy_id FROM event WHERE id = new.undone_by_id) BEGIN
  SELECT RAISE(ABORT, 'lawcat:cannot-undo');
END;
-- An undone checkout never was a loan; an undone return leaves the loan open.
CREATE TRIGGER event_undone_mends_loans AFTER INSERT ON event_undone BEGIN
  DELETE FROM loan WHERE out_event_id = new.event_id;
  UPDATE loan SET return_event_id = NULL WHERE return_event_id = new.event_id;
END;

-- Barcodes ignore case: one copy per barcode however it is typed (a scanner
-- in caps lock, a librarian in lower case). Stored as given. The upgrade
-- refuses a catalogue where two barcodes differ only in case, naming them.
CREATE UNIQUE INDEX copy_by_barcode_any_case ON copy(barcode COLLATE NOCASE);
