// What a request carries from middleware to handler: who is asking, and how
// they proved it (a token, or a browser session with its CSRF token).
import Catalogue
import Hummingbird

/// Who made a request, as the authentication middleware found them.
public struct Caller: Sendable {
    public var account: Account
    /// The browser session's CSRF token when the caller came by cookie; nil for a bearer token.
    public var csrf: String?
}

/// The request context of every route: Hummingbird's core, plus the caller.
public struct LawcatContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var caller: Caller?
    /// The client's address without its port ("127.0.0.1"), when the connection has one.
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
