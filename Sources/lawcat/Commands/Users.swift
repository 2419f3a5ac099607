// `lawcat users`: the accounts that sign in to `lawcat serve`, their
// passwords and their API tokens.
import ArgumentParser
import Catalogue
import Foundation

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Accounts for `lawcat serve`: readers search and look; librarians also change.",
        discussion: """
            A password is asked for twice at a terminal, or read as the first line of
            standard input when that is not a terminal (echo ... | lawcat users add ...).
            Passwords are kept as bcrypt hashes, tokens as SHA-256 hashes.
            """,
        subcommands: [Add.self, List.self, Remove.self, Password.self, Token.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")
        @OptionGroup var catalogue: CatalogueOptions
        @Argument(help: "The name to sign in with.")
        var name: String
        @Option(help: "reader (searches and looks) or librarian (also changes).")
        var role: Role

        func run() throws {
            let db = try catalogue.open(create: true)
            let account = try db.addAccount(name: name, role: role, password: try PasswordInput.read(for: name))
            Terminal.line("added \(account.name) as a \(account.role.rawValue)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let accounts = try catalogue.open(create: false).accounts()
            try output.print(accounts) {
                guard !accounts.isEmpty else {
                    Terminal.line("No accounts yet; add one with `lawcat users add NAME --role librarian`.")
                    return
                }
                var table = Table("NAME", "ROLE", "TOKENS", "ADDED")
                for a in accounts { table.add(a.name, a.role.rawValue, String(a.tokens), String(a.created.prefix(10))) }
                Terminal.out(table.render())
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account, its tokens and its sessions.")
        @OptionGroup var account: AccountOptions

        func run() throws {
            try account.open().removeAccount(name: account.name)
            Terminal.line("removed \(account.name)")
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an account a new password (it is signed out of every browser).")
        @OptionGroup var account: AccountOptions

        func run() throws {
            let db = try account.open()
            guard try db.accounts().contains(where: { $0.name.lowercased() == account.name.lowercased() }) else {
                throw CatalogueError.accountNotFound(name: account.name)
            }
            try db.setPassword(name: account.name, password: try PasswordInput.read(for: account.name))
            Terminal.line("changed the password of \(account.name)")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new API token for an account (Authorization: Bearer TOKEN), or --revoke its tokens.")
        @OptionGroup var account: AccountOptions
        @Flag(help: "Revoke every token of the account instead.")
        var revoke = false

        func run() throws {
            let db = try account.open()
            if revoke {
                let count = try db.revokeTokens(name: account.name)
                Terminal.line("revoked \(count) \(count == 1 ? "token" : "tokens") of \(account.name)")
            } else {
                Terminal.line(try db.newToken(name: account.name))
                Terminal.note("note: keep this token secret; it is shown only now\n")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// A password from the terminal (asked twice, not echoed), or the first line
/// of standard input when that is not a terminal.
enum PasswordInput {
    static func read(for name: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = prompt("Password for \(name): ")
            let second = prompt("The same again: ")
            guard first == second else {
                throw CatalogueError.invalidField(field: "password", value: "…", reason: "the two did not match; try again")
            }
            return first
        }
        var lines = StandardInputLines()
        guard case .line(let line) = lines.next() else {
            throw CatalogueError.invalidField(
                field: "password", value: "", reason: "give it on standard input, or run this at a terminal")
        }
        return line
    }

    private static func prompt(_ text: String) -> String {
        guard let answer = getpass(text) else { return "" }
        return String(cString: answer)
    }
}
