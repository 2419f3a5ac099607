-- Search: the correction index (see Sources/Catalogue/Search/Vocabulary.swift).
-- Every distinct folded word (4 letters or more) of the books' titles,
-- authors, subjects and jurisdictions, by length and word, and by length and
-- word spelt backwards, so that the words a typo away are found by prefix
-- and suffix range scans.
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
-- search folds them in before it reads the index.
CREATE TABLE search_pending (book_id INTEGER PRIMARY KEY);
CREATE TRIGGER search_pending_after_insert AFTER INSERT ON book BEGIN
  INSERT OR IGNORE INTO search_pending(book_id) VALUES (new.id);
END;
CREATE TRIGGER search_pending_after_update AFTER UPDATE OF title, authors, subjects, jurisdiction ON book BEGIN
  INSERT OR IGNORE INTO search_pending(book_id) VALUES (new.id);
END;

INSERT INTO search_pending(book_id) SELECT id FROM book;
