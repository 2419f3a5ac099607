// The pages: signing in and out, CSRF, escaping, security headers, and
// failed sign-ins slowed.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawcatServer
import Testing

@Suite("LawcatServer pages") struct PageTests {
    /// Signs in through the form; returns the Cookie header and the page's CSRF token.
    static func signIn(_ client: some TestClientProtocol, name: String = "lena") async throws -> (cookie: HTTPFields, csrf: String) {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "name=\(name)&password=correct+horse+battery"))
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        let pair = try #require(setCookie.split(separator: ";").first)
        let cookie: HTTPFields = [.cookie: String(pair)]
        let home = try await client.execute(uri: "/", method: .get, headers: cookie)
        let marker = "<meta name=\"csrf-token\" content=\""
        let start = try #require(home.text.range(of: marker))
        let csrf = String(home.text[start.upperBound...].prefix { $0 != "\"" })
        return (cookie, csrf)
    }

    @Test("A signed-in browser reads by cookie, but a change by cookie alone is refused (403) until it sends the CSRF token")
    func csrf() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            #expect(csrf.count == 64)
            #expect(try await client.execute(uri: "/api/v1/copies/L000001", method: .get, headers: cookie).status == .ok)
            let cookieOnly = try await client.execute(uri: "/api/v1/copies/L000001/missing", method: .post, headers: cookie)
            #expect(cookieOnly.status == .forbidden)
            var wrong = cookie
            wrong[HTTPField.Name("X-CSRF-Token")!] = String(repeating: "0", count: 64)
            #expect(try await client.execute(uri: "/api/v1/copies/L000001/missing", method: .post, headers: wrong).status == .forbidden)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
            var right = cookie
            right[HTTPField.Name("X-CSRF-Token")!] = csrf
            #expect(try await client.execute(uri: "/api/v1/copies/L000001/missing", method: .post, headers: right).status == .ok)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .missing)
            // Signing out needs the token too, then the cookie is worth nothing.
            let forged = try await client.execute(
                uri: "/logout", method: .post, headers: cookie, body: ByteBuffer(string: "csrf=nope"))
            #expect(forged.status == .forbidden)
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: cookie, body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            #expect(try await client.execute(uri: "/api/v1/loans", method: .get, headers: cookie).status == .unauthorized)
        }
    }

    @Test("Behind an HTTPS proxy the session cookie is Secure")
    func secureCookieBehindHTTPS() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"],
                body: ByteBuffer(string: "name=lena&password=correct+horse+battery"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.setCookie]?.hasSuffix("; Secure") == true)
        }
    }

    @Test("A browser session is kept in the catalogue: a restarted server still knows the cookie")
    func sessionsSurviveARestart() async throws {
        let fixture = try ServerFixture()
        let signedIn = try await fixture.app().test(.router) { client in try await Self.signIn(client) }
        try await fixture.app().test(.router) { client in
            let page = try await client.execute(uri: "/loans", method: .get, headers: signedIn.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("Sign out lena"))
        }
    }

    @Test("Every value from the catalogue is escaped in the pages")
    func escaping() async throws {
        let fixture = try ServerFixture()
        let id = try fixture.catalogue.addBook(
            BookFields(title: "<script>alert('x')</script> & \"quotes\"", authors: ["O'Brien, <b>Tom</b>"]),
            copies: [NewCopy(barcode: "XSS<1>", location: "London/<i>Library</i>")])
        try await fixture.app(open: true).test(.router) { client in
            for uri in ["/books/\(id)", "/search?q=alert", "/copies/XSS%3C1%3E"] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.text.contains("<script>alert"), "\(uri)")
                #expect(!page.text.contains("<b>Tom") && !page.text.contains("<i>Library"), "\(uri)")
                #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), "\(uri)")
            }
            let query = try await client.execute(uri: "/search?q=%22%3E%3Cscript%3E", method: .get)
            #expect(!query.text.contains("\"><script>"))
        }
    }

    @Test("Pages, API answers, assets and refusals all carry the security headers")
    func securityHeaders() async throws {
        let fixture = try ServerFixture()
        try await fixture.app(open: true).test(.router) { client in
            for uri in ["/", "/search?q=chitty", "/books/3", "/copies/L000001", "/loans", "/missing", "/login", "/logout",
                        "/assets/lawcat.css", "/api/v1/search?q=x", "/nothing", "/api/v1/copies/NOSUCH1"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status.code < 500, "\(uri)")
                let csp = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(uri)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] != nil, "\(uri)")
            }
            let page = try await client.execute(uri: "/", method: .get)
            #expect(!page.text.contains("<script>") && !page.text.contains("style="), "no inline script or style")
        }
    }

    @Test("The pages answer where a copy is (for a missing one, where it was last known to be), with its trail, and list loans and missing copies")
    func pages() async throws {
        let fixture = try ServerFixture()
        try await fixture.app(open: true).test(.router) { client in
            let copy = try await client.execute(uri: "/copies/L000165", method: .get)
            #expect(copy.text.contains("Tobias Penhaligon") && copy.text.contains("Lewin on trusts"))
            #expect(copy.text.contains("Overdue by"))
            let search = try await client.execute(uri: "/search?q=chity+contracts", method: .get)
            #expect(search.text.contains("Chitty on contracts") && search.text.contains("showing results for"))
            #expect(try await client.execute(uri: "/loans?overdue=1", method: .get).text.contains("L000165"))
            #expect(try await client.execute(uri: "/missing", method: .get).text.contains("L000080"))
            // A missing copy is not "now at" anywhere: the page says where it was last known to be.
            let missing = try await client.execute(uri: "/copies/L000080", method: .get)
            #expect(missing.text.contains("<th>Last known at</th>") && !missing.text.contains("Now at"))
            let results = try await client.execute(uri: "/search?q=chitty&results=only", method: .get)
            #expect(results.text.hasPrefix("<div id=\"results\">"))
        }
    }

    @Test("A wrong password is refused (401) and each further failure for that name waits longer")
    func failedSignInsAreSlowed() async throws {
        let fixture = try ServerFixture()
        try await fixture.app(signInDelay: .milliseconds(100)).test(.router) { client in
            func attempt() async throws -> (HTTPResponse.Status, Duration) {
                let start = ContinuousClock.now
                let response = try await client.execute(
                    uri: "/login", method: .post, body: ByteBuffer(string: "name=lena&password=guess"))
                return (response.status, ContinuousClock.now - start)
            }
            let (first, _) = try await attempt()
            #expect(first == .unauthorized)
            _ = try await attempt()
            let (third, waited) = try await attempt()
            #expect(third == .unauthorized)
            #expect(waited >= .milliseconds(200))
        }
    }
}
