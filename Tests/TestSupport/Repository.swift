// Where the tests find the checkout and the `lawcat` binary SwiftPM built:
// one answer for both test targets that run the binary.
import Foundation

/// The repository's root, for seed/, docs/ and schema.sql: this file is `Tests/TestSupport/Repository.swift`.
public let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `lawcat` binary SwiftPM built beside the test bundle.
public let lawcatBinary: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundle, bundle.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("lawcat")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lawcat")
}()
