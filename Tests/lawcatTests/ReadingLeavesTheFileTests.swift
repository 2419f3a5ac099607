import Foundation
import Testing

/// A command that only reads leaves the catalogue file as it found it: backups
/// and sync tools that go by a file's contents or modification time do not copy
/// a large catalogue again after every search.
@Suite("Reading commands leave the file alone")
struct ReadingLeavesTheFileTests {
    @Test("Given a catalogue, when it is searched, shown, asked where and for history, then the file is byte for byte as it was, and still in WAL mode")
    func readsWriteNothing() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--edition", "34th ed.", "--copy", "L1", "--at", "London")
        let before = try Data(contentsOf: URL(fileURLWithPath: lawcat.catalogue))
        // Bytes 18 and 19 of the header: 2 and 2 when the file is in WAL mode, as one connection
        // must ask for itself (a pool does it as it opens).
        #expect(before[18] == 2 && before[19] == 2, "not in WAL mode")
        for arguments in [["search", "chitty 34th"], ["search", "--json", "contracts"], ["show", "L1"], ["where", "L1"], ["history", "L1"]] {
            let outcome = try lawcat.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: lawcat.catalogue))
        // Bytes 40-43 are the schema cookie, which GRDB's table made and dropped on every open moved.
        #expect(after == before, "schema cookie \(Array(before[40..<44])) then \(Array(after[40..<44]))")
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue + "-wal"), "the WAL is left behind")
    }

    @Test("Given a catalogue read by a command, when a book is added after it, then the add is there to read")
    func writesStillLand() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--copy", "L1", "--at", "London")
        try lawcat.run("search", "chitty")
        let added = try lawcat.run("add", "--title", "Benjamin's Sale of Goods", "--copy", "L2", "--at", "London")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try lawcat.run("search", "--json", "benjamin").stdout.contains("Sale of Goods"))
    }
}
