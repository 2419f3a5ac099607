@testable import Catalogue
import Foundation
import TestSupport
import Testing

/// One typo: a letter substituted, inserted or deleted, or two neighbours swapped.
func typo(_ word: String, using rng: inout SeededGenerator) -> String {
    var letters = Array(word)
    let letter = Character(UnicodeScalar(UInt8(97 + Int.random(in: 0..<26, using: &rng))))
    let i = Int.random(in: 0..<letters.count, using: &rng)
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: letters[i] = letter == letters[i] ? (letter == "a" ? "b" : "a") : letter
    case 1: letters.insert(letter, at: i)
    case 2 where letters.count > 5: letters.remove(at: i)  // a typed word stays long enough to be corrected
    case 2: letters[i] = letter == letters[i] ? (letter == "a" ? "b" : "a") : letter
    default:
        let j = min(i, letters.count - 2)
        if letters[j] == letters[j + 1] { letters[j] = letters[j] == "a" ? "b" : "a" } else { letters.swapAt(j, j + 1) }
    }
    return String(letters)
}

/// Words as the full-text index sees them.
func words(_ text: String) -> [String] {
    Words.split(Vocabulary.fold(text))
}

@Suite("Search quality on real Library of Congress law records")
struct SearchQualityTests {
    struct Tally {
        var queries = 0
        var lawcat = 0
        var plain = 0
        func percent(_ n: Int) -> Double { queries == 0 ? 0 : 100 * Double(n) / Double(queries) }
        var line: String {
            String(format: "%4d queries: lawcat %5.1f%%, plain FTS5 %5.1f%%", queries, percent(lawcat), percent(plain))
        }
    }

    // Skipped, not passed, on a machine without the shared records.
    @Test(
        "Given lc-law-dev.csv, when searching for several hundred books as spelt, with a typo and by sloppy names, then lawcat finds them in the top 10 (figures printed)",
        .enabled(if: sharedDataFile("lc-law-dev.csv") != nil, "needs ../shared/data/lc-law-dev.csv beside the repository"))
    func querySet() throws {
        let catalogue = try temporaryCatalogue()
        _ = try catalogue.importCSV(path: try #require(sharedDataFile("lc-law-dev.csv")))
        let books = try catalogue.books(ids: Array(1...Int64(try catalogue.counts().books)))

        // Books whose title is theirs alone (a query cannot tell identical titles apart).
        var titleCounts: [String: Int] = [:]
        for book in books { titleCounts[book.book.fields.title.lowercased(), default: 0] += 1 }
        var rng = SeededGenerator(seed: 20_261_126)
        let candidates = books.filter { titleCounts[$0.book.fields.title.lowercased()] == 1 }.shuffled(using: &rng)

        var spelt = Tally(), typos = Tally(), names = Tally()
        var orderViolations: [String] = []
        let sample = 400
        for details in candidates.prefix(sample) {
            let fields = details.book.fields
            let titleWords = Array(Set(words(fields.title))).sorted { ($0.count, $0) > ($1.count, $1) }
            guard titleWords.count >= 2, titleWords[0].count >= 5 else { continue }
            let longest = Array(titleWords.prefix(3))

            func check(_ query: String, _ tally: inout Tally) throws -> SearchResult {
                let result = try catalogue.search(query, limit: 10)
                tally.queries += 1
                if result.books.contains(where: { $0.id == details.id }) { tally.lawcat += 1 } else if ProcessInfo.processInfo.environment["SEARCH_DEBUG"] != nil {
                    print("MISS \(query) => \(fields.title) / \(fields.authors.first ?? "") got \(result.books.prefix(3).map(\.book.fields.title)) exact \(result.exactCount)")
                }
                if try catalogue.plainFullTextSearch(query, limit: 10).contains(details.id) { tally.plain += 1 }
                return result
            }

            // As spelt: exact hits first, never a fuzzy-only hit above an exact one.
            let speltQuery = longest.joined(separator: " ")
            let result = try check(speltQuery, &spelt)
            let exact = Set(try catalogue.plainFullTextSearch(speltQuery, limit: 100_000))
                .union(try catalogue.plainFullTextSearch(speltQuery, limit: 100_000, lastWordPrefix: true))
            let flags = result.books.map { exact.contains($0.id) }
            if let firstFuzzy = flags.firstIndex(of: false), flags[firstFuzzy...].contains(true) {
                orderViolations.append(speltQuery)
            }
            if result.exactCount != flags.prefix(while: { $0 }).count { orderViolations.append(speltQuery) }

            // One typo in the longest word.
            _ = try check(([typo(longest[0], using: &rng)] + longest.dropFirst()).joined(separator: " "), &typos)

            // Sloppy names: the first author's surname (with a typo when it is long enough) plus
            // title words; then the surname and one title word, the other way round.
            // Personal names only ("Surname, Forenames"), not bodies such as "United States. Congress.".
            if let author = fields.authors.first, let comma = author.firstIndex(of: ","),
                !author[..<comma].contains("."), let surname = words(String(author[..<comma])).first, surname.count >= 3
            {
                let sloppy = surname.count >= 5 ? typo(surname, using: &rng) : surname
                _ = try check(([sloppy] + longest.prefix(2)).joined(separator: " "), &names)
                _ = try check("\(longest[0]) \(surname)", &names)
            }
        }
        print("search quality, top 10 of lc-law-dev.csv (\(books.count) books):")
        print("  as spelt:      \(spelt.line)")
        print("  one typo:      \(typos.line)")
        print("  sloppy names:  \(names.line)")
        print("  exact hits below a fuzzy-only hit: \(orderViolations.count)")

        #expect(spelt.queries >= 300)
        #expect(spelt.lawcat >= spelt.plain)
        #expect(typos.percent(typos.lawcat) >= 97)
        #expect(names.percent(names.lawcat) >= 99)
        #expect(orderViolations.isEmpty, "\(orderViolations.prefix(5))")
    }
}
