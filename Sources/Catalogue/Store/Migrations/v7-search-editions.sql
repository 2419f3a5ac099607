-- v7-search-editions: editions, years and ISBNs as search words (see
-- Sources/Catalogue/Search/Editions.swift and Sources/Catalogue/Model/ISBN.swift).
-- isbn13 is the book's ISBN as an ISBN-13 (978/979..., what a scanner reads),
-- whichever way the record wrote it, or NULL when the text is not a valid
-- ISBN; edition_number is the number of its edition statement (`34th ed.`
-- is 34, `Second edition` 2). lawcat writes both with the book; below, the
-- books already catalogued get theirs. Lookups by ISBN go through isbn13, so
-- its index replaces the index of ISBN texts.
ALTER TABLE book ADD COLUMN isbn13 TEXT;
ALTER TABLE book ADD COLUMN edition_number INTEGER;
DROP INDEX book_by_isbn;
CREATE INDEX book_by_isbn13 ON book(isbn13) WHERE isbn13 IS NOT NULL;
-- An ISBN-10 whose check digit holds becomes 978, its first nine digits and
-- a new EAN-13 check digit; an ISBN-13 whose check digit holds stays as it is.
UPDATE book SET isbn13 = given.isbn13 FROM (
  SELECT id, CASE
    WHEN length(s) = 10 AND substr(s, 1, 9) NOT GLOB '*[^0-9]*' AND substr(s, 10, 1) GLOB '[0-9X]'
      AND (10 * CAST(substr(s, 1, 1) AS INTEGER) + 9 * CAST(substr(s, 2, 1) AS INTEGER)
        + 8 * CAST(substr(s, 3, 1) AS INTEGER) + 7 * CAST(substr(s, 4, 1) AS INTEGER)
        + 6 * CAST(substr(s, 5, 1) AS INTEGER) + 5 * CAST(substr(s, 6, 1) AS INTEGER)
        + 4 * CAST(substr(s, 7, 1) AS INTEGER) + 3 * CAST(substr(s, 8, 1) AS INTEGER)
        + 2 * CAST(substr(s, 9, 1) AS INTEGER)
        + CASE substr(s, 10, 1) WHEN 'X' THEN 10 ELSE CAST(substr(s, 10, 1) AS INTEGER) END) % 11 = 0
    THEN '978' || substr(s, 1, 9) || ((10 - (38 + 3 * CAST(substr(s, 1, 1) AS INTEGER) + 1 * CAST(substr(s, 2, 1) AS INTEGER)
        + 3 * CAST(substr(s, 3, 1) AS INTEGER) + 1 * CAST(substr(s, 4, 1) AS INTEGER)
        + 3 * CAST(substr(s, 5, 1) AS INTEGER) + 1 * CAST(substr(s, 6, 1) AS INTEGER)
        + 3 * CAST(substr(s, 7, 1) AS INTEGER) + 1 * CAST(substr(s, 8, 1) AS INTEGER)
        + 3 * CAST(substr(s, 9, 1) AS INTEGER)) % 10) % 10)
    WHEN length(s) = 13 AND s NOT GLOB '*[^0-9]*' AND substr(s, 1, 3) IN ('978', '979')
      AND (1 * CAST(substr(s, 1, 1) AS INTEGER) + 3 * CAST(substr(s, 2, 1) AS INTEGER)
        + 1 * CAST(substr(s, 3, 1) AS INTEGER) + 3 * CAST(substr(s, 4, 1) AS INTEGER)
        + 1 * CAST(substr(s, 5, 1) AS INTEGER) + 3 * CAST(substr(s, 6, 1) AS INTEGER)
        + 1 * CAST(substr(s, 7, 1) AS INTEGER) + 3 * CAST(substr(s, 8, 1) AS INTEGER)
        + 1 * CAST(substr(s, 9, 1) AS INTEGER) + 3 * CAST(substr(s, 10, 1) AS INTEGER)
        + 1 * CAST(substr(s, 11, 1) AS INTEGER) + 3 * CAST(substr(s, 12, 1) AS INTEGER)
        + 1 * CAST(substr(s, 13, 1) AS INTEGER)) % 10 = 0
    THEN s
    END AS isbn13
  FROM (SELECT id, upper(replace(replace(isbn, '-', ''), ' ', '')) AS s FROM book WHERE isbn IS NOT NULL)
) AS given
WHERE given.id = book.id AND given.isbn13 IS NOT NULL;
-- A statement that starts with its number (`34th ed.`, `2. Aufl.`) is numbered
-- here; any other is left to lawcat, which numbers the books pending in the
-- search index (as it folds their words into the correction index).
UPDATE book SET edition_number = CAST(edition AS INTEGER)
WHERE edition GLOB '[0-9]*' AND CAST(edition AS INTEGER) BETWEEN 1 AND 9999;
INSERT OR IGNORE INTO search_pending(book_id) SELECT id FROM book WHERE edition IS NOT NULL AND edition NOT GLOB '[0-9]*';
