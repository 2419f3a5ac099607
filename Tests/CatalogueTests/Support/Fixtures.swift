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

/// Writes `text` to a temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-\(UUID().uuidString)-\(name)")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A small seeded generator (SplitMix64), so that every run makes the same
/// inputs (fuzz strings, query sets) and a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

