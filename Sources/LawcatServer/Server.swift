// `lawcat serve`: the catalogue on the firm's network. buildApplication is
// what the command runs and what the tests drive in process; buildRouter
// puts the middleware and the controllers together.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// How a server is set up.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Anyone who reaches the server may search and look; changes still need a librarian.
    public var open = false
    /// The pause before answering a failed sign-in, doubled with each failure in a row for that name.
    public var signInDelay: Duration = .milliseconds(500)
    /// The most a failed sign-in is made to wait.
    public var signInDelayLimit: Duration = .seconds(8)
    /// Where the one log line a request goes (stderr in `lawcat serve`).
    public var log: @Sendable (String) -> Void = { _ in }

    /// The defaults: set what differs.
    public init() {}
}

/// The largest request body the server reads (a sign-in form or an API change): 64 KiB.
public let maximumBodySize = 64 * 1024

/// The server for `catalogue`, ready to run; `onRunning` hears the address it listens on.
public func buildApplication(
    catalogue: CatalogueDatabase, settings: ServerSettings,
    onRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) -> some ApplicationProtocol {
    var logger = Logger(label: "lawcat")
    logger.logLevel = .warning
    return Application(
        router: buildRouter(catalogue: catalogue, settings: settings),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "lawcat"),
        onServerRunning: { channel in
            await onRunning(settings.host, channel.localAddress?.port ?? settings.port)
        },
        logger: logger)
}

/// Every route, behind the middleware every response passes through.
public func buildRouter(catalogue: CatalogueDatabase, settings: ServerSettings) -> Router<LawcatContext> {
    // A server searches again and again: its searches rank with the books' lengths in memory.
    catalogue.keepBookLengths()
    let router = Router(context: LawcatContext.self)
    router.add(middleware: RequestLogMiddleware(log: settings.log))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: FailureMiddleware(api: APIMethods(routes: APIRoutes.list(catalogue: catalogue))))
    router.add(middleware: AuthenticationMiddleware(catalogue: catalogue))
    AssetsController().addRoutes(to: router)
    APIController(catalogue: catalogue, open: settings.open).addRoutes(to: router)
    DeskController(catalogue: catalogue, settings: settings).addRoutes(to: router)
    PagesController(catalogue: catalogue, settings: settings, throttle: SignInThrottle(settings: settings))
        .addRoutes(to: router)
    return router
}

/// The API's routes as "METHOD /path" (`:name` for a parameter), as the router has them.
public enum APIRoutes {
    public static func list(catalogue: CatalogueDatabase) -> [String] {
        APIController(catalogue: catalogue, open: false).addRoutes(to: Router(context: LawcatContext.self))
    }
}
