-- lawcat's catalogue schema: every table, index and trigger as the last
-- migration leaves them, each made once, in the order a reader wants them.
--
-- This file is the reference, not what lawcat runs. A catalogue is built by
-- the migrations, one SQL file each, in Sources/Catalogue/Store/Migrations/
-- (Migrations.swift says how to add one); a test builds a catalogue with
-- them and proves that its schema is exactly this file's, statement for
-- statement, and that a catalogue at every older version migrates to it.
-- The bracket after each heading names the migration that last shaped the
-- objects under it. `sqlite3 FILE < schema.sql` makes the same tables, but
-- not a catalogue lawcat will open: lawcat also sets PRAGMA application_id
-- to 0x4C415743 ('LAWC') and PRAGMA user_version to the number of
-- migrations the catalogue has had.
--
-- SQLite holds the invariants: foreign keys, unique barcodes, CHECK
-- constraints on dates and required fields, an append-only event log, and
-- a copy's current state kept in step with its events by triggers. A rule
-- that refuses raises a code ('lawcat:missing') that the library maps to a
-- sentence; no code reaches a user as it is.


-- Places and people --------------------------------------------- [v1, v8] --

-- A place, named as a path, most general first: 'London/4F/Litigation'.
-- A location includes every location under it (prefix match on '/').
-- merged_into_id: the location this one was merged into (see merge_record
-- below); a merged location has given up its path, and its events read as
-- the survivor's. [v8]
CREATE TABLE location (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT location_path_is_canonical CHECK (
      path <> '' AND trim(path) = path
      AND path NOT LIKE '/%' AND path NOT LIKE '%/'
      AND path NOT LIKE '%//%' AND path NOT LIKE '% /%' AND path NOT LIKE '%/ %'
    )
, merged_into_id INTEGER REFERENCES location(id));

-- A borrower: a fee earner, a member of staff. merged_into_id: the person
-- this one was merged into; a merged person keeps their name, so that the
-- events recorded under it read as they were written, and lawcat finds,
-- lists and lends through the survivor. [v8]
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT person_name_is_required CHECK (name <> '' AND trim(name) = name),
  email TEXT UNIQUE COLLATE NOCASE,
  staff_id TEXT UNIQUE COLLATE NOCASE
, merged_into_id INTEGER REFERENCES person(id));


-- Books -------------------------------------------- [v1, v4, v5, v7, v11] --

-- A book: what it is about, who wrote it, when, and which jurisdiction.
-- authors and subjects are JSON arrays of strings, kept in order. A date
-- is a year, a year and month, or a day.
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
, isbn13 TEXT, edition_number INTEGER, edition_and_year TEXT GENERATED ALWAYS AS (
  trim(coalesce(edition_number, '') || ' ' || coalesce(substr(date, 1, 4), ''))
) VIRTUAL);

-- Import finds the book a row belongs to by the first 16 characters of its
-- title and its date, then compares every field. An index of whole titles
-- (62 characters on average in the Library of Congress records) costs twice
-- as much to keep up, book by book in no order, and finds about as few
-- candidates (1.4 a book there, 1.25 in the law records). [v5]
CREATE INDEX book_by_title_start ON book(substr(title, 1, 16), date);
-- isbn13 is the book's ISBN as an ISBN-13 (978/979...), whichever way the
-- record wrote it, or NULL when the text is not a valid ISBN; every lookup
-- by ISBN goes through it (Database.isbnCondition). edition_number is the
-- number of the edition statement (`34th ed.` is 34), so that a search
-- compares editions as numbers. lawcat writes both with the book. [v7]
-- edition_and_year ("34 2021") is computed from edition_number and date,
-- never stored: the full-text index's fifth column, so that a search finds
-- the books with a word and an edition or year together. [v11]
CREATE INDEX book_by_isbn13 ON book(isbn13) WHERE isbn13 IS NOT NULL;

-- SQLite 3.40's date() hands back an impossible day such as 2019-02-30
-- unchanged, so book_date_is_iso8601 lets it in; a date moved by '+0 days'
-- comes back normalised (2019-03-02), or NULL when it is no date. [v4]
CREATE TRIGGER book_date_is_a_real_day_on_insert BEFORE INSERT ON book
WHEN length(new.date) = 10 AND date(new.date, '+0 days') IS NOT new.date BEGIN
  SELECT RAISE(ABORT, 'lawcat:impossible-date');
END;
CREATE TRIGGER book_date_is_a_real_day_on_update BEFORE UPDATE OF date ON book
WHEN length(new.date) = 10 AND date(new.date, '+0 days') IS NOT new.date BEGIN
  SELECT RAISE(ABORT, 'lawcat:impossible-date');
END;


-- Search --------------------------------------------------- [v1, v3, v11] --

-- Full-text index over the book table (external content: no second copy of
-- the text), kept in step by the triggers below so that it never drifts.
-- FTS5 makes its own shadow tables beside it (book_fts_data, book_fts_idx,
-- book_fts_docsize, book_fts_config). [v1] Its fifth column is the book's
-- edition number and year (edition_and_year above), which a search asks for
-- beside its words and does not score (lawcat_bm25, KnownLengths.swift). [v11]
CREATE VIRTUAL TABLE book_fts USING fts5(
  title, authors, subjects, jurisdiction, edition_and_year,
  content = 'book', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER book_fts_after_insert AFTER INSERT ON book BEGIN
  INSERT INTO book_fts(rowid, title, authors, subjects, jurisdiction, edition_and_year)
  VALUES (new.id, new.title, new.authors, new.subjects, new.jurisdiction, new.edition_and_year);
END;
CREATE TRIGGER book_fts_after_delete AFTER DELETE ON book BEGIN
  INSERT INTO book_fts(book_fts, rowid, title, authors, subjects, jurisdiction, edition_and_year)
  VALUES ('delete', old.id, old.title, old.authors, old.subjects, old.jurisdiction, old.edition_and_year);
END;
CREATE TRIGGER book_fts_after_update
AFTER UPDATE OF title, authors, subjects, jurisdiction, date, edition_number ON book BEGIN
  INSERT INTO book_fts(book_fts, rowid, title, authors, subjects, jurisdiction, edition_and_year)
  VALUES ('delete', old.id, old.title, old.authors, old.subjects, old.jurisdiction, old.edition_and_year);
  INSERT INTO book_fts(rowid, title, authors, subjects, jurisdiction, edition_and_year)
  VALUES (new.id, new.title, new.authors, new.subjects, new.jurisdiction, new.edition_and_year);
END;

-- The correction index (see Sources/Catalogue/Search/Vocabulary.swift).
-- Every distinct folded word (4 letters or more) of the books' titles,
-- authors, subjects and jurisdictions, by length and word, and by length and
-- word spelt backwards, so that the words a typo away are found by prefix
-- and suffix range scans. [v3]
CREATE TABLE search_word (
  length INTEGER NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (length, word)
) WITHOUT ROWID;
CREATE TABLE search_word_reversed (
  length INTEGER NOT NULL,
  reversed TEXT NOT NULL,
  PRIMARY KEY (length, reversed)
) WITHOUT ROWID;

-- Books added or edited since their words were last folded into the
-- index: one small insert per change, in the same transaction; the next
-- search folds them in before it reads the index. [v3]
CREATE TABLE search_pending (book_id INTEGER PRIMARY KEY);
CREATE TRIGGER search_pending_after_insert AFTER INSERT ON book BEGIN
  INSERT OR IGNORE INTO search_pending(book_id) VALUES (new.id);
END;
CREATE TRIGGER search_pending_after_update AFTER UPDATE OF title, authors, subjects, jurisdiction ON book BEGIN
  INSERT OR IGNORE INTO search_pending(book_id) VALUES (new.id);
END;


-- Copies ---------------------------------------------------- [v1, v5, v6] --

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
-- copy_by_location leaves out copies not yet placed: a new copy is inserted
-- with no place and placed by its `added` event straight after, so it would
-- go into the index twice. Every query by place names one (`= ?`, a join),
-- which SQLite knows is not NULL, so it still uses the index. [v5]
CREATE INDEX copy_by_location ON copy(location_id) WHERE location_id IS NOT NULL;
CREATE INDEX copy_by_status ON copy(status) WHERE status <> 'on-shelf';
CREATE INDEX copy_by_borrower ON copy(borrower_id) WHERE borrower_id IS NOT NULL;
-- Barcodes ignore case: one copy per barcode however it is typed (a scanner
-- in caps lock, a librarian in lower case); stored as given. [v6]
CREATE UNIQUE INDEX copy_by_barcode_any_case ON copy(barcode COLLATE NOCASE);


-- The event log ------------------------------------------------- [v1, v6] --

-- Everything that ever happened to a copy. Append-only: the triggers below
-- refuse UPDATE and DELETE. `at` is UTC ISO 8601 with milliseconds.
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
CREATE INDEX event_by_copy ON event(copy_id, id);
CREATE INDEX event_by_person ON event(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX event_by_stocktake ON event(stocktake_id) WHERE stocktake_id IS NOT NULL;
-- The log newest first, and by day (`lawcat log`) [v10].
CREATE INDEX event_by_time ON event(at, id);
CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;

-- Each undone event, and the 'undone' event that undid it. An event is
-- undone at most once, and the log itself never changes: undoing is an
-- event of its own. [v6]
CREATE TABLE event_undone (
  event_id INTEGER PRIMARY KEY REFERENCES event(id),
  undone_by_id INTEGER NOT NULL REFERENCES event(id)
);
CREATE TRIGGER event_undone_is_append_only_update BEFORE UPDATE ON event_undone BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;
CREATE TRIGGER event_undone_is_append_only_delete BEFORE DELETE ON event_undone BEGIN
  SELECT RAISE(ABORT, 'lawcat: the event log is append-only');
END;

-- One row a loan, opened and closed by the events below. A copy cannot be
-- on loan twice at once.
CREATE TABLE loan (
  id INTEGER PRIMARY KEY,
  copy_id INTEGER NOT NULL REFERENCES copy(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  out_event_id INTEGER NOT NULL UNIQUE REFERENCES event(id),
  return_event_id INTEGER UNIQUE REFERENCES event(id)
);
CREATE UNIQUE INDEX loan_one_open_per_copy ON loan(copy_id) WHERE return_event_id IS NULL;
CREATE INDEX loan_by_person ON loan(person_id);

-- A stocktake of one location: the events it records carry its id, so that
-- its report can be made again and the whole of it undone. `finished` stays
-- NULL for a stocktake that was interrupted (its sightings are kept: they
-- are true; nothing was marked missing). [v6]
CREATE TABLE stocktake (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES location(id),
  started TEXT NOT NULL,
  finished TEXT
);


-- Rules on events: refusals ----------------------------- [v1, v4, v6, v8] --

-- What a copy's state forbids, checked before the event is stored.
-- In SQLite 3.40, `x IN (a, b, c)` with three or more constants in a
-- trigger builds a temporary index each time the trigger runs, that is once
-- per event: the triggers every event fires spell such lists as `=` ... `OR`
-- (here and in event_places_copy below). Where two refuse the same event,
-- SQLite runs the one made last first; they are made here in the order the
-- migrations make them, so a return of a missing copy is refused as missing,
-- not as not on loan.
CREATE TRIGGER event_checkout_refused BEFORE INSERT ON event
WHEN new.kind = 'checked-out' AND (SELECT status FROM copy WHERE id = new.copy_id) <> 'on-shelf' BEGIN
  SELECT RAISE(ABORT, 'lawcat:not-on-shelf');
END;
CREATE TRIGGER event_return_refused BEFORE INSERT ON event
WHEN new.kind = 'returned' AND (SELECT borrower_id FROM copy WHERE id = new.copy_id) IS NULL BEGIN
  SELECT RAISE(ABORT, 'lawcat:not-on-loan');
END;
-- A renewal needs a loan to extend. [v6]
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
-- A missing copy is found before anything else is recorded of it: a return,
-- move or sighting of it would otherwise place it and leave it `missing`.
-- lawcat records a `found` event first, in the same transaction, and this
-- trigger makes that the only way. [v4]
CREATE TRIGGER event_sighting_refused_when_missing BEFORE INSERT ON event
WHEN (new.kind = 'returned' OR new.kind = 'moved' OR new.kind = 'seen')
  AND (SELECT status FROM copy WHERE id = new.copy_id) = 'missing' BEGIN
  SELECT RAISE(ABORT, 'lawcat:missing');
END;
-- Nothing more happens to a withdrawn copy but an undo, and the `merged`
-- event that a book merge records of each copy it moves (a withdrawn copy
-- still belongs to its book). Made last, so SQLite runs it first. [v8]
CREATE TRIGGER event_refused_when_withdrawn BEFORE INSERT ON event
WHEN new.kind <> 'undone' AND new.kind <> 'merged' AND (SELECT status FROM copy WHERE id = new.copy_id) = 'withdrawn' BEGIN
  SELECT RAISE(ABORT, 'lawcat:withdrawn');
END;


-- Rules on events: effects ---------------------------------- [v1, v5, v6] --

-- Each event moves its copy's current state on.
-- An `added` event places its new copy and makes it the last sighting, and
-- does nothing more: the new copy is already on the shelf (the column's
-- default; an event on a withdrawn copy is refused before it is stored).
-- Naming status in the UPDATE would make SQLite maintain copy_by_status for
-- every copy stored. [v5]
CREATE TRIGGER event_places_added_copy AFTER INSERT ON event WHEN new.kind = 'added' BEGIN
  UPDATE copy SET location_id = new.location_id, since = new.at, last_seen_event_id = new.id
  WHERE id = new.copy_id;
END;
-- Every other sighting (checked-out, returned, moved, seen, found) places
-- the copy and becomes its last sighting; `since` changes only when the
-- status or the place does. [v5]
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
-- A renewal moves the due date and nothing else: it is no sighting. [v6]
CREATE TRIGGER event_renews_loan AFTER INSERT ON event WHEN new.kind = 'renewed' BEGIN
  UPDATE copy SET due = new.due WHERE id = new.copy_id;
END;
-- A new home: where the copy belongs from now on (it stays where it is). [v6]
CREATE TRIGGER event_rehomes_copy AFTER INSERT ON event WHEN new.kind = 'rehomed' BEGIN
  UPDATE copy SET home_id = new.location_id WHERE id = new.copy_id;
END;
-- An undo puts the copy's state back as it was before the undone events: the
-- library works that state out by replaying the log without them (the same
-- replay `lawcat check` makes), and the event carries it. [v6]
CREATE TRIGGER event_restores_copy AFTER INSERT ON event WHEN new.kind = 'undone' BEGIN
  UPDATE copy SET
    status = new.restores_status, location_id = new.location_id, borrower_id = new.person_id,
    due = new.due, since = new.restores_since, last_seen_event_id = new.restores_seen_id,
    home_id = new.restores_home_id
  WHERE id = new.copy_id;
END;
-- Only a copy's own events may be undone, by an 'undone' event, and never
-- its 'added' event, an undo or a merge (the other record is gone); an
-- undone checkout never was a loan, and an undone return leaves the loan
-- open. [v6]
CREATE TRIGGER event_undone_refused BEFORE INSERT ON event_undone
WHEN (SELECT kind FROM event WHERE id = new.undone_by_id) IS NOT 'undone'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'added'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'undone'
  OR (SELECT kind FROM event WHERE id = new.event_id) = 'merged'
  OR (SELECT copy_id FROM event WHERE id = new.event_id) IS NOT (SELECT copy_id FROM event WHERE id = new.undone_by_id) BEGIN
  SELECT RAISE(ABORT, 'lawcat:cannot-undo');
END;
CREATE TRIGGER event_undone_mends_loans AFTER INSERT ON event_undone BEGIN
  DELETE FROM loan WHERE out_event_id = new.event_id;
  UPDATE loan SET return_event_id = NULL WHERE return_event_id = new.event_id;
END;


-- Merges ------------------------------------------------------------ [v8] --

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


-- Accounts for `lawcat serve` --------------------------------------- [v9] --

-- Who may use the catalogue through the server: a reader searches and looks,
-- a librarian also changes. The password is kept only as a bcrypt hash.
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT account_name_is_required CHECK (trim(name) <> '' AND trim(name) = name),
  role TEXT NOT NULL CONSTRAINT account_role_is_known CHECK (role IN ('reader', 'librarian')),
  password_hash TEXT NOT NULL CONSTRAINT account_password_is_bcrypt CHECK (password_hash GLOB '$2[aby]$*'),
  created TEXT NOT NULL
);
-- API tokens and browser sessions, kept only as the SHA-256 of the secret
-- their holder has; they go with their account. Sessions are kept here so
-- that a restarted server keeps its users signed in.
CREATE TABLE account_token (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  secret_sha256 TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE INDEX account_token_by_account ON account_token(account_id);
CREATE TABLE account_session (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  secret_sha256 TEXT NOT NULL UNIQUE,
  -- The token a page sends back with a change (X-CSRF-Token): a cookie alone changes nothing.
  csrf TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE INDEX account_session_by_account ON account_session(account_id);
