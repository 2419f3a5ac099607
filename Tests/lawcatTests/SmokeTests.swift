import Foundation
import Testing

@Suite("The command line, end to end")
struct SmokeTests {
    @Test("Given an empty catalogue, when a book is added, then show finds it by its barcode")
    func addThenShow() throws {
        let lawcat = try Lawcat()
        let added = try lawcat.run(
            "add", "--title", "Chitty on Contracts", "--author", "Beale, Hugh", "--copy", "L1", "--at", "London/Library")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "1\n")
        let shown = try lawcat.run("show", "L1", "--json")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\"title\" : \"Chitty on Contracts\""))
    }

    @Test("Given no catalogue, when show runs, then it says how to create one and creates nothing")
    func showWithoutCatalogue() throws {
        let lawcat = try Lawcat()
        let outcome = try lawcat.run("show", "L1")
        #expect(outcome.status == 74)
        #expect(outcome.stderr.hasPrefix("error: no catalogue at"))
        #expect(outcome.stderr.contains("lawcat init"))
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue))
    }
}
