// The pages a browser sees: search, a book, a copy, loans, missing copies,
// and signing in and out. Reads only: changes go through the API.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

struct PagesController {
    let catalogue: CatalogueDatabase
    let settings: ServerSettings
    let throttle: SignInThrottle

    func addRoutes(to router: Router<LawcatContext>) {
        router.get("login") { _, context in
            Page.response(Page.layout(title: "Sign in", caller: context.caller, body: Page.login(message: nil)))
        }
        router.post("login") { request, context in try await signIn(request, context) }
        router.get("logout") { _, context in
            Page.response(Page.layout(title: "Sign out", caller: context.caller, body: Page.logout(caller: context.caller)))
        }
        router.post("logout") { request, context in try await signOut(request, context) }

        let pages = router.group().add(middleware: ReadAccessMiddleware(open: settings.open, pages: true))
        /// A page: rendered on the reading threads (Blocking.swift), where the catalogue is read.
        func page(_ route: RouterPath, _ render: @escaping @Sendable (Request, LawcatContext) throws -> HTML) {
            pages.get(route) { request, context in Page.response(try await Blocking.read { try render(request, context) }) }
        }
        page("/") { _, context in
            let counts = try catalogue.counts()
            return Page.layout(title: "Catalogue", caller: context.caller, body: Page.home(books: counts.books, copies: counts.copies))
        }
        page("search") { request, context in
            let query = try RequestInput.query(request)
            let q = query["q"] ?? ""
            let result = q.trimmingCharacters(in: .whitespaces).isEmpty ? SearchResult.empty : try catalogue.search(q, limit: 50)
            let results = Page.searchResults(query: q, result: result)
            // The script asks for the results alone as you type.
            if query["results"] == "only" { return results }
            return Page.layout(title: q.isEmpty ? "Search" : q, caller: context.caller, query: q, body: results)
        }
        page("books/:id") { _, context in
            let details = try catalogue.book(try RequestInput.parameter("id", context))
            return Page.layout(title: details.book.fields.title, caller: context.caller, body: Page.book(details))
        }
        page("copies/:barcode") { _, context in
            let barcode = try RequestInput.parameter("barcode", context)
            let copy = try catalogue.copyWhereabouts(barcode: barcode, trail: 0)
            let events = try catalogue.history(copy.barcode).events
            return Page.layout(title: copy.barcode, caller: context.caller, body: Page.copy(copy, events: events, canRecord: context.caller?.account.role == .librarian))
        }
        page("loans") { request, context in
            let overdue = ["1", "true", "yes"].contains(try RequestInput.query(request)["overdue"] ?? "")
            let loans = try catalogue.loans(overdue: overdue)
            let title = overdue ? "Overdue loans" : "Loans"
            return Page.layout(
                title: title, caller: context.caller,
                body: Page.copies(title: title, loans, empty: overdue ? "No loans are overdue." : "Nothing is on loan."))
        }
        page("missing") { _, context in
            let missing = try catalogue.report(.missing)
            return Page.layout(
                title: "Missing copies", caller: context.caller,
                body: Page.copies(title: "Missing copies", missing, empty: "No copy is missing."))
        }
    }

    private func signIn(_ request: Request, _ context: LawcatContext) async throws -> Response {
        let data = try await RequestInput.body(request)
        let form = try RequestInput.form(String(decoding: data, as: UTF8.self), what: "the form")
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        let keys = ["name " + name.lowercased()] + (context.remoteAddress.map { ["address " + $0] } ?? [])
        await throttle.wait(for: keys)
        guard let session = try await Blocking.write({ try catalogue.signIn(name: name, password: password) }) else {
            await throttle.failed(keys)
            return Page.response(
                Page.layout(title: "Sign in", caller: nil, body: Page.login(message: "That name and password do not match an account; try again.")),
                status: .unauthorized)
        }
        await throttle.succeeded(keys[0])
        let days = CatalogueDatabase.sessionDays * 86_400
        // Behind an HTTPS proxy (X-Forwarded-Proto: https) the cookie is never sent over plain HTTP.
        let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" ? "; Secure" : ""
        return Response(
            status: .seeOther,
            headers: [
                .location: "/",
                .setCookie: "\(sessionCookie)=\(session.secret); Path=/; Max-Age=\(days); HttpOnly; SameSite=Strict\(secure)",
            ])
    }

    private func signOut(_ request: Request, _ context: LawcatContext) async throws -> Response {
        let data = try await RequestInput.body(request)
        let form = try RequestInput.form(String(decoding: data, as: UTF8.self), what: "the form")
        if let caller = context.caller, let csrf = caller.csrf {
            guard sameSecret(form["csrf"], csrf) else {
                throw ServerFailure(status: .forbidden, message: "that sign-out did not come from this server's page; use the Sign out button")
            }
            if let secret = request.cookies[sessionCookie]?.value {
                try await Blocking.write { try catalogue.signOut(session: secret) }
            }
        }
        return Response(
            status: .seeOther,
            headers: [.location: "/login", .setCookie: "\(sessionCookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"])
    }
}

/// Slows repeated failed sign-ins, for a name and for the address they come
/// from: each failure in a row doubles the wait before the next answer. A
/// sign-in that succeeds clears its name's count, not its address's, so one
/// good password does not excuse guessing at other names.
actor SignInThrottle {
    private var failures: [String: Int] = [:]
    private let delay: Duration
    private let limit: Duration

    init(settings: ServerSettings) {
        delay = settings.signInDelay
        limit = settings.signInDelayLimit
    }

    func wait(for keys: [String]) async {
        let count = keys.map { failures[$0] ?? 0 }.max() ?? 0
        guard count > 0 else { return }
        var pause = delay
        for _ in 1..<min(count, 16) { pause = pause * 2 }
        try? await Task.sleep(for: min(pause, limit))
    }

    func failed(_ keys: [String]) {
        if failures.count > 10_000 { failures.removeAll() }
        for key in keys { failures[key, default: 0] += 1 }
    }

    func succeeded(_ key: String) { failures[key] = nil }
}
