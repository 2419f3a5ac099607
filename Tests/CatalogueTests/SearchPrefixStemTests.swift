// A word cut short is a prefix of the words it begins, whatever the Porter
// stemmer makes of it. FTS5 stems a prefix as it stems a word: `cons` became
// "con" (finding "conquest"), `analy` became "anali" (missing "analysis",
// stem "analysi"), and a prefix missed the words whose stem is shorter than
// it ("national", stem "nation", for `nationa`). These show only when a
// fragment begins more words than a search lists one by one
// (`Searcher.mostExtensions`), so each catalogue here has more.
@testable import Catalogue
import Foundation
import Testing

@Suite("Search: a word cut short, as the stemmer sees it")
struct SearchPrefixStemTests {
    /// More words beginning with each fragment than a search lists, in one book's title each.
    static let fillers = [
        "consent consider consist console consort consul consume constant constrain construct consult consensus"
            + " conscience conscript consecrate consequence conservation consignment consolidation conspiracy"
            + " constable constituency consular consumer consanguinity",
        "analysis analyst analytic analyze analyzed analyzes analysing analyser analyses analysts analytical"
            + " analytically analytics analyzing analyzer analyzers analysable analysand analyticity analyte analytes",
        "nationalism nationalist nationality nationalities nationalize nationalized nationalizes nationalizing"
            + " nationalise nationalised nationalises nationalising nationally nationalistic nationalists nationals"
            + " nationalisation nationalization nationalisms nationalite nationaliteit nationalrat",
        "statistics station static stationery statist statistical statistician stationary stationmaster statice"
            + " statim stations statistically statics stating statius statins statin statisticians stationers statical",
        "historyczny historycznej historycznych historycznym historyczna historyczne historyka historykow historykiem"
            + " historyk historyi historyja historyje historysk historyske historyska historyskt historyism historyless"
            + " historylike historymaker historymaking",
    ]

    static func catalogue(_ titles: [String]) throws -> CatalogueDatabase {
        let catalogue = try temporaryCatalogue()
        for title in fillers + titles { _ = try catalogue.addBook(BookFields(title: title), copies: []) }
        return catalogue
    }

    static func titles(_ result: SearchResult) -> [String] { result.books.map(\.book.fields.title) }

    @Test("Given more than twenty words beginning with 'cons', when `cons histor ` is searched, then constitutional history is found and the conquest of Mexico (stem 'con...') is not")
    func consIsNotCon() throws {
        let catalogue = try Self.catalogue(["Constitutional history of England", "The conquest of Mexico: a history"])
        let found = Self.titles(try catalogue.search("cons histor "))
        #expect(found.contains("Constitutional history of England"), "\(found)")
        #expect(!found.contains("The conquest of Mexico: a history"), "\(found)")
    }

    @Test("Given more than twenty words beginning with 'analy', when `analy ` is searched, then the analysis of contracts is found (Porter would ask for 'anali')")
    func analyFindsAnalysis() throws {
        let catalogue = try Self.catalogue(["Analysis of contracts"])
        let result = try catalogue.search("analy ", limit: 100)
        #expect(Self.titles(result).contains("Analysis of contracts"), "\(Self.titles(result))")
    }

    @Test("Given more than twenty words beginning with 'nationa', when `nationa secur` is searched, then National security law is found without correcting a word")
    func nationaFindsNational() throws {
        let catalogue = try Self.catalogue(["National security law", "Security of tenure"])
        let result = try catalogue.search("nationa secur")
        #expect(Self.titles(result).first == "National security law", "\(Self.titles(result))")
        #expect(result.suggestion == nil, "found only through a correction: \(result.suggestion ?? "")")
    }

    @Test("Given more than twenty words beginning with 'history', when `history constit ` is searched, then a constitutional history is found: the word itself is among the words it begins")
    func wholeWordStaysInItsPrefix() throws {
        let catalogue = try Self.catalogue(["A constitutional history of England"])
        let found = Self.titles(try catalogue.search("history constit "))
        #expect(found.contains("A constitutional history of England"), "\(found)")
    }

    @Test("Given more than twenty words beginning with 'stati', 'stating' among them, when `stati ` is searched, then books on states (the stem of 'stating') are not found")
    func statiIsNotState() throws {
        let catalogue = try Self.catalogue(["The states of Europe", "Statistics for lawyers"])
        let found = Self.titles(try catalogue.search("stati ", limit: 100))
        #expect(found.contains("Statistics for lawyers"), "\(found)")
        #expect(!found.contains("The states of Europe"), "\(found)")
    }
}
