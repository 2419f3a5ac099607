import Foundation

/// The built `lawcat` binary, run as separate processes: crashes and
/// concurrency are about processes, not threads. (These tests live beside the
/// library tests so that they can check the results with `check()`.)
enum Binary {
    static let url: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("lawcat")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/lawcat")
    }()

    struct Outcome: Sendable {
        var stdout: String
        var stderr: String
        var status: Int32
        var signalled: Bool
    }

    /// Starts `lawcat ARGUMENTS` on catalogue `db`; output goes to files so
    /// that nothing blocks when it is killed.
    static func start(_ arguments: [String], db: String) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = [
            "LAWCAT_DB": db, "LAWCAT_NOW": "2026-11-26T09:30:00Z", "NO_COLOR": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-run-\(UUID().uuidString)")
        let out = base.appendingPathExtension("out"), err = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, URL, URL)) -> Outcome {
        let (process, out, err) = started
        process.waitUntilExit()
        let outcome = Outcome(
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal)
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return outcome
    }

    @discardableResult
    static func run(_ arguments: String..., db: String) throws -> Outcome {
        finish(try start(arguments, db: db))
    }

    /// Whether a shell command succeeds (for chattr and mount, which need root).
    @discardableResult
    static func shell(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A generated import file of `rows` copies, barcodes `PREFIX0000000`...
    static func csv(rows: Int, prefix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-\(prefix)-\(UUID().uuidString).csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var text = "title,authors,subjects,date,jurisdiction,barcode,location\n"
        let topics = ["contract", "tort", "trusts", "company", "insolvency"]
        for n in 0..<rows {
            text += "\(prefix) treatise \(n) on \(topics[n % 5]) law,Author \(n % 997);Editor \(n % 13),Law;Subject \(n % 50),\(1900 + n % 120),England and Wales,\(prefix)\(String(format: "%07d", n)),London/\(n % 5)F/Bay \(n % 40)\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        return url.path
    }
}
