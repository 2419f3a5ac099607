-- v11-search-edition-and-year: a book's edition number and year in the
-- full-text index. A search with an edition or a year beside a common word
-- (`history 2000`, `world 2000`) read every book with the word to test its
-- edition and date: 185,428 books for "history" at a million, 0.2 s. With
-- both in the index, FTS5 finds the books that have the word and the number
-- together, as it does two words. edition_and_year is computed from the
-- book's edition_number and date ("34 2021"), never stored, and indexed as a
-- fifth column that lawcat's ranking (lawcat_bm25, KnownLengths.swift) does
-- not score and leaves out of a book's length, so that books rank as they
-- did. The index is made again with it, and merged into one segment as a
-- large import leaves it: some 15 seconds at a million books.
ALTER TABLE book ADD COLUMN edition_and_year TEXT GENERATED ALWAYS AS (
  trim(coalesce(edition_number, '') || ' ' || coalesce(substr(date, 1, 4), ''))
) VIRTUAL;
DROP TRIGGER book_fts_after_insert;
DROP TRIGGER book_fts_after_delete;
DROP TRIGGER book_fts_after_update;
DROP TABLE book_fts;
CREATE VIRTUAL TABLE book_fts USING fts5(
  title, authors, subjects, jurisdiction, edition_and_year,
  content = 'book', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO book_fts(book_fts) VALUES ('rebuild');
INSERT INTO book_fts(book_fts) VALUES ('optimize');
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
