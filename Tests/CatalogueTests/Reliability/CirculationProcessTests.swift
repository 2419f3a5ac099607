import Catalogue
import Foundation
import GRDB
import Testing

/// Circulation as whole lawcat processes: a stocktake killed mid-way, and
/// checkouts and checkins among importers, readers and a backup taker. The
/// large versions are in bench/reliability.sh.
@Suite("Circulation under crashes and concurrency (processes)", .serialized)
struct CirculationProcessTests {
    static func seenEvents(_ catalogue: CatalogueDatabase) throws -> Int {
        try catalogue.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event WHERE kind = 'seen'") ?? -1 }
    }

    /// How many events, and how many checkouts, the log holds for `barcode`.
    static func events(_ catalogue: CatalogueDatabase, _ barcode: String) throws -> (all: Int, checkouts: Int) {
        try catalogue.writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS n, count(*) FILTER (WHERE kind = 'checked-out') AS out
                    FROM event WHERE copy_id = (SELECT id FROM copy WHERE barcode = ?)
                    """,
                arguments: [barcode])!
            return (row["n"], row["out"])
        }
    }

    @Test("Given a stocktake of 10,000 scanned barcodes, when it is killed with SIGKILL at several points, then the catalogue passes check and holds none or all of its seen events", .timeLimit(.minutes(2)))
    func killedStocktake() throws {
        let scans = 10_000
        let folder = try ProcessTests.folder()
        let base = try CatalogueDatabase(path: folder + "/base.sqlite", create: true)
        _ = try base.importCSV(path: try Binary.csv(rows: scans, prefix: "ST"))
        let file = folder + "/scans.txt"
        try Data((0..<scans).map { String(format: "ST%07d\n", $0) }.joined().utf8).write(to: URL(fileURLWithPath: file))

        // Two whole runs, to place the kill points along the shorter: other
        // work on the machine slows some runs, and kills placed by a slow run
        // all land after the end of a quick one.
        var duration = Double.infinity
        for n in 0..<2 {
            let whole = folder + "/whole-\(n).sqlite"
            _ = try base.backup(to: whole)
            let started = Date()
            let done = try Binary.run("stocktake", "London", file, db: whole)
            duration = min(duration, Date().timeIntervalSince(started))
            #expect(done.status == 0, "\(done.stderr)")
            #expect(try Self.seenEvents(CatalogueDatabase(path: whole, create: false)) == scans)
        }

        var killedMidway = 0
        var left: [String] = []
        for fraction in [0.1, 0.3, 0.5, 0.75] {
            let db = folder + "/killed-\(fraction).sqlite"
            _ = try base.backup(to: db)
            let run = try Binary.start(["stocktake", "London", file], db: db)
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(run.0.processIdentifier, SIGKILL)
            let outcome = Binary.finish(run)
            if outcome.signalled { killedMidway += 1 } else { #expect(outcome.status == 0, "\(outcome.stderr)") }

            let catalogue = try CatalogueDatabase(path: db, create: false)
            #expect(try catalogue.check().problems == [], "after a kill at \(fraction) of \(duration) s")
            let seen = try Self.seenEvents(catalogue)
            #expect(seen == 0 || seen == scans, "a kill at \(fraction) of \(duration) s left \(seen) seen events")
            left.append("\(outcome.signalled ? "killed" : "finished") at \(fraction): \(seen) seen")
        }
        print("stocktake of \(scans) barcodes took \(String(format: "%.2f", duration)) s; killed mid-way \(killedMidway) of 4 times (\(left.joined(separator: ", ")))")
        #expect(killedMidway >= 1, "a kill should land during the stocktake")
    }

    @Test("Given circulators lending and returning, an importer, an adder, readers (where, search, loans) and a backup taker at once, then nothing failed as busy, every event is in the log, and the catalogue and every backup pass check", .timeLimit(.minutes(2)))
    func circulationAmongWriters() async throws {
        let folder = try ProcessTests.folder()
        let base = try ProcessTests.base(rows: 100, in: folder)
        let db = base.path
        let circulators = 4, pairs = 25, backups = 5
        let importFile = try Binary.csv(rows: 300, prefix: "IMPx")
        // Circulator c lends and returns BASE00000c0 and BASE00000c1 in turn.
        func barcode(_ c: Int, _ n: Int) -> String { String(format: "BASE%07d", c * 10 + n % 2) }

        let outcomes = try await withThrowingTaskGroup(of: [(String, Binary.Outcome)].self) { group in
            for c in 0..<circulators {
                group.addTask {
                    try (0..<pairs).flatMap { n in
                        [
                            ("checkout", try Binary.run("checkout", barcode(c, n), "--to", "Reader \(c)", db: db)),
                            ("checkin", try Binary.run("checkin", barcode(c, n), db: db)),
                        ]
                    }
                }
            }
            group.addTask { [("import", try Binary.run("import", importFile, db: db))] }
            group.addTask {
                try (0..<8).map { n in
                    ("add", try Binary.run("add", "--title", "Added \(n)", "--copy", "ADDx\(n)", "--at", "Leeds/1F", db: db))
                }
            }
            for reader in 0..<2 {
                group.addTask {
                    try (0..<12).map { n in
                        switch (n + reader) % 4 {
                        case 0: return ("where", try Binary.run("where", barcode(n % circulators, n), "--json", db: db))
                        case 1: return ("where", try Binary.run("where", "treatise contract", db: db))
                        case 2: return ("search", try Binary.run("search", "treatise tort", "--json", db: db))
                        default: return ("loans", try Binary.run("loans", "--json", db: db))
                        }
                    }
                }
            }
            group.addTask {
                try (0..<backups).map { n in
                    Thread.sleep(forTimeInterval: 0.4)
                    return ("backup", try Binary.run("backup", folder + "/backup-\(n).sqlite", db: db))
                }
            }
            var all: [(String, Binary.Outcome)] = []
            for try await outcomes in group { all += outcomes }
            return all
        }

        #expect(outcomes.count == circulators * pairs * 2 + 1 + 8 + 24 + backups)
        for (command, outcome) in outcomes {
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
            #expect(
                !outcome.stderr.localizedCaseInsensitiveContains("busy")
                    && !outcome.stderr.localizedCaseInsensitiveContains("locked"),
                "\(command): \(outcome.stderr)")
        }
        let catalogue = try CatalogueDatabase(path: db, create: false)
        #expect(try catalogue.check().problems == [])
        #expect(try catalogue.counts().copies == 100 + 300 + 8)
        // Every checkout and checkin is in the log, copy by copy.
        for c in 0..<circulators {
            for k in 0..<2 {
                let lent = pairs / 2 + (k < pairs % 2 ? 1 : 0)
                let found = try Self.events(catalogue, barcode(c, k))
                #expect(found.all == 1 + 2 * lent && found.checkouts == lent, "\(barcode(c, k)): \(found)")
            }
        }
        #expect(try catalogue.loans().isEmpty)
        for n in 0..<backups {
            let backup = try CatalogueDatabase(path: folder + "/backup-\(n).sqlite", create: false)
            #expect(try backup.check().problems == [], "backup \(n)")
            var csv = ""
            try backup.export(format: .csv) { csv += $0 }
            let rows = csv.components(separatedBy: ",IMPx").count - 1
            #expect(rows == 0 || rows == 300, "backup \(n) holds \(rows) rows of the import")
        }
    }
}
