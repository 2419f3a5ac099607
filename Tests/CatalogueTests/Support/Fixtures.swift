import Catalogue
import Foundation

/// A catalogue in a temporary file of its own, removed by nobody: the system's
/// temporary folder is cleaned by the machine.
func temporaryCatalogue(clock: Clock = .fixed(Date(timeIntervalSince1970: 1_795_000_000))) throws -> CatalogueDatabase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try CatalogueDatabase(path: folder.appendingPathComponent("catalogue.sqlite").path, create: true, clock: clock)
}

/// The repository's root, for seed/ and schema.sql.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// ../shared/data beside the repository.
let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

/// Writes `text` to a temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-\(UUID().uuidString)-\(name)")
    try Data(text.utf8).write(to: url)
    return url.path
}
