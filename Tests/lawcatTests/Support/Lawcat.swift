import Foundation
import TestSupport
import Testing

/// What one run of the `lawcat` binary did.
struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs the built `lawcat` binary, as a user would, in a temporary folder of
/// its own with its own catalogue (LAWCAT_DB) and, unless a test sets it, a
/// clock stopped at `now` (LAWCAT_NOW).
struct Lawcat {
    let folder: URL
    var environment: [String: String]

    static let now = "2026-11-26T09:30:00Z"

    /// The binary SwiftPM built beside the test bundle.
    static let binary = lawcatBinary

    /// The repository's root, for seed/ and schema.sql.
    static let repository = TestSupport.repository

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = [
            "LAWCAT_DB": folder.appendingPathComponent("catalogue.sqlite").path,
            "LAWCAT_NOW": Self.now,
            "HOME": folder.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "NO_COLOR": "1",
        ]
    }

    var catalogue: String { environment["LAWCAT_DB"]! }

    /// Writes `text` to a file in the test's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `lawcat ARGUMENTS`, feeding `input` on stdin.
    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> Outcome {
        try run(arguments, input: input)
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
