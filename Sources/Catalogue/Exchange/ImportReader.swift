import Foundation

/// Reads an import file on a thread of its own, a few chunks of rows ahead
/// of the thread that stores them.
///
/// Why: an import's time is the sum of two kinds of work that do not depend on
/// each other row by row. Reading the file (parsing CSV, trimming, writing the
/// lists as JSON, telling one book from another, laying out the values to
/// bind, splitting the words for the correction index) is Swift's; storing
/// the rows is SQLite's, in one write transaction on one connection. On a
/// machine with two cores the two overlap, and the import takes about as
/// long as the slower of them (storing) rather than both added up.
///
/// The hand-off holds at most `depth` chunks (ImportChunk.size rows), so memory
/// does not grow with the file: when the database falls behind, the reader
/// waits. The words for the correction index are the one thing that grows, with
/// the vocabulary (not the rows); they are the words `Vocabulary.refresh` would
/// have read back from the stored books.
final class ImportReader: @unchecked Sendable {
    // @unchecked: after `start()`, the source and the settings are used by
    // the reading thread only; the hand-off is the only state both threads touch.

    /// What the reading thread hands over, in order.
    enum Message {
        case rows(ImportChunk)
        /// The end of the file: no more rows.
        case end
        /// The folded words of every row, sorted, after `end` (unless a dry run):
        /// sorting them overlaps with the end of storing.
        case words(VocabularyWords)
        /// The file cannot be read further (bad UTF-8, an unbalanced quote...).
        case failed(any Error)
    }

    static let depth = 4

    /// Where the rows come from: a CSV file, or a file of records (MARC).
    enum Source {
        /// `reader` is past the header row; `column` maps each known column name to its position.
        case csv(reader: CSVReader, headerCount: Int, column: [String: Int])
        case records(any ImportRecordSource)
    }

    private let source: Source
    private let path: String
    private let collectsWords: Bool
    private let handoff = Handoff<Message>(capacity: ImportReader.depth)

    /// `reader` is past the header row; `column` maps each known column name to its position.
    convenience init(reader: CSVReader, path: String, headerCount: Int, column: [String: Int], collectsWords: Bool) {
        self.init(
            source: .csv(reader: reader, headerCount: headerCount, column: column), path: path,
            collectsWords: collectsWords)
    }

    init(source: Source, path: String, collectsWords: Bool) {
        self.source = source
        self.path = path
        self.collectsWords = collectsWords
    }

    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "lawcat import reader"
        thread.start()
    }

    /// The next message, waiting for it; nil once the reader has finished.
    func next() -> Message? { handoff.take() }

    /// Stops the reading thread (the import failed or is over); safe to call twice.
    func cancel() { handoff.cancel() }

    private func read() {
        defer { handoff.finish() }
        var chunk = ImportChunk()
        var words = Set<String>()
        // The last chunks handed over, kept so that the storing thread's
        // reference is not the last: a chunk's thousands of strings are then
        // freed here, off the storing thread (a chunk is dropped once the
        // storing thread has taken a later one, so has let go of it).
        var handedOver: [ImportChunk] = []
        func handOver(_ chunk: ImportChunk) -> Bool {
            let sealed = chunk.sealed()
            handedOver.append(sealed)
            if handedOver.count > Self.depth + 2 { handedOver.removeFirst() }
            return handoff.put(.rows(sealed))
        }
        do {
            switch source {
            case .csv(let reader, let headerCount, let column):
                while let record = try CatalogueDatabase.nextRecord(reader, path: path) {
                    if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
                    take(record, headerCount: headerCount, column: column, into: &chunk, words: &words)
                    if chunk.isFull {
                        guard handOver(chunk) else { return }
                        chunk = ImportChunk()
                    }
                }
            case .records(let records):
                var going = true
                try records.read { item in
                    take(item, into: &chunk, words: &words)
                    if chunk.isFull {
                        going = handOver(chunk)
                        chunk = ImportChunk()
                    }
                    return going
                }
                guard going else { return }
            }
            if !chunk.isEmpty { guard handOver(chunk) else { return } }
            guard handoff.put(.end) else { return }
            if collectsWords { _ = handoff.put(.words(VocabularyWords(words))) }
        } catch {
            _ = handoff.put(.failed(error))
        }
    }

    private func take(
        _ record: CSVRecord, headerCount: Int, column: [String: Int], into chunk: inout ImportChunk,
        words: inout Set<String>
    ) {
        guard record.fields.count == headerCount else {
            chunk.refuse(
                line: record.line,
                reason: "this row has \(record.fields.count) fields and the header has \(headerCount); quote fields that contain commas")
            return
        }
        func value(_ name: String) -> String { column[name].map { record.fields[$0] } ?? "" }
        let fields = BookFields(
            title: value("title"), authors: CSVFormat.list(value("authors")),
            subjects: CSVFormat.list(value("subjects")), date: value("date"), edition: value("edition"),
            jurisdiction: value("jurisdiction"), isbn: value("isbn")
        ).normalised
        if collectsWords { Self.addWords(of: fields, to: &words) }
        chunk.add(
            line: record.line, book: EncodedBook(fields),
            barcode: value("barcode").trimmed, location: value("location").trimmed)
    }

    /// Takes one record of a record file: its book and copies, normalised as a CSV row's are.
    private func take(_ item: ImportRecordItem, into chunk: inout ImportChunk, words: inout Set<String>) {
        switch item {
        case .book(let place, let fields, let copies, let notes):
            let fields = fields.normalised
            if collectsWords { Self.addWords(of: fields, to: &words) }
            chunk.add(record: place, book: EncodedBook(fields), copies: copies, notes: notes)
        case .refused(let place, let reason):
            chunk.refuse(record: place, reason: reason)
        }
    }

    private static func addWords(of fields: BookFields, to words: inout Set<String>) {
        Vocabulary.addWords(of: fields.title, to: &words)
        for text in fields.authors { Vocabulary.addWords(of: text, to: &words) }
        for text in fields.subjects { Vocabulary.addWords(of: text, to: &words) }
        if let text = fields.jurisdiction { Vocabulary.addWords(of: text, to: &words) }
    }
}

/// A bounded queue between one thread that puts and one that takes.
final class Handoff<Element>: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var finished = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then adds `item`; false (dropping it) once cancelled.
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// No more items will be put.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The taker has stopped: a waiting or later `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The oldest item, waiting for one; nil once finished (or cancelled) and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }
}
