import GRDB

/// An International Standard Book Number, as one number whichever way it is
/// written: the ISBN-10 of an older record (`0-421-69190-9`), its ISBN-13
/// (`978-0-421-69190-2`) and the EAN-13 a USB scanner reads off the back cover
/// (`9780421691902`) are the same ISBN.
///
/// Why a type: the catalogue keeps the ISBN as the record gave it, and the
/// Library of Congress records mostly give ISBN-10s, while people type or scan
/// ISBN-13s. lawcat compares ISBNs by their ISBN-13, which it keeps beside the
/// text in `book.isbn13` (migration `v7-search-editions`): written by `add`,
/// `edit` and `import` through `ISBN.normalised`, and filled for the books
/// already catalogued by the migration, in SQL that computes the same check
/// digits (a test holds the two to the same answers on every real record).
public struct ISBN: Hashable, Sendable, CustomStringConvertible {
    /// Thirteen digits, starting 978 or 979.
    public let isbn13: String

    /// What a piece of text is, read as an ISBN.
    public enum Reading: Equatable, Sendable {
        /// A valid ISBN-10 or ISBN-13.
        case valid(ISBN)
        /// Shaped as an ISBN (10 characters, or 13 digits starting 978/979)
        /// but its check digit is not the one its other digits give: a typo.
        case badCheckDigit(expected: Character)
        /// Not shaped as an ISBN at all.
        case notAnISBN
    }

    /// A valid ISBN, or nil (a bad check digit included).
    public init?(_ text: String) {
        guard case .valid(let isbn) = Self.read(text) else { return nil }
        self = isbn
    }

    private init(isbn13: String) { self.isbn13 = isbn13 }

    /// The ISBN-10 of a 978 ISBN (979 ISBNs have none).
    public var isbn10: String? {
        guard isbn13.hasPrefix("978") else { return nil }
        let body = Array(isbn13.utf8.dropFirst(3).dropLast()).map { Int($0) - 48 }
        return Self.text(body) + Self.digit(Self.check10(body))
    }

    public var description: String { isbn13 }

    /// Reads `text` as an ISBN: hyphens and spaces are ignored; an ISBN-10's
    /// last character may be `X` (or `x`).
    public static func read(_ text: String) -> Reading {
        let characters = Array(text.utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: " ") })
        func digits(_ slice: ArraySlice<UInt8>) -> [Int]? {
            var out: [Int] = []
            for c in slice {
                guard c >= 48 && c <= 57 else { return nil }
                out.append(Int(c) - 48)
            }
            return out
        }
        if characters.count == 10, let body = digits(characters[0..<9]) {
            let last = characters[9]
            let given: Int
            switch last {
            case 48...57: given = Int(last) - 48
            case UInt8(ascii: "X"), UInt8(ascii: "x"): given = 10
            default: return .notAnISBN
            }
            let expected = check10(body)
            guard given == expected else { return .badCheckDigit(expected: Character(digit(expected))) }
            let twelve = [9, 7, 8] + body
            return .valid(ISBN(isbn13: Self.text(twelve + [check13(twelve)])))
        }
        if characters.count == 13, let all = digits(characters[...]), all[0] == 9, all[1] == 7, all[2] == 8 || all[2] == 9 {
            let expected = check13(Array(all.prefix(12)))
            guard all[12] == expected else { return .badCheckDigit(expected: Character(digit(expected))) }
            return .valid(ISBN(isbn13: Self.text(all)))
        }
        return .notAnISBN
    }

    /// The ISBN-13 to store beside a book's ISBN text: nil when the text is
    /// not a valid ISBN (it is then kept, and found, only as written).
    static func normalised(_ text: String?) -> String? {
        text.flatMap { ISBN($0)?.isbn13 }
    }

    /// ISBN-10 check (0-10, 10 written X): the digits weighted 10 down to 2
    /// plus the check make a multiple of 11.
    static func check10(_ nine: [Int]) -> Int {
        let sum = zip(nine, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 11
    }

    /// EAN-13 check: the digits weighted 1, 3, 1, 3... plus the check make a multiple of 10.
    static func check13(_ twelve: [Int]) -> Int {
        let sum = twelve.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10
    }

    /// Digits as text, without a string a digit (import reads a million ISBNs).
    static func text(_ digits: [Int]) -> String {
        String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
    }

    static func digit(_ check: Int) -> String { check == 10 ? "X" : String(check) }
}

extension ISBN {
    /// The one-line refusal of an ISBN with a wrong check digit.
    static func checkDigitError(_ typed: String, expected: Character) -> CatalogueError {
        .invalidField(
            field: "ISBN", value: typed,
            reason: "its check digit should be \(expected); check it for a typo, or search for the digits as text with `lawcat search`")
    }
}
