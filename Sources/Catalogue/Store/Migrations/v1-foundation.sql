-- A place, named as a path, most general first: 'London/4F/Litigation'.
-- A location includes every location under it (prefix match on '/').
CREATE TABLE location (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT location_path_is_canonical CHECK (
      path <> '' AND trim(path) = path
      AND path NOT LIKE '/%' AND path NOT LIKE '%/'
      AND path NOT LIKE '%//%' AND path NOT LIKE '% /%' AND path NOT LIKE '%/ %'
    )
);

-- A borrower: a fee earner, a member of staff.
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT person_name_is_required CHECK (name <> '' AND trim(name) = name),
  email TEXT UNIQUE COLLATE NOCASE,
  staff_id TEXT UNIQUE COLLATE NOCASE
);

-- A book: what it is about, who wrote it, when, and which jurisdiction.
-- authors and subjects are JSON arrays of strings, kept in order.
CREATE TABLE book (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
    CONSTRAINT book_title_is_required CHECK (trim(title) <> ''),
  authors TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT book_authors_is_a_list CHECK (json_valid(authors) AND json_type(authors) = 'array'),
  subjects TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT book_subjects_is_a_list CHECK (json_valid(subjects) AND json_type(subjects) = 'array'),
  date TEXT
    CONSTRAINT book_date_is_iso8601 CHECK (
      date IS NULL
      OR (length(date) = 4 AND date GLOB '[0-9][0-9][0-9][0-9]')
      OR (length(date) = 7 AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND substr(date, 6, 2) BETWEEN '01' AND '12')
      OR (length(date) = 10 AND date(date) IS date)
    ),
  edition TEXT CONSTRAINT book_edition_is_not_blank CHECK (edition IS NULL OR trim(edition) <> ''),
  jurisdiction TEXT CONSTRAINT book_jurisdiction_is_not_blank CHECK (jurisdiction IS NULL OR trim(jurisdiction) <> ''),
  isbn TEXT CONSTRAINT book_isbn_is_not_blank CHECK (isbn IS NULL OR trim(isbn) <> '')
);
-- Import finds the book a row belongs to by its title first.
CREATE INDEX book_by_title ON book(title);
CREATE INDEX book_by_isbn ON book(isbn) WHERE isbn IS NOT NULL;

-- Full-text index over the book table (external content: no second copy of
-- the text), kept in step by the triggers below so that it never drifts.
CREATE VIRTUAL TABLE book_fts USING fts5(
  title, authors, subjects, jurisdiction,
  content = 'book', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER book_fts_after_insert AFTER INSERT ON book BEGIN
  INSERT INTO book_fts(rowid, title, authors, subjects, jurisdiction)
  VALUES (new.id, new.title, new.authors, new.subjects, new.jurisdiction);
END;
CREATE TRIGGER book_fts_after_delete AFTER DELETE ON book BEGIN
  INSERT INTO book_fts(book_fts, rowid, title, authors, subjects, jurisdiction)
  VALUES ('delete', old.id, old.title, old.authors, old.subjects, old.jurisdiction);
END;
CREATE TRIGGER book_fts_after_update AFTER UPDATE OF title, authors, subjects, jurisdiction ON book BEGIN
  INSERT INTO book_fts(book_fts, rowid, title, authors, subjects, jurisdiction)
  VALUES ('delete', old.id, old.title, old.authors, old.subjects, old.jurisdiction);
  INSERT INTO book_fts(rowid, title, authors, subjects, jurisdiction)
  VALUES (new.id, new.title, new.authors, new.subjects, new.jurisdiction);
END;

-- A physical volume. home is where it belongs; the columns after it are its
-- current state, derived from its events by the triggers on `event` (and
-- recomputed from the log by `lawcat check`). Application code never
-- updates them directly.
CREATE TABLE copy (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES book(id),
  barcode TEXT NOT NULL UNIQUE
    CONSTRAINT copy_barcode_is_printable CHECK (
      length(barcode) BETWEEN 1 AND 64 AND barcode NOT GLOB '*[^!-~]*'
    ),
  home_id INTEGER NOT NULL REFERENCES location(id),
  status TEXT NOT NULL DEFAULT 'on-shelf'
    CONSTRAINT copy_status_is_known CHECK (status IN ('on-shelf', 'on-loan', 'missing', 'withdrawn')),
  location_id INTEGER REFERENCES location(id),
  borrower_id INTEGER REFERENCES person(id),
  due TEXT,
  since TEXT,
  last_seen_event_id INTEGER REFERENCES event(id),
  CONSTRAINT copy_on_loan_has_borrower CHECK (status <> 'on-loan' OR borrower_id IS NOT NULL)
);
CREATE INDEX copy_by_book ON copy(book_id);
CREATE INDEX copy_by_home ON copy(home_id);
CREATE INDEX copy_by_location ON copy(location_id);
CREATE INDEX copy_by_status ON copy(status) WHERE status <> 'on-shelf';
CREATE INDEX copy_by_borrower ON copy(borrower_id) WHERE borrower_id IS NOT NULL;

-- Everything that ever happened to a copy. Append-only: the triggers below
-- refuse UPDATE and DELETE. `at` is UTC ISO 8601 with milliseconds.
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  copy_id INTEGER NOT NULL REFERENCES copy(id),
  kind TEXT NOT NULL
    CONSTRAINT event_kind_is_known CHECK (
      kind IN ('added', 'checked-out', 'returned', 'moved', 'seen', 'missing', 'found', 'withdrawn')
    ),
  at TEXT NOT NULL
    CONSTRAINT event_at_is_utc CHECK (
      at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'
    ),
  location_id INTEGER REFERENCES location(id),
  person_id INTEGER REFERENCES person(id),
  due TEXT CONSTRAINT event_due_is_a_date CHECK (due IS NULL OR date(due) IS due),
  note TEXT,
  CONSTRAINT event_place_is_required CHECK (
    kind NOT IN ('added', 'returned', 'moved', 'seen') OR location_id IS NOT NULL
  ),
  CONSTRAINT event_borrower_is_required CHECK (kind <> 'checked-out' OR person_id IS NOT NULL)
);
CREATE INDEX event_by_copy ON event(copy_id, id);
CREATE INDEX event_by_person ON event(person_id) WHERE person_id IS NOT NULL;

CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;

-- One row a loan. A copy cannot be on loan twice at once.
CREATE TABLE loan (
  id INTEGER PRIMARY KEY,
  copy_id INTEGER NOT NULL REFERENCES copy(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  out_event_id INTEGER NOT NULL UNIQUE REFERENCES event(id),
  return_event_id INTEGER UNIQUE REFERENCES event(id)
);
CREATE UNIQUE INDEX loan_one_open_per_copy ON loan(copy_id) WHERE return_event_id IS NULL;
CREATE INDEX loan_by_person ON loan(person_id);

-- Refusals: what a copy's state forbids. The messages are codes that the
-- library maps to sentences; they never reach a user as they are.
CREATE TRIGGER event_refused_when_withdrawn BEFORE INSERT ON event
WHEN (SELECT status FROM copy WHERE id = new.copy_id) = 'withdrawn' BEGIN
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

-- Effects: each event moves the copy's current state on.
-- A sighting (added, checked-out, returned, moved, seen, found) places the
-- copy and becomes its last sighting; `since` changes only when the status
-- or the place does.
CREATE TRIGGER event_places_copy AFTER INSERT ON event
WHEN new.kind IN ('added', 'checked-out', 'returned', 'moved', 'seen', 'found') BEGIN
  UPDATE copy SET
    status = CASE new.kind
      WHEN 'added' THEN 'on-shelf'
      WHEN 'checked-out' THEN 'on-loan'
      WHEN 'returned' THEN 'on-shelf'
      WHEN 'found' THEN CASE WHEN borrower_id IS NULL THEN 'on-shelf' ELSE 'on-loan' END
      ELSE status END,
    location_id = CASE
      WHEN new.kind IN ('checked-out', 'found') THEN coalesce(new.location_id, CASE WHEN new.kind = 'found' THEN location_id END)
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
      WHEN new.kind IN ('added', 'checked-out', 'returned', 'found') THEN new.at
      WHEN location_id IS NOT new.location_id THEN new.at
      ELSE since END,
    last_seen_event_id = new.id
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
