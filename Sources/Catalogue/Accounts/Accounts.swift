// Accounts for `lawcat serve`: who may read and who may change the catalogue
// through the server, their API tokens and their browser sessions.
//
// Passwords are kept as bcrypt hashes; tokens and session cookies are random
// secrets that the holder keeps, and the catalogue keeps only their SHA-256,
// so a copy of the file signs nobody in. All of it lives in the catalogue
// itself (schema v9), so the CLI that adds an account and the server that
// checks it share one file.
import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt

/// What an account may do: a reader searches and looks; a librarian also changes.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case reader, librarian

    public static func < (a: Role, b: Role) -> Bool { a == .reader && b == .librarian }
}

/// An account as listed: never its password or its tokens.
public struct Account: Hashable, Sendable, Codable, FetchableRecord {
    public var id: Int64
    public var name: String
    public var role: Role
    public var created: String
    /// How many API tokens it holds.
    public var tokens: Int

    enum CodingKeys: String, CodingKey { case id, name, role, created, tokens }
}

/// A browser session: who, and the token its pages send back with a change.
public struct AccountSession: Hashable, Sendable {
    public var account: Account
    /// The cookie's value (only when the session is made; afterwards only its hash is kept).
    public var secret: String
    public var csrf: String
}

extension CatalogueDatabase {
    /// bcrypt's work factor: 2^12 rounds, about a quarter of a second a check.
    public static let passwordCost: UInt8 = 12
    /// How long a browser session lasts without signing in again.
    public static let sessionDays = 14

    private static let accountSelection = """
        SELECT a.id, a.name, a.role, a.created,
               (SELECT count(*) FROM account_token t WHERE t.account_id = a.id) AS tokens
        FROM account a
        """

    // MARK: - Writes

    /// Adds an account. A name in use (in any case) is refused.
    @discardableResult
    public func addAccount(name: String, role: Role, password: String, cost: UInt8 = passwordCost) throws -> Account {
        let name = try Self.accountName(name)
        let hash = Bcrypt.hash(try Self.checkedPassword(password), cost: cost)
        let now = nowStamp
        return try write { db in
            if try account(db, name) != nil { throw CatalogueError.accountExists(name: name) }
            try db.execute(
                sql: "INSERT INTO account(name, role, password_hash, created) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, hash, now])
            return try requireAccount(db, name)
        }
    }

    /// Removes an account with its tokens and sessions.
    public func removeAccount(name: String) throws {
        try write { db in
            let account = try requireAccount(db, name)
            try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: [account.id])
        }
    }

    /// Sets a new password, and signs the account out of every browser.
    public func setPassword(name: String, password: String, cost: UInt8 = passwordCost) throws {
        let hash = Bcrypt.hash(try Self.checkedPassword(password), cost: cost)
        try write { db in
            let account = try requireAccount(db, name)
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "DELETE FROM account_session WHERE account_id = ?", arguments: [account.id])
        }
    }

    /// A new API token for the account: returned once, kept only as its hash.
    public func newToken(name: String) throws -> String {
        let secret = "lawcat_" + Self.randomSecret()
        let now = nowStamp
        try write { db in
            let account = try requireAccount(db, name)
            try db.execute(
                sql: "INSERT INTO account_token(account_id, secret_sha256, created) VALUES (?, ?, ?)",
                arguments: [account.id, Self.sha256(secret), now])
        }
        return secret
    }

    /// Revokes every API token of the account; returns how many there were.
    @discardableResult
    public func revokeTokens(name: String) throws -> Int {
        try write { db in
            let account = try requireAccount(db, name)
            try db.execute(sql: "DELETE FROM account_token WHERE account_id = ?", arguments: [account.id])
            return db.changesCount
        }
    }

    /// Checks a name and password, and starts a browser session when they
    /// match; nil when they do not (which of the two was wrong is not said).
    public func signIn(name: String, password: String) throws -> AccountSession? {
        let found = try read { db -> (Account, String)? in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT name, password_hash FROM account WHERE name = ?", arguments: [name.trimmed])
            else { return nil }
            return (try requireAccount(db, row["name"]), row["password_hash"])
        }
        guard let (account, hash) = found else {
            // The same work for an unknown name as for a wrong password: timing names no accounts.
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: hash) else { return nil }
        let secret = Self.randomSecret()
        let csrf = Self.randomSecret()
        let now = clock.now()
        let expires = Timestamp.string(from: now.addingTimeInterval(Double(Self.sessionDays) * 86_400))
        try write { db in
            try db.execute(sql: "DELETE FROM account_session WHERE expires < ?", arguments: [Timestamp.string(from: now)])
            try db.execute(
                sql: "INSERT INTO account_session(account_id, secret_sha256, csrf, created, expires) VALUES (?, ?, ?, ?, ?)",
                arguments: [account.id, Self.sha256(secret), csrf, Timestamp.string(from: now), expires])
        }
        return AccountSession(account: account, secret: secret, csrf: csrf)
    }

    /// Ends the browser session whose cookie is `secret`.
    public func signOut(session secret: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM account_session WHERE secret_sha256 = ?", arguments: [Self.sha256(secret)])
        }
    }

    // MARK: - Reads

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try read { db in try Account.fetchAll(db, sql: Self.accountSelection + " ORDER BY a.name") }
    }

    /// The account holding the API token `secret`, if any.
    public func account(forToken secret: String) throws -> Account? {
        try read { db in
            try Account.fetchOne(
                db.cachedStatement(sql: Self.accountSelection
                    + " JOIN account_token k ON k.account_id = a.id WHERE k.secret_sha256 = ?"),
                arguments: [Self.sha256(secret)])
        }
    }

    /// The unexpired browser session whose cookie is `secret` (its `secret` is the one given).
    public func session(_ secret: String) throws -> AccountSession? {
        let now = nowStamp
        return try read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT account_id, csrf FROM account_session WHERE secret_sha256 = ? AND expires >= ?"),
                arguments: [Self.sha256(secret), now])
            else { return nil }
            guard let account = try Account.fetchOne(
                db, sql: Self.accountSelection + " WHERE a.id = ?", arguments: [row["account_id"] as Int64])
            else { return nil }
            return AccountSession(account: account, secret: secret, csrf: row["csrf"])
        }
    }

    // MARK: - Helpers

    private func account(_ db: Database, _ name: String) throws -> Account? {
        try Account.fetchOne(db, sql: Self.accountSelection + " WHERE a.name = ?", arguments: [name.trimmed])
    }

    private func requireAccount(_ db: Database, _ name: String) throws -> Account {
        guard let found = try account(db, name) else { throw CatalogueError.accountNotFound(name: name.trimmed) }
        return found
    }

    static func accountName(_ text: String) throws -> String {
        let name = text.trimmed
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CatalogueError.invalidField(field: "account name", value: text, reason: "give a name such as 'jsmith'")
        }
        return name
    }

    /// bcrypt reads at most 72 bytes; a longer password would be cut without a word.
    static func checkedPassword(_ password: String) throws -> String {
        guard password.count >= 8 else {
            throw CatalogueError.invalidField(field: "password", value: "…", reason: "give at least 8 characters")
        }
        guard password.utf8.count <= 72 else {
            throw CatalogueError.invalidField(field: "password", value: "…", reason: "give at most 72 bytes")
        }
        return password
    }

    /// 32 random bytes as 64 hex digits.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A hash of no one's password, checked when the name is unknown.
    private static let decoyHash = Bcrypt.hash(randomSecret(), cost: passwordCost)
}
