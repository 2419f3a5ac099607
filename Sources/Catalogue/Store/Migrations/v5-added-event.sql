-- v5-added-event: storing a book or a copy costs less; what every event does is unchanged.
-- An `added` event places its new copy, and does nothing more. v4's
-- event_places_copy also set status = 'on-shelf' for it, which the new copy
-- already has (the column's default; and an event on a withdrawn copy is
-- refused before it is stored). Naming status in the UPDATE made SQLite
-- maintain copy_by_status for every copy stored: about a quarter of the cost
-- of an `added` event, measured on 241,203 copies.
-- copy_by_location leaves out copies not yet placed: a new copy is inserted
-- with no place and placed by its `added` event straight after, so every copy
-- went into the index twice. Every query by place names one (`= ?`, a join),
-- which SQLite knows is not NULL, so it still uses the index.
DROP INDEX copy_by_location;
CREATE INDEX copy_by_location ON copy(location_id) WHERE location_id IS NOT NULL;
-- Import finds the book a row belongs to by the first 16 characters of its
-- title and its date (then compares every field): v1's index of whole titles
-- (62 characters on average in the Library of Congress records) cost twice as
-- much to keep up, book by book in no order, and the two find about as few
-- candidates (1.4 a book there, 1.25 in the law records).
DROP INDEX book_by_title;
CREATE INDEX book_by_title_start ON book(substr(title, 1, 16), date);
DROP TRIGGER event_places_copy;
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
