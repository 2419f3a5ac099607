// Where the real records are: `<repository>/../shared/data`, the one place every test looks for them.
// Relative to the checkout, so that a clone beside `shared/` finds them and a machine without them
// reports the tests that need them as skipped (`.enabled(if: sharedDataFile(...) != nil)`).
import Foundation

/// The folder of real records, `<repository>/../shared/data` (README.md there says what each file holds).
public let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

/// The path of `file` in the shared data, or nil when it is not there.
public func sharedDataFile(_ file: String) -> String? {
    let path = sharedData.appendingPathComponent(file).path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}
