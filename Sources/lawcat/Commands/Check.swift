// `lawcat check`: is the catalogue sound? Exits 1 listing every problem when not.
import ArgumentParser
import Catalogue

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the catalogue: SQLite's integrity and foreign keys, lawcat's tables, indexes and triggers, the full-text index, and every copy's state against its event log.",
        discussion: "Exits 0 when all is well, 1 listing every problem otherwise. Changes nothing.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try catalogue.open(create: false).check()
        try output.print(report) {
            if report.isClean {
                Terminal.line(
                    "ok: integrity, foreign keys, schema and full-text index are sound; \(report.copiesChecked) copies match "
                        + "their \(report.eventsReplayed) events")
            } else {
                for problem in report.problems { Terminal.line(problem) }
                Terminal.line("\(report.problems.count) problems found")
            }
        }
        if !report.isClean { throw ExitCode.failure }
    }
}
