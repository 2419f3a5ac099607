// People: borrowers and whoever sees a copy. Found by name as carefully as
// places (a name a letter away from a known one is a typo until the
// librarian says otherwise), added, edited, renamed and merged, listed with
// their loans, imported from a CSV file of borrowers.
import GRDB

/// A person with how many copies they have now and have ever borrowed.
public struct PersonSummary: Hashable, Sendable, Codable, FetchableRecord {
    public var name: String
    @Nullable public var email: String?
    @Nullable public var staffID: String?
    public var onLoan: Int
    public var loans: Int

    enum CodingKeys: String, CodingKey { case name, email, staffID = "staff_id", onLoan = "on_loan", loans }

    static let selection = """
        SELECT p.name, p.email, p.staff_id,
               (SELECT count(*) FROM copy c WHERE c.borrower_id = p.id) AS on_loan,
               (SELECT count(*) FROM loan l WHERE l.person_id = p.id) AS loans
        FROM person p
        """
}

/// What `people merge` did: the person who remains, and what moved to them.
public struct PeopleMerge: Hashable, Sendable {
    public var from: String
    public var into: PersonSummary
    /// Loans (open or closed) that were the merged person's.
    public var loansMoved: Int
}

/// How names are compared: a name typed with a curly apostrophe is the same
/// name as with a straight one; a name is close to another when it is a
/// letter or two away, has the same letters with other punctuation, or the
/// same surname.
enum PersonNames {
    /// Apostrophes as one letter: ’ ‘ ʼ ` ´ are all '.
    static func straight(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { apostrophes.contains($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
    }
    private static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]

    /// Two spellings of one name: the same but for case and apostrophes.
    static func same(_ a: String, _ b: String) -> Bool {
        straight(a).lowercased() == straight(b).lowercased()
    }

    /// The name's words, folded (the search's one fold), letters and digits only.
    static func words(_ name: String) -> [String] {
        Vocabulary.fold(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
            .map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
    }

    /// Known names close to `name`, closest first, at most three.
    static func close(to name: String, among known: [String]) -> [String] {
        let typed = words(name)
        let letters = typed.joined()
        let spaced = Vocabulary.fold(straight(name))
        let digits = name.filter(\.isNumber)
        let scored = known.compactMap { candidate -> (String, Int)? in
            // Reader 1 and Reader 2 are two readers: names that differ in their numbers are not close.
            guard candidate.filter(\.isNumber) == digits else { return nil }
            let other = words(candidate)
            if other.joined() == letters { return (candidate, 0) }
            let distance = EditDistance.between(Vocabulary.fold(straight(candidate)), spaced, limit: 2)
            if distance <= 2 { return (candidate, distance) }
            if let surname = typed.last, surname.count >= 2, other.last == surname { return (candidate, 3) }
            return nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}

extension CatalogueDatabase {
    /// Everyone in the catalogue, by name, with their loans (merged people
    /// are counted with whoever they were merged into).
    public func people() throws -> [PersonSummary] {
        try read { db in
            try PersonSummary.fetchAll(db, sql: PersonSummary.selection + " WHERE p.merged_into_id IS NULL ORDER BY p.name")
        }
    }

    /// One person, found by name.
    public func person(_ name: String) throws -> PersonSummary {
        let name = try Self.personName(name)
        return try read { db in try db.summary(ofPerson: db.knownPersonID(name)) }
    }

    /// Refuses `name` as a new borrower when it is close to a known person's
    /// (what `checkout` would refuse), before a pile of scans lends to it.
    public func checkBorrower(_ name: String, newPerson: Bool) throws {
        let name = try Self.personName(name)
        guard !newPerson else { return }
        try read { db in
            guard try db.existingPersonID(name) == nil else { return }
            let close = try db.closePersonNames(to: name)
            if !close.isEmpty { throw CatalogueError.unknownPerson(name: name, closeNames: close) }
        }
    }

    /// Adds a person; a name already in the catalogue is refused.
    public func addPerson(name: String, email: String? = nil, staffID: String? = nil) throws -> PersonSummary {
        let name = try Self.personName(name)
        let email = try email.map(Self.email), staffID = staffID?.trimmed.nonEmpty
        return try write { db in
            if let known = try db.existingPersonID(name) {
                throw CatalogueError.personExists(name: try db.personName(known))
            }
            try db.storePerson(name: name, email: email, staffID: staffID)
            return try db.summary(ofPerson: db.lastInsertedRowID)
        }
    }

    /// Changes a person's e-mail, staff id or name; nil leaves it as it is,
    /// and an empty e-mail or staff id removes it.
    public func editPerson(_ name: String, email: String? = nil, staffID: String? = nil, newName: String? = nil) throws
        -> PersonSummary
    {
        guard email != nil || staffID != nil || newName != nil else {
            throw CatalogueError.invalidField(field: "change", value: name, reason: "give --email, --staff-id or --name")
        }
        let name = try Self.personName(name)
        let newName = try newName.map(Self.personName)
        let email = try email.map { $0.trimmed.isEmpty ? "" : try Self.email($0) }
        return try write { db in
            let id = try db.knownPersonID(name)
            if let newName {
                if let other = try db.existingPersonID(newName), other != id {
                    throw CatalogueError.personExists(name: try db.personName(other), merge: name)
                }
                do {
                    try db.execute(sql: "UPDATE person SET name = ? WHERE id = ?", arguments: [newName, id])
                } catch let error as DatabaseError where error.isUniqueViolation {
                    // Only a person merged into this one can still hold the name: their events keep it.
                    throw CatalogueError.invalidField(
                        field: "name", value: newName,
                        reason: "it is the name of someone merged into \(name), which their history keeps; give another")
                }
            }
            do {
                if let email {
                    try db.execute(sql: "UPDATE person SET email = ? WHERE id = ?", arguments: [email.nonEmpty, id])
                }
                if let staffID {
                    try db.execute(sql: "UPDATE person SET staff_id = ? WHERE id = ?", arguments: [staffID.trimmed.nonEmpty, id])
                }
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw CatalogueError.invalidField(
                    field: email != nil ? "email" : "staff id", value: email ?? staffID ?? "",
                    reason: "it already belongs to someone else (see `lawcat people`)")
            }
            return try db.summary(ofPerson: id)
        }
    }

    /// Merges person `from` into `into`: their loans, the copies they have
    /// and the e-mail and staff id `into` lacks move to `into`, and `from`
    /// leaves the list of people. The events recorded under `from` keep
    /// that name. The merge is recorded (`merge_record`).
    public func mergePeople(_ from: String, into: String) throws -> PeopleMerge {
        let fromName = try Self.personName(from), intoName = try Self.personName(into)
        let now = nowStamp
        return try write { db in
            let fromID = try db.knownPersonID(fromName), intoID = try db.knownPersonID(intoName)
            guard fromID != intoID else {
                throw CatalogueError.invalidField(field: "merge", value: fromName, reason: "that is one person already")
            }
            let source = try Row.fetchOne(db, sql: "SELECT name, email, staff_id FROM person WHERE id = ?", arguments: [fromID])!
            let target = try Row.fetchOne(db, sql: "SELECT name, email, staff_id FROM person WHERE id = ?", arguments: [intoID])!
            let loans = try Int.fetchOne(db, sql: "SELECT count(*) FROM loan WHERE person_id = ?", arguments: [fromID]) ?? 0
            for column in ["email", "staff_id"] where (target[column] as String?) == nil {
                guard let value: String = source[column] else { continue }
                try db.execute(sql: "UPDATE person SET \(column) = NULL WHERE id = ?", arguments: [fromID])
                try db.execute(sql: "UPDATE person SET \(column) = ? WHERE id = ?", arguments: [value, intoID])
            }
            try db.recordMerge(
                kind: "person", at: now, from: fromID, fromName: source["name"], into: intoID, intoName: target["name"])
            return PeopleMerge(from: source["name"], into: try db.summary(ofPerson: intoID), loansMoved: loans)
        }
    }

    /// A person's name as lawcat stores it: white space runs made one space,
    /// apostrophes straight.
    static func personName(_ text: String) throws -> String {
        let name = PersonNames.straight(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !name.isEmpty else {
            throw CatalogueError.invalidField(field: "person", value: text, reason: "give a name, e.g. 'Jane Smith'")
        }
        return name
    }

    /// An e-mail address as given, refused when it cannot be one.
    static func email(_ text: String) throws -> String {
        let email = text.trimmed
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
            throw CatalogueError.invalidField(field: "email", value: text, reason: "write an address such as jane.smith@example.com")
        }
        return email
    }
}

extension Database {
    /// The person called `name` (any case, either apostrophe; a merged
    /// person's name finds whoever they were merged into), else nil.
    func existingPersonID(_ name: String) throws -> Int64? {
        if let id = try Int64.fetchOne(
            cachedStatement(sql: "SELECT coalesce(merged_into_id, id) FROM person WHERE name = ?"), arguments: [name])
        {
            return id
        }
        let all = try Row.fetchAll(cachedStatement(sql: "SELECT id, name, merged_into_id FROM person"))
        guard let row = all.first(where: { PersonNames.same($0["name"], name) }) else { return nil }
        return row["merged_into_id"] ?? row["id"]
    }

    /// The person called `name`, who must be known: an unknown name is refused
    /// with the known names close to it.
    func knownPersonID(_ name: String) throws -> Int64 {
        if let id = try existingPersonID(name) { return id }
        throw CatalogueError.personNotFound(name: name, closeNames: try closePersonNames(to: name))
    }

    /// Known (unmerged) people's names close to `name`.
    func closePersonNames(to name: String) throws -> [String] {
        PersonNames.close(
            to: name, among: try String.fetchAll(cachedStatement(sql: "SELECT name FROM person WHERE merged_into_id IS NULL")))
    }

    /// The id of the person called `name`, adding them when new. A new name
    /// close to a known one is refused, naming it, unless `new` says it is
    /// a new person. Returns whether they were added.
    func personID(forName name: String, new: Bool = false) throws -> (id: Int64, added: Bool) {
        if let id = try existingPersonID(name) { return (id, false) }
        if !new {
            let close = try closePersonNames(to: name)
            if !close.isEmpty { throw CatalogueError.unknownPerson(name: name, closeNames: close) }
        }
        try storePerson(name: name, email: nil, staffID: nil)
        return (lastInsertedRowID, true)
    }

    func personName(_ id: Int64) throws -> String {
        try String.fetchOne(cachedStatement(sql: "SELECT name FROM person WHERE id = ?"), arguments: [id]) ?? ""
    }

    func summary(ofPerson id: Int64) throws -> PersonSummary {
        guard let summary = try PersonSummary.fetchOne(self, sql: PersonSummary.selection + " WHERE p.id = ?", arguments: [id])
        else { throw CatalogueError.unexpected("a person vanished") }
        return summary
    }

    func storePerson(name: String, email: String?, staffID: String?) throws {
        do {
            try execute(
                sql: "INSERT INTO person(name, email, staff_id) VALUES (?, ?, ?)", arguments: [name, email, staffID])
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw CatalogueError.invalidField(
                field: "person", value: name, reason: "that email or staff id already belongs to someone else")
        }
    }

    /// Adds a person, or brings the e-mail and staff id of one already known
    /// by that name up to date (a value left out leaves theirs as it is).
    func importPerson(name: String, email: String?, staffID: String?) throws -> ImportedPerson {
        guard let id = try existingPersonID(name) else {
            try storePerson(name: name, email: email, staffID: staffID)
            return .added
        }
        let row = try Row.fetchOne(self, sql: "SELECT email, staff_id FROM person WHERE id = ?", arguments: [id])
        let changes = [("email", email, row?["email"] as String?), ("staff_id", staffID, row?["staff_id"] as String?)]
            .filter { $0.1 != nil && $0.1?.lowercased() != $0.2?.lowercased() }
        guard !changes.isEmpty else { return .unchanged }
        do {
            for (column, value, _) in changes {
                try execute(sql: "UPDATE person SET \(column) = ? WHERE id = ?", arguments: [value, id])
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw CatalogueError.invalidField(
                field: "person", value: name, reason: "that email or staff id already belongs to someone else")
        }
        return .updated
    }

    /// Records a merge; the triggers on `merge_record` make it.
    func recordMerge(kind: String, at: String, from: Int64, fromName: String, into: Int64, intoName: String) throws {
        do {
            try execute(
                sql: "INSERT INTO merge_record(kind, at, from_id, from_name, into_id, into_name) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [kind, at, from, fromName, into, intoName])
        } catch let error as DatabaseError where error.message == "lawcat:cannot-merge" {
            throw CatalogueError.invalidField(field: "merge", value: fromName, reason: "one of the two has been merged already")
        }
    }
}

enum ImportedPerson { case added, updated, unchanged }
