import Foundation
import Testing

@Suite("Duplicate records merged")
struct BookMergeTests {
    @Test("Given a book catalogued twice, one copy on loan and one withdrawn, when it is merged, then every copy and its history moves, the record goes, the merge is in each history, and check is clean")
    func merge() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("add", "--title", "Chitty on contracts (dup)", "--copy", "D1", "--at", "London/Library/Bay 1",
                       "--copy", "D2", "--at", "London/Library/Bay 1")
        try lawcat.run("checkout", "D1", "--to", "Jane Smith")
        try lawcat.run("withdraw", "D2")
        let removal = try lawcat.run("remove", "3")
        #expect(removal.status == 1 && removal.stderr.contains("`lawcat merge 3 OTHER-ID`"), "\(removal.stderr)")

        let outcome = try lawcat.run("merge", "3", "1")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "merged book 3 into book 1 ('Chitty on Contracts'): moved 2 copies (D1, D2); deleted book 3\n")
        #expect(try lawcat.run("show", "3").status == 1)
        let show = try lawcat.run("show", "1", "--json")
        let book = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let barcodes = (book["copies"] as? [[String: Any]] ?? []).compactMap { $0["barcode"] as? String }
        #expect(barcodes == ["C1", "C2", "D1", "D2"])
        let d1 = try historyJSON(lawcat, "D1")
        #expect(d1.map { $0["kind"] as? String ?? "" } == ["added", "checked-out", "merged"])
        #expect(d1.last?["note"] as? String == "merged from book 3 ('Chitty on contracts (dup)')")
        #expect(try whereJSON(lawcat, "D1")["borrower"] as? String == "Jane Smith")
        #expect(try historyJSON(lawcat, "D2").last?["kind"] as? String == "merged", "a withdrawn copy moves too")
        #expect(!(try lawcat.run("search", "dup").stdout.contains("(dup)")), "the record is gone from search")
        try expectClean(lawcat)
        // Undo goes past the merge to the action before it.
        let undo = try lawcat.run("undo", "D1")
        #expect(undo.status == 0 && undo.stdout.hasPrefix("D1: undid checked-out"), "\(undo.stdout)\(undo.stderr)")
        try expectClean(lawcat)
    }

    @Test("Given a book with no copies, when it is merged into another, then it is deleted; merging a book into itself is refused")
    func bareAndSelf() throws {
        let lawcat = try circulationLawcat()
        try lawcat.run("add", "--title", "Ghost")
        let outcome = try lawcat.run("merge", "3", "C1")
        #expect(outcome.stdout == "merged book 3 into book 1 ('Chitty on Contracts'): moved no copies; deleted book 3\n", "\(outcome.stderr)")
        let same = try lawcat.run("merge", "C1", "1")
        #expect(same.status == 64 && same.stderr.contains("are the same book"), "\(same.stderr)")
        let unknown = try lawcat.run("merge", "99", "1")
        #expect(unknown.status == 1)
        try expectClean(lawcat)
    }
}
