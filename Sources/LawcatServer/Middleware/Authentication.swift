// Who is asking: an API token (`Authorization: Bearer TOKEN`) or a browser
// session cookie. What they may do is decided by the access middleware on
// each group of routes, never inside a handler.
import Catalogue
import HTTPTypes
import Hummingbird

/// The session cookie's name.
let sessionCookie = "lawcat_session"
/// The header a browser's change carries its CSRF token in (forms use the field `csrf`).
let csrfHeader = HTTPField.Name("X-CSRF-Token")!

struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = LawcatContext
    let catalogue: CatalogueDatabase

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            let token = parts.count == 2 && parts[0].lowercased() == "bearer"
                ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            guard !token.isEmpty, let account = try await Blocking.read({ try catalogue.account(forToken: token) }) else {
                throw ServerFailure(
                    status: .unauthorized,
                    message: "that token is not valid (revoked, or mistyped); get a new one with `lawcat users token NAME`",
                    headers: [.wwwAuthenticate: "Bearer"])
            }
            context.caller = Caller(account: account, csrf: nil)
            RequestNote.current?.account = account.name
        } else if let secret = request.cookies[sessionCookie]?.value, !secret.isEmpty,
            let session = try await Blocking.read({ try catalogue.session(secret) })
        {
            context.caller = Caller(account: session.account, csrf: session.csrf)
            RequestNote.current?.account = session.account.name
        }
        do {
            return try await next(request, context)
        } catch {
            throw CallerFailure(error: error, caller: context.caller)
        }
    }
}

/// A failure on its way out past this middleware, with who was asking: the
/// failure page is made outside it (FailureMiddleware), where the context has
/// no caller, and without this a signed-in librarian's 403 or 409 page offered
/// "Sign in".
struct CallerFailure: Error {
    let error: any Error
    let caller: Caller?
}

/// Reading: a reader or a librarian, or anyone when the server is open.
struct ReadAccessMiddleware: RouterMiddleware {
    typealias Context = LawcatContext
    let open: Bool
    /// Pages send a browser to the sign-in page; the API answers 401.
    let pages: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if open || context.caller != nil { return try await next(request, context) }
        if pages {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        throw ServerFailure(
            status: .unauthorized,
            message: "sign in first: send Authorization: Bearer TOKEN (`lawcat users token NAME` makes one)",
            headers: [.wwwAuthenticate: "Bearer"])
    }
}

/// Changing: a librarian; by cookie only with the session's CSRF token in `X-CSRF-Token`.
struct ChangeAccessMiddleware: RouterMiddleware {
    typealias Context = LawcatContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let caller = context.caller else {
            throw ServerFailure(
                status: .unauthorized,
                message: "sign in as a librarian first: send Authorization: Bearer TOKEN (`lawcat users token NAME` makes one)",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        guard caller.account.role == .librarian else {
            throw ServerFailure(
                status: .forbidden, message: "\(caller.account.name) is a reader; only a librarian can change the catalogue")
        }
        if let csrf = caller.csrf, !sameSecret(request.headers[csrfHeader], csrf) {
            throw ServerFailure(
                status: .forbidden,
                message: "a change from a browser needs its page's CSRF token in the X-CSRF-Token header; reload the page and try again")
        }
        return try await next(request, context)
    }
}

/// Compares a secret sent with the one kept, in time that does not depend on where they differ.
func sameSecret(_ sent: String?, _ kept: String) -> Bool {
    guard let sent else { return false }
    let a = Array(sent.utf8), b = Array(kept.utf8)
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}
