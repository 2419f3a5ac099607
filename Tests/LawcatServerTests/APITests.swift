// The JSON API: who may read and change, answers equal to the CLI's JSON,
// the CLI's refusals, and the CLI and the server on one file.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawcatServer
import Testing

@Suite("LawcatServer API") struct APITests {
    @Test("Without --open, reading needs a token; with it, anyone may read but not change")
    func readsNeedSignInUnlessOpen() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            // Given a closed server, when nobody signs in, then reads are 401 with a Bearer challenge.
            let response = try await client.execute(uri: "/api/v1/search?q=chitty", method: .get)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(response.errorMessage?.contains("lawcat users token") == true)
            // Pages send the browser to the sign-in page.
            let page = try await client.execute(uri: "/search?q=chitty", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
        }
        try await fixture.app(open: true).test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/search?q=chitty", method: .get).status == .ok)
            let change = try await client.execute(uri: "/api/v1/copies/L000001/missing", method: .post)
            #expect(change.status == .unauthorized)
        }
    }

    @Test("A reader's token reads and is refused changes (403); a librarian's changes; revoked tokens are 401")
    func rolesAndTokens() async throws {
        let fixture = try ServerFixture()
        let reader = try fixture.bearer("rita")
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/copies/L000001", method: .get, headers: reader).status == .ok)
            let refused = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: reader,
                body: .json(#"{"borrower": "Jane Smith", "newPerson": true}"#))
            #expect(refused.status == .forbidden)
            #expect(refused.errorMessage == "rita is a reader; only a librarian can change the catalogue")
            let lent = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Jane Smith", "days": 14, "newPerson": true}"#))
            #expect(lent.status == .ok)
            #expect(lent.text.contains(#""status" : "on-loan""#))
            #expect(lent.text.contains(#""due" : "2026-12-10""#))
            try fixture.catalogue.revokeTokens(name: "lena")
            let revoked = try await client.execute(uri: "/api/v1/copies/L000001/checkin", method: .post, headers: librarian)
            #expect(revoked.status == .unauthorized)
            let bogus = try await client.execute(
                uri: "/api/v1/loans", method: .get, headers: [.authorization: "Bearer lawcat_0000"])
            #expect(bogus.status == .unauthorized)
        }
    }

    @Test("The API's JSON is byte for byte the CLI's --json")
    func answersEqualTheCLI() async throws {
        let fixture = try ServerFixture()
        let reader = try fixture.bearer("rita")
        try await fixture.app().test(.router) { client in
            let pairs: [(String, [String])] = [
                ("/api/v1/search?q=chitty+contracts&limit=5", ["search", "--json", "--limit", "5", "chitty", "contracts"]),
                ("/api/v1/books/3", ["show", "--json", "3"]),
                ("/api/v1/loans", ["loans", "--json"]),
                ("/api/v1/loans?overdue=true", ["loans", "--json", "--overdue"]),
                ("/api/v1/reports/missing", ["report", "missing", "--json"]),
                ("/api/v1/reports/not-seen?days=30", ["report", "not-seen", "--days", "30", "--json"]),
                ("/api/v1/copies/L000080/history", ["history", "L000080", "--json"]),
                ("/api/v1/log?limit=5", ["log", "--json", "--limit", "5"]),
                ("/api/v1/log?since=2026-11-01&kind=checked-out", ["log", "--json", "--since", "2026-11-01", "--kind", "checked-out"]),
            ]
            for (uri, arguments) in pairs {
                let response = try await client.execute(uri: uri, method: .get, headers: reader)
                let cli = try fixture.lawcat(arguments)
                #expect(response.status == .ok, "\(uri)")
                #expect(cli.status == 0, "\(arguments)")
                #expect(response.text == cli.stdout, "\(uri) against lawcat \(arguments.joined(separator: " "))")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            // A copy is its entry in `where --json`.
            let copy = try await client.execute(uri: "/api/v1/copies/l000080", method: .get, headers: reader)
            let whereJSON = try fixture.lawcat("where", "L000080", "--json").stdout
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(whereJSON.utf8)) as? [NSDictionary])
            let served = try #require(try JSONSerialization.jsonObject(with: Data(copy.text.utf8)) as? NSDictionary)
            #expect(entries.first == served)
            #expect(copy.text == (try CatalogueJSON.string(try fixture.catalogue.whereabouts("L000080").copies[0])))
        }
    }

    @Test("Changes refuse as the CLI does: 409 for the copy's state, 422 for an unknown borrower, 404 for an unknown barcode")
    func refusals() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            let unknown = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Nobody Yet"}"#))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorMessage?.contains("newPerson") == true)
            let close = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Tobias Penhaligan"}"#))
            #expect(close.errorMessage == #"nobody called 'Tobias Penhaligan' is in the catalogue; did you mean Tobias Penhaligon? send "newPerson": true to add them"#)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
            let onLoan = try await client.execute(
                uri: "/api/v1/copies/L000165/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Tobias Penhaligon"}"#))
            #expect(onLoan.status == .conflict)
            let cliRefusal = try CatalogueDatabase(path: fixture.path, create: false, clock: ServerFixture.clock)
            #expect(throws: CatalogueError.self) { try cliRefusal.checkout(barcode: "L000165", to: "Tobias Penhaligon") }
            let noSuch = try await client.execute(uri: "/api/v1/copies/NOSUCH1/checkin", method: .post, headers: librarian)
            #expect(noSuch.status == .notFound)
            #expect(noSuch.errorMessage == CatalogueError.copyNotFound(barcode: "NOSUCH1").message)
            let past = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Tobias Penhaligon", "due": "2020-01-01"}"#))
            #expect(past.status == .unprocessableContent)
            #expect(past.errorMessage?.contains("before today") == true)
            // A due date that cannot be is refused with its real problem, and a loan's days as the command line counts them.
            for (body, problem) in [
                (#"{"borrower": "Tobias Penhaligon", "due": "2027-02-30"}"#, "no such day (February 2027 has 28 days)"),
                (#"{"borrower": "Tobias Penhaligon", "days": 0}"#, "invalid days '0': must be 1 or more"),
                (#"{"borrower": "Tobias Penhaligon", "days": 99999999}"#, "invalid days '99999999': must be at most 3650"),
            ] {
                let refused = try await client.execute(
                    uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian, body: .json(body))
                #expect(refused.status == .unprocessableContent)
                #expect(refused.errorMessage?.contains(problem) == true, "\(body): \(refused.errorMessage ?? "")")
            }
        }
    }

    @Test("Given a location the catalogue does not have, when a change names it through the API, then it is refused (422) with the close names and nothing changes; with newLocation it is added")
    func unknownLocations() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        let typo = "London/Libary/Bay 1"
        let before = try fixture.catalogue.copyWhereabouts(barcode: "L000002")
        try await fixture.app().test(.router) { client in
            for (verb, body) in [
                ("checkout", #"{"borrower": "Tobias Penhaligon", "at": "\#(typo)"}"#), ("checkin", #"{"at": "\#(typo)"}"#),
                ("move", #"{"location": "\#(typo)"}"#), ("seen", #"{"location": "\#(typo)"}"#), ("found", #"{"at": "\#(typo)"}"#),
            ] {
                let refused = try await client.execute(
                    uri: "/api/v1/copies/L000002/\(verb)", method: .post, headers: librarian, body: .json(body))
                #expect(refused.status == .unprocessableContent, "\(verb)")
                #expect(
                    refused.errorMessage
                        == #"no location is called London/Libary/Bay 1; did you mean London/Library/Bay 1, London/Library/Bay 10 or London/Library/Bay 11? send "newLocation": true to add it"#,
                    "\(verb)")
            }
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000002") == before)
            #expect(try !fixture.catalogue.locationCounts().contains { $0.location == typo })
            // A place with locations under it is known; a new one is added when the change says so.
            let added = try await client.execute(
                uri: "/api/v1/copies/L000002/seen", method: .post, headers: librarian,
                body: .json(#"{"location": "Leeds/Library", "newLocation": true}"#))
            #expect(added.status == .ok)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000002").location == "Leeds/Library")
        }
    }

    @Test("Bad requests are 4xx JSON: bad JSON, a huge body, odd bytes, unknown routes, traversal")
    func badRequests() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, ByteBuffer?, HTTPResponse.Status)] = [
                ("/api/v1/copies/L000001/checkout", .post, .json("{borrower: "), .badRequest),
                ("/api/v1/copies/L000001/checkout", .post, .json("[1, 2]"), .badRequest),
                ("/api/v1/copies/L000001/checkout", .post, .json(#"{"borrower": 42}"#), .badRequest),
                ("/api/v1/copies/L000001/checkout", .post,
                 .json(#"{"borrower": ""# + String(repeating: "x", count: 100_000) + #""}"#), .contentTooLarge),
                ("/api/v1/search?q=%FF%FE", .get, nil, .badRequest),
                ("/api/v1/search?q=a%00b", .get, nil, .badRequest),
                ("/api/v1/search?q=chitty&limit=lots", .get, nil, .badRequest),
                ("/api/v1/copies/%00", .get, nil, .badRequest),
                ("/api/v1/copies/NOSUCH1", .get, nil, .notFound),
                ("/api/v1/reports/everything", .get, nil, .notFound),
                ("/api/v1/nothing-here", .get, nil, .notFound),
                ("/api/v1/../../etc/passwd", .get, nil, .notFound),
                ("/api/v1/%2e%2e/%2e%2e/Package.swift", .get, nil, .notFound),
            ]
            for (uri, method, body, status) in cases {
                let response = try await client.execute(uri: uri, method: method, headers: librarian, body: body)
                #expect(response.status == status, "\(uri)")
                #expect(response.errorMessage != nil, "\(uri): \(response.text.prefix(200))")
                #expect(!response.text.contains("SQL"), "\(uri)")
            }
            for uri in ["/assets/../Package.swift", "/assets/..%2F..%2FPackage.swift", "/assets/%2e%2e%2fschema.sql", "/../../etc/passwd"] {
                let response = try await client.execute(uri: uri, method: .get, headers: librarian)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("swift-tools-version") && !response.text.contains("root:"))
            }
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
        }
    }

    @Test("A route asked with a method it does not take is 405 JSON naming the methods it takes (Allow); a path no route has is 404")
    func wrongMethod() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            let search = try await client.execute(
                uri: "/api/v1/search?q=chitty", method: .post, headers: librarian, body: .json("{}"))
            #expect(search.status == .methodNotAllowed)
            #expect(search.headers[.allow] == "GET")
            #expect(search.errorMessage == "this route takes GET, not POST; see /api/v1/openapi.json")
            let checkout = try await client.execute(uri: "/api/v1/copies/L000001/checkout", method: .get, headers: librarian)
            #expect(checkout.status == .methodNotAllowed)
            #expect(checkout.headers[.allow] == "POST")
            let copy = try await client.execute(uri: "/api/v1/copies/L000001", method: .delete, headers: librarian)
            #expect(copy.status == .methodNotAllowed)
            #expect(copy.headers[.allow] == "GET")
            let nothing = try await client.execute(uri: "/api/v1/nothing-here", method: .post, headers: librarian)
            #expect(nothing.status == .notFound)
            #expect(nothing.headers[.allow] == nil)
        }
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
    }

    @Test("The CLI and the server change one file, each seeing the other's changes")
    func cliAndServerShareOneFile() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            let lent = try await client.execute(
                uri: "/api/v1/copies/L000001/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Tobias Penhaligon", "days": 7}"#))
            #expect(lent.status == .ok)
            let cli = try fixture.lawcat("where", "L000001", "--json")
            #expect(cli.stdout.contains(#""borrower" : "Tobias Penhaligon""#))
            #expect(try fixture.lawcat("checkin", "L000001").status == 0)
            let after = try await client.execute(uri: "/api/v1/copies/L000001", method: .get, headers: librarian)
            #expect(after.text.contains(#""status" : "on-shelf""#))
            let undone = try await client.execute(uri: "/api/v1/copies/L000001/undo", method: .post, headers: librarian)
            #expect(undone.status == .ok)
            #expect(undone.text.contains(#""status" : "on-loan""#))
        }
    }

    @Test("The OpenAPI description names every API route, and only those")
    func openAPIMatchesTheRoutes() async throws {
        let fixture = try ServerFixture()
        let routes = APIRoutes.list(catalogue: fixture.catalogue)
        try await fixture.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described: Set<String> = []
            for (path, operations) in paths {
                let routePath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
                for method in operations.keys { described.insert("\(method.uppercased()) \(routePath)") }
            }
            #expect(described == Set(routes))
        }
    }
}
