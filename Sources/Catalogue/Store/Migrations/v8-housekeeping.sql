-- v8-housekeeping: people and locations that can be merged, books catalogued
-- twice that can be merged, and a record of every merge.
-- A person or location merged into another stays, since its events still
-- name it (the log is append-only), with merged_into_id naming the one that
-- took its place: lawcat finds, lists and lends through the survivor. A
-- merged person keeps their name, so that the events recorded under it
-- still read as they were written; a merged location gives up its path (a
-- control character makes it one nobody can type), and its events read as
-- the survivor's, since it was the same place under another name.
ALTER TABLE person ADD COLUMN merged_into_id INTEGER REFERENCES person(id);
ALTER TABLE location ADD COLUMN merged_into_id INTEGER REFERENCES location(id);

-- Every merge, as it was asked for: what went into what, and when. Inserting
-- the record makes the merge (the triggers below), so there is no merge
-- without its record. Append-only, as the event log is.
CREATE TABLE merge_record (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
    CONSTRAINT merge_record_kind_is_known CHECK (kind IN ('person', 'location', 'book')),
  at TEXT NOT NULL,
  from_id INTEGER NOT NULL,
  from_name TEXT NOT NULL,
  into_id INTEGER NOT NULL,
  into_name TEXT NOT NULL,
  CONSTRAINT merge_record_joins_two CHECK (from_id <> into_id)
);
CREATE TRIGGER merge_record_is_append_only_update BEFORE UPDATE ON merge_record BEGIN
  SELECT RAISE(ABORT, 'lawcat: the record of merges is append-only');
END;
CREATE TRIGGER merge_record_is_append_only_delete BEFORE DELETE ON merge_record BEGIN
  SELECT RAISE(ABORT, 'lawcat: the record of merges is append-only');
END;
-- Only two live records of the kind merge: neither already merged.
CREATE TRIGGER merge_record_refused BEFORE INSERT ON merge_record
WHEN (new.kind = 'person' AND (
    (SELECT merged_into_id IS NULL FROM person WHERE id = new.from_id) IS NOT 1
    OR (SELECT merged_into_id IS NULL FROM person WHERE id = new.into_id) IS NOT 1))
  OR (new.kind = 'location' AND (
    (SELECT merged_into_id IS NULL FROM location WHERE id = new.from_id) IS NOT 1
    OR (SELECT merged_into_id IS NULL FROM location WHERE id = new.into_id) IS NOT 1))
  OR (new.kind = 'book' AND (
    NOT EXISTS (SELECT 1 FROM book WHERE id = new.from_id) OR NOT EXISTS (SELECT 1 FROM book WHERE id = new.into_id))) BEGIN
  SELECT RAISE(ABORT, 'lawcat:cannot-merge');
END;
-- A person merged: their loans, and the copies they have, are the survivor's;
-- whoever was merged into them before points at the survivor too.
CREATE TRIGGER merge_record_merges_person AFTER INSERT ON merge_record WHEN new.kind = 'person' BEGIN
  UPDATE person SET merged_into_id = new.into_id WHERE id = new.from_id OR merged_into_id = new.from_id;
  UPDATE copy SET borrower_id = new.into_id WHERE borrower_id = new.from_id;
  UPDATE loan SET person_id = new.into_id WHERE person_id = new.from_id;
END;
-- A location merged: the copies homed or standing there, and its stocktakes,
-- are the survivor's; its path is freed for the survivor to take.
CREATE TRIGGER merge_record_merges_location AFTER INSERT ON merge_record WHEN new.kind = 'location' BEGIN
  UPDATE location SET merged_into_id = new.into_id WHERE id = new.from_id OR merged_into_id = new.from_id;
  UPDATE location SET path = char(1) || 'merged ' || id WHERE id = new.from_id;
  UPDATE copy SET home_id = new.into_id WHERE home_id = new.from_id;
  UPDATE copy SET location_id = new.into_id WHERE location_id = new.from_id;
  UPDATE stocktake SET location_id = new.into_id WHERE location_id = new.from_id;
END;
-- A book merged: its copies, with their histories, are the survivor's, and
-- the record catalogued twice is deleted (each copy's `merged` event says
-- where it came from).
CREATE TRIGGER merge_record_merges_book AFTER INSERT ON merge_record WHEN new.kind = 'book' BEGIN
  UPDATE copy SET book_id = new.into_id WHERE book_id = new.from_id;
  DELETE FROM book WHERE id = new.from_id;
END;

-- A withdrawn copy still belongs to a book, so a book merge moves it and
-- records its `merged` event: that, and an undo, may happen to it.
DROP TRIGGER event_refused_when_withdrawn;
CREATE TRIGGER event_refused_when_withdrawn BEFORE INSERT ON event
WHEN new.kind <> 'undone' AND new.kind <> 'merged' AND (SELECT status FROM copy WHERE id = new.copy_id) = 'withdrawn' BEGIN
  SELECT RAISE(ABORT, 'lawcat:withdrawn');
END;
