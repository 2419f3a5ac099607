// `lawcat users` through the binary, and the tokens it prints working on the server.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawcatServer
import Testing

@Suite("lawcat users") struct AccountTests {
    @Test("users add reads the password from stdin; list, token, --revoke, password and remove work on the server's file")
    func usersCommand() async throws {
        let fixture = try ServerFixture()
        #expect(try fixture.lawcat("users", "add", "Ada", "--role", "librarian", input: "a long password\n").stdout
            == "added Ada as a librarian\n")
        #expect(try fixture.lawcat("users", "add", "ada", "--role", "reader", input: "another password\n").status == 1)
        #expect(try fixture.lawcat("users", "add", "bob", "--role", "reader", input: "short\n").status == 64)
        let token = try fixture.lawcat("users", "token", "Ada").stdout.trimmingCharacters(in: .newlines)
        #expect(token.hasPrefix("lawcat_"))
        let list = try fixture.lawcat("users", "list", "--json").stdout
        #expect(list.contains(#""name" : "Ada""#) && list.contains(#""tokens" : 1"#) && !list.contains("password"))
        // The hash, never the password or the token, is in the file.
        let stored = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        #expect(stored.range(of: Data(token.utf8)) == nil)
        try await fixture.app().test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let before = try await client.execute(uri: "/api/v1/loans", method: .get, headers: headers)
            #expect(before.status == .ok)
            #expect(try fixture.lawcat("users", "token", "Ada", "--revoke").stdout == "revoked 1 token of Ada\n")
            #expect(try await client.execute(uri: "/api/v1/loans", method: .get, headers: headers).status == .unauthorized)
        }
        #expect(try fixture.lawcat("users", "password", "Ada", input: "a new long password\n").status == 0)
        #expect(try fixture.catalogue.signIn(name: "ada", password: "a new long password") != nil)
        #expect(try fixture.catalogue.signIn(name: "ada", password: "a long password") == nil)
        #expect(try fixture.lawcat("users", "remove", "Ada").status == 0)
        #expect(try fixture.lawcat("users", "remove", "Ada").status == 1)
    }
}
