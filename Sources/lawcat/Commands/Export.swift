// `lawcat export`: the whole catalogue as CSV (the import format) or JSON.
import ArgumentParser
import Catalogue
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole catalogue as CSV (the import format) or JSON.")

    @OptionGroup var catalogue: CatalogueOptions
    @Option(help: "csv or json.")
    var format: ExportFormat = .csv
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let db = try catalogue.open(create: false)
        guard let output else {
            try db.export(format: format) { Terminal.out($0) }
            return
        }
        // Written beside the target and renamed into place, so a failed export
        // never leaves half a file where a whole one was.
        let temporary = output + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw CatalogueError.cannotWrite(path: output, reason: "the file cannot be created")
        }
        do {
            try db.export(format: format) { try handle.write(contentsOf: Data($0.utf8)) }
            try handle.close()
            _ = try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.moveItem(atPath: temporary, toPath: output)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? CatalogueError { throw error }
            throw CatalogueError.cannotWrite(path: output, reason: "writing failed")
        }
    }
}
