// `lawcat demo`: a fresh demo catalogue from seed/, and a short tour of it.
import ArgumentParser
import Catalogue
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
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
        // The books arrive 60 days ago, so that the tour's loans and sightings come after.
        let clock = try CatalogueOptions.clock()
        let arrived = clock.now().addingTimeInterval(-60 * 86_400)
        _ = try DemoCatalogue.build(at: db, seed: seedFolder, clock: .fixed(arrived))
        let catalogue = try CatalogueDatabase(path: db, create: false, clock: clock)
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
        try Self.circulate(at: db)
        Terminal.line(Style.cyan.apply("$ lawcat where L000090") + "    # a copy on loan, at a meeting room")
        Terminal.out(CirculationRendering.whereabouts(try catalogue.whereabouts("L000090")))
        Terminal.line()
        Terminal.line(Style.cyan.apply("$ lawcat loans --overdue"))
        Terminal.out(CirculationRendering.copies(try catalogue.loans(overdue: true)))
        Terminal.line()
        Terminal.line(Style.cyan.apply("$ lawcat where L000080") + "    # gone: where and when was it last seen?")
        let missing = try catalogue.whereabouts("L000080")
        Terminal.out(CirculationRendering.whereabouts(
            WhereAnswer(copies: missing.copies.filter { $0.barcode == "L000080" }, otherMatches: [])))
        Terminal.line()
        Terminal.line("Try it yourself: lawcat search --db \(db) gloag scotland")
        Terminal.line("                 lawcat where --db \(db) lewin trusts")
        Terminal.line("                 lawcat log --db \(db) --by 'Priya Raghunathan'")
        Terminal.line("                 LAWCAT_FROM='The Library <library@example-firm.co.uk>' lawcat remind --db \(db)")
    }

    /// Some history for the tour, recorded with past clocks so that it is
    /// real: a loan (3 days ago, due in 11 days), an overdue loan (out 35
    /// days ago for 21 days) and a copy that went missing after it was last
    /// seen on another floor.
    static func circulate(at path: String) throws {
        let now = try CatalogueOptions.clock().now()
        func daysAgo(_ days: Double) throws -> CatalogueDatabase {
            try CatalogueDatabase(path: path, create: false, clock: .fixed(now.addingTimeInterval(-days * 86_400)))
        }
        _ = try daysAgo(40).move(barcode: "L000080", to: "London/4F/Litigation", note: "left after a hearing bundle was prepared")
        _ = try daysAgo(35).checkout(barcode: "L000165", to: "Tobias Penhaligon", due: .days(21))
        _ = try daysAgo(20).seen(barcode: "L000080", at: "London/4F/Litigation", by: "Priya Raghunathan")
        _ = try daysAgo(6).reportMissing(barcode: "L000080", note: "not in Litigation nor on its shelf")
        _ = try daysAgo(3).checkout(
            barcode: "L000090", to: "Harriet Ashworth-Blake", due: .days(14), at: "London/5F/Meeting room 5.12")
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
