import Foundation
import Testing

/// Output that cannot be written: a full disk is one line on stderr and exit
/// 74, never a trap (Foundation's non-throwing write ended with exit 132); a
/// reader that has gone (`| head -1`) ends the command quietly with exit 0.
@Suite("Terminal manners: full disks and closed pipes")
struct TerminalMannersTests {
    static let fullDisk = FileManager.default.isWritableFile(atPath: "/dev/full")

    /// A catalogue of `books` books titled "Law of …", enough output to fill a pipe's buffer.
    static func lawCatalogue(books: Int) throws -> Lawcat {
        let lawcat = try Lawcat()
        let rows = (1...books).map { "Law of Things volume \($0),L\($0),London/Library\n" }.joined()
        let file = try lawcat.file("books.csv", "title,barcode,location\n" + rows)
        let imported = try lawcat.run("import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        return lawcat
    }

    @Test("Given stdout on a full disk, when search prints, then it is one line on stderr and exit 74, not a crash",
          .enabled(if: fullDisk, "needs /dev/full"))
    func fullDiskSearch() throws {
        let lawcat = try Self.lawCatalogue(books: 3)
        let outcome = try lawcat.runToFullDisk("search", "law")
        #expect(outcome.exited, "killed by a signal: \(outcome.status)")
        #expect(outcome.status == 74)
        #expect(outcome.stderr == "error: cannot write the output: no space left on device; free some space or send it elsewhere\n")
    }

    @Test("Given stdout on a full disk, when help, the version or a checkout's answer is printed, then exit 74 with one line",
          .enabled(if: fullDisk, "needs /dev/full"), arguments: [["--help"], ["--version"], ["checkout", "L1", "--to", "Jane Smith"]])
    func fullDiskOthers(arguments: [String]) throws {
        let lawcat = try Self.lawCatalogue(books: 1)
        let outcome = try lawcat.runToFullDisk(arguments)
        #expect(outcome.exited && outcome.status == 74, "\(outcome.status): \(outcome.stderr)")
        // The checkout also notes that Jane Smith is new; the failed write is one line of its own.
        let errors = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors == ["error: cannot write the output: no space left on device; free some space or send it elsewhere"])
        #expect(outcome.stderr.hasSuffix("free some space or send it elsewhere\n"), "\(outcome.stderr)")
    }

    @Test("Given a reader that takes one line and closes the pipe, when search prints 3,000 books, then it ends quietly with exit 0")
    func closedPipeSearch() throws {
        let lawcat = try Self.lawCatalogue(books: 3_000)
        let outcome = try lawcat.runIntoClosedPipe("search", "law", "--limit", "3000")
        #expect(outcome.first.hasPrefix("ID"), "\(outcome.first)")
        #expect(outcome.exited, "killed by signal \(outcome.status) (SIGPIPE is 13, a trap 4 or 5)")
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    @Test("Given a reader that closes the pipe, when export writes 3,000 rows, then it ends quietly with exit 0")
    func closedPipeExport() throws {
        let lawcat = try Self.lawCatalogue(books: 3_000)
        let outcome = try lawcat.runIntoClosedPipe("export")
        #expect(outcome.first.hasPrefix("title,"))
        #expect(outcome.exited && outcome.status == 0, "\(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }
}
