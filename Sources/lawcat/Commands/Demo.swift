import ArgumentParser
import Catalogue
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a fresh demo catalogue from seed/ and take a short tour.",
        discussion: """
            The demo catalogue is ./lawcat-demo.sqlite unless --db names another file; it
            never touches your real catalogue. Explore it afterwards with, for example,
            `lawcat search --db lawcat-demo.sqlite chitty`.
            """)

    @Option(help: ArgumentHelp("Where to build the demo catalogue.", valueName: "path"))
    var db = "lawcat-demo.sqlite"
    @Option(help: ArgumentHelp("The seed folder (default: ./seed, else the one beside lawcat's sources).", valueName: "folder"))
    var seed: String?

    func run() throws {
        let seedFolder = try seed ?? Self.findSeed()
        let catalogue = try DemoCatalogue.build(at: db, seed: seedFolder, clock: CatalogueOptions.clock())
        let counts = try catalogue.counts()
        Terminal.line(Style.bold.apply("lawcat demo") + ": built \(db) from \(seedFolder): \(counts.books) books, \(counts.copies) copies.")
        Terminal.line()

        Terminal.line(Style.cyan.apply("$ lawcat search chitty contracts"))
        let found = try catalogue.search("chitty contracts", limit: 5).books
        Terminal.out(BookRendering.list(found))
        Terminal.line()

        if let first = found.first {
            Terminal.line(Style.cyan.apply("$ lawcat show \(first.id)") + "    # where are its copies?")
            Terminal.out(BookRendering.details(first))
            Terminal.line()
        }
        Terminal.line("Try it yourself: lawcat search --db \(db) gloag scotland")
    }

    /// ./seed when run from the repository, else the seed folder beside these sources.
    static func findSeed() throws -> String {
        let candidates = [
            FileManager.default.currentDirectoryPath + "/seed",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seed").path,
        ]
        guard let found = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0 + "/" + DemoCatalogue.catalogueFile)
        }) else {
            throw CatalogueError.fileNotFound(path: "seed/\(DemoCatalogue.catalogueFile) (run from the lawcat folder, or give --seed)")
        }
        return found
    }
}
