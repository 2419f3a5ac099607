// `lawcat serve`: the catalogue on the firm's network, pages and a JSON API
// (LawcatServer), on the same file the CLI keeps using.
import ArgumentParser
import Catalogue
import Dispatch
import Foundation
import Hummingbird
import LawcatServer

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the catalogue to browsers and to the JSON API (docs/serve.md).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. Reading needs an account
            (`lawcat users add`) unless --open; changing always needs a librarian. One line
            a request goes to stderr. SIGTERM or Ctrl-C stops it after the requests in flight.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Option(help: ArgumentHelp("The address to listen on (0.0.0.0: every interface).", valueName: "address"))
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port = 8080
    @Flag(help: "Let anyone who reaches the server search and look; changes still need a librarian.")
    var open = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("give --port as a number from 0 to 65535") }
    }

    func run() throws {
        let db = try catalogue.open(create: false, connections: .pool)
        if try db.accounts().isEmpty {
            Terminal.note("note: no accounts yet: add one with `lawcat users add NAME --role librarian`\n")
        }
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.open = open
        settings.log = { line in Output.standardError(line + "\n") }
        let path = db.path
        let access = open ? "anyone may read; changes need a librarian" : "sign-in needed"
        let app = buildApplication(catalogue: db, settings: settings) { host, port in
            Output.standardError("lawcat: serving \(path) at http://\(host):\(port)/ (\(access)); SIGTERM or Ctrl-C stops it\n")
        }
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            Terminal.error("cannot listen on \(host):\(port) (\(Self.reason(error))); choose another --host or --port, or stop what uses it")
            throw ExitCode(74)
        }
        Output.standardError("lawcat: stopped\n")
    }
}

extension Serve {
    /// The system's words for why the socket could not be opened ("address already in use").
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if let range = text.range(of: #"errno: [0-9]+"#, options: .regularExpression),
            let code = Int32(text[range].dropFirst("errno: ".count))
        {
            return Output.describe(code)
        }
        return String(text.split(separator: "\n").first?.prefix(120) ?? "")
    }
}

/// What the server's task ended with, read after it has signalled.
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
}
