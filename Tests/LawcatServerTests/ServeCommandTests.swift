// `lawcat serve` as a process: where it listens, its log, and SIGTERM.
import Catalogue
import Foundation
import Testing

@Suite("lawcat serve, the process") struct ServeCommandTests {
    @Test("It says where it listens, logs a line a request without the query or the token, and stops cleanly on SIGTERM")
    func listensLogsAndStops() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.catalogue.newToken(name: "lena")
        let process = Process()
        process.executableURL = ServerFixture.binary
        process.arguments = ["serve", "--db", fixture.path, "--port", "0"]
        process.environment = ["LAWCAT_NOW": ServerFixture.now, "HOME": fixture.folder.path, "NO_COLOR": "1"]
        let log = fixture.folder.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Given the server started on any free port, when it is listening, then stderr names the address.
        var address: String?
        for _ in 0..<150 where address == nil {
            try await Task.sleep(for: .milliseconds(100))
            let text = try String(contentsOf: log, encoding: .utf8)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                address = String(text[range])
            }
        }
        let base = try #require(address, "the server never said where it listens")

        // When a client searches with a token, then the answer is the JSON and the log line names no secret.
        let status = try Self.status(of: base + "api/v1/search?q=secret+matter", headers: ["Authorization: Bearer \(token)"])
        #expect(status == 200)

        // When a second server is asked for the same port, then it says so in one line and exits 74.
        let port = String(base.dropFirst("http://127.0.0.1:".count).dropLast())
        let second = try fixture.lawcat("serve", "--port", port)
        #expect(second.status == 74)

        // When it is sent SIGTERM, then it finishes, says so, and exits 0.
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z GET /api/v1/search 200 [0-9.]+ms lena\n"#, options: .regularExpression) != nil)
        #expect(!text.contains(token) && !text.contains("secret"))
        #expect(text.hasSuffix("lawcat: stopped\n"))
    }

    /// The status of one GET, as curl (a real client over a real socket) gets it.
    static func status(of url: String, headers: [String]) throws -> Int {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"] + headers.flatMap { ["-H", $0] } + [url]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self)) ?? 0
    }
}
