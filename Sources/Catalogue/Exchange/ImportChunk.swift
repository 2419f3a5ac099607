
/// A run of import rows grouped for storing: each book once, with its values
/// ready to bind, and the rows' copies. Built on the reading thread
/// (ImportReader), so that the thread holding the write lock only runs
/// statements; stored by `ImportChunk.store` (ImportChunkStore.swift).
///
/// A chunk holds at most `size` rows, so memory does not grow with the file.
struct ImportChunk: Sendable {
    static let size = 2048
    /// Values a book in `bookValues`: its place, then the nine columns stored.
    static let valuesPerBook = 10

    /// A copy of `books[book]`, as the file gives it.
    struct Copy: Sendable {
        var book: Int
        /// Empty when the row has none: one is generated as it is stored.
        var barcode: String
        var location: String
        var line: Int
    }

    /// Rows read into this chunk (blank lines aside).
    private(set) var rows = 0
    /// The chunk's books, each once, in the order first seen, and the line each was first seen on.
    private(set) var books: [EncodedBook] = []
    private(set) var bookLines: [Int] = []
    /// `valuesPerBook` values a book, as `storedBookIDs` and `insertBooks` bind
    /// them: its place in `books`, then its columns as stored.
    private(set) var bookValues = BulkValues()
    private(set) var copies: [Copy] = []
    /// Rows naming a book and no copy: the book, and the row's line.
    private(set) var bookRows: [(book: Int, line: Int)] = []
    /// Rows refused before the database sees them.
    private(set) var refusals: [(line: Int, reason: String)] = []
    /// Where each record is in its file, by record number (the `line` of a
    /// record's rows): empty for CSV, whose rows are named by line alone.
    private(set) var places: [Int: ImportPlace] = [:]
    /// Warnings that do not refuse a row (a byte that could not be decoded).
    private(set) var notes: [(line: Int, reason: String)] = []
    /// Where each book is in `books`; emptied by `sealed()`, as only building needs it.
    private var positions: [BookIdentity: Int] = [:]

    var isFull: Bool { rows >= Self.size }
    var isEmpty: Bool { rows == 0 }

    /// Takes one row: a copy or, with neither barcode nor location, a book without copies.
    mutating func add(line: Int, book: EncodedBook, barcode: String, location: String) {
        rows += 1
        if barcode.isEmpty && location.isEmpty {
            bookRows.append((position(of: book, line: line), line))
        } else if location.isEmpty {
            refusals.append((line, CatalogueError.invalidField(
                field: "location", value: "", reason: "a copy needs a location; add one to this row").message))
        } else {
            copies.append(Copy(book: position(of: book, line: line), barcode: barcode, location: location, line: line))
        }
    }

    /// Takes one record of a record file (MARC): one row, whose book has
    /// `copies` (none: a book without copies). A copy without a location is
    /// refused as a CSV row's is.
    mutating func add(record place: ImportPlace, book: EncodedBook, copies: [ImportRecordCopy], notes: [String]) {
        let line = place.record
        rows += 1
        places[line] = place
        for note in notes { self.notes.append((line, note)) }
        guard !copies.isEmpty else {
            bookRows.append((position(of: book, line: line), line))
            return
        }
        if copies.contains(where: { $0.location.isEmpty }) {
            refusals.append((line, "a holding with a barcode has no home branch or shelving location; give one, or translate its codes with --locations"))
            return
        }
        let position = position(of: book, line: line)
        for copy in copies {
            self.copies.append(Copy(book: position, barcode: copy.barcode, location: copy.location, line: line))
        }
    }

    /// Takes a record that cannot be read, and why.
    mutating func refuse(record place: ImportPlace, reason: String) {
        places[place.record] = place
        refuse(line: place.record, reason: reason)
    }

    /// Takes a row that cannot be stored, and why.
    mutating func refuse(line: Int, reason: String) {
        rows += 1
        refusals.append((line, reason))
    }

    /// The chunk as it is handed over, without what only building needed.
    func sealed() -> ImportChunk {
        var chunk = self
        chunk.positions = [:]
        return chunk
    }

    private mutating func position(of book: EncodedBook, line: Int) -> Int {
        let identity = BookIdentity(book)
        if let position = positions[identity] { return position }
        let position = books.count
        books.append(book)
        bookLines.append(line)
        Self.appendBook(book, position: position, to: &bookValues)
        positions[identity] = position
        return position
    }

    /// A book's values as `bookValues` lays them out: its position, then its columns.
    static func appendBook(_ book: EncodedBook, position: Int, to values: inout BulkValues) {
        let f = book.fields
        values.append(Int64(position))
        for text in [f.title, book.authors, book.subjects, f.date, f.edition, f.jurisdiction, f.isbn, ISBN.normalised(f.isbn)] {
            values.append(text)
        }
        if let number = Edition.number(of: f.edition) { values.append(Int64(number)) } else { values.append(nil) }
    }
}

/// A book's fields with its lists already written as JSON, as stored, and
/// the hash of its fields.
struct EncodedBook: Sendable {
    var fields: BookFields
    var authors: String
    var subjects: String
    var identity: Int

    init(_ fields: BookFields) {
        self.fields = fields
        authors = JSONList.encode(fields.authors)
        subjects = JSONList.encode(fields.subjects)
        identity = fields.hashValue
    }
}

/// A book's fields as a dictionary key, hashed once rather than field by
/// field at every look-up.
struct BookIdentity: Hashable, Sendable {
    var book: EncodedBook

    init(_ book: EncodedBook) { self.book = book }

    func hash(into hasher: inout Hasher) { hasher.combine(book.identity) }

    static func == (a: Self, b: Self) -> Bool { a.book.identity == b.book.identity && a.book.fields == b.book.fields }
}
