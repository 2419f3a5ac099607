// A demo catalogue in a folder of its own, the server over it in process
// (HummingbirdTesting's router framework: no ports, no sleeps), and the
// built `lawcat` binary pointed at the same file.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawcatServer
import TestSupport
import Testing

struct ServerFixture {
    static let now = "2026-11-26T09:30:00Z"
    static let clock = Clock.fixed(Timestamp.date(from: now)!)
    static let password = "correct horse battery"

    let folder: URL
    let path: String
    let catalogue: CatalogueDatabase

    /// The demo catalogue, with a reader `rita` and a librarian `lena` (cheap bcrypt: these are tests);
    /// the server's writes wait `busyTimeout` for another process's write lock.
    init(busyTimeout: TimeInterval = CatalogueDatabase.busyTimeout) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("catalogue.sqlite").path
        // The demo as `lawcat demo` builds it, with its loans and its missing copy.
        let demo = try Self.run(["demo", "--db", path], folder: folder, catalogue: path)
        guard demo.status == 0 else { throw CatalogueError.noCatalogue(path: path) }
        catalogue = try CatalogueDatabase(path: path, create: false, clock: Self.clock, busyTimeout: busyTimeout)
        try catalogue.addAccount(name: "rita", role: .reader, password: Self.password, cost: 4)
        try catalogue.addAccount(name: "lena", role: .librarian, password: Self.password, cost: 4)
    }

    func app(open: Bool = false, signInDelay: Duration = .milliseconds(1)) -> some ApplicationProtocol {
        var settings = ServerSettings()
        settings.open = open
        settings.signInDelay = signInDelay
        settings.signInDelayLimit = .milliseconds(400)
        return buildApplication(catalogue: catalogue, settings: settings)
    }

    func bearer(_ name: String) throws -> HTTPFields {
        [.authorization: "Bearer " + (try catalogue.newToken(name: name))]
    }

    /// The binary SwiftPM built beside the test bundle.
    static let binary = lawcatBinary

    /// Runs `lawcat ARGUMENTS` on the same catalogue, with the same clock; returns stdout and the exit status.
    func lawcat(_ arguments: String..., input: String = "") throws -> (stdout: String, status: Int32) {
        try lawcat(arguments, input: input)
    }

    func lawcat(_ arguments: [String], input: String = "") throws -> (stdout: String, status: Int32) {
        try Self.run(arguments, folder: folder, catalogue: path, input: input)
    }

    static func run(_ arguments: [String], folder: URL, catalogue path: String, input: String = "") throws
        -> (stdout: String, status: Int32)
    {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = [
            "LAWCAT_DB": path, "LAWCAT_NOW": Self.now, "HOME": folder.path, "NO_COLOR": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        let out = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = inp
        try process.run()
        inp.fileHandleForWriting.write(Data(input.utf8))
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// The `error` of a JSON error answer.
    var errorMessage: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else { return nil }
        return object["error"] as? String
    }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
