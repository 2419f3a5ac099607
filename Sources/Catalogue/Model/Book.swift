import Foundation
import GRDB

/// What a book is: its title, who wrote it, what it is about, when, which
/// edition and which jurisdiction. The same fields serve `add`, `edit`,
/// import and export.
public struct BookFields: Hashable, Sendable, Codable {
    public var title: String
    public var authors: [String]
    public var subjects: [String]
    /// ISO 8601, possibly partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    public var edition: String?
    public var jurisdiction: String?
    public var isbn: String?

    public init(
        title: String, authors: [String] = [], subjects: [String] = [], date: String? = nil,
        edition: String? = nil, jurisdiction: String? = nil, isbn: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.subjects = subjects
        self.date = date
        self.edition = edition
        self.jurisdiction = jurisdiction
        self.isbn = isbn
    }

    /// The same fields with surrounding spaces trimmed, blank values as nil and
    /// blank list items dropped: how lawcat stores what it is given.
    public var normalised: BookFields {
        BookFields(
            title: title.trimmed,
            authors: authors.map(\.trimmed).filter { !$0.isEmpty },
            subjects: subjects.map(\.trimmed).filter { !$0.isEmpty },
            date: date?.trimmed.nonEmpty,
            edition: edition?.trimmed.nonEmpty,
            jurisdiction: jurisdiction?.trimmed.nonEmpty,
            isbn: isbn?.trimmed.nonEmpty)
    }
}

/// A book as the catalogue stores it.
public struct Book: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var fields: BookFields
}

extension Book: FetchableRecord {
    public init(row: Row) {
        id = row["id"]
        fields = BookFields(
            title: row["title"],
            authors: JSONList.decode(row["authors"]),
            subjects: JSONList.decode(row["subjects"]),
            date: row["date"], edition: row["edition"], jurisdiction: row["jurisdiction"], isbn: row["isbn"])
    }
}

/// Lists of strings stored as compact JSON arrays (authors, subjects).
enum JSONList {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    static func encode(_ list: [String]) -> String {
        // Encoding an array of strings cannot fail.
        String(decoding: (try? encoder.encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var nonEmpty: String? { isEmpty ? nil : self }
}
