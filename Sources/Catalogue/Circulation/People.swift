// People: borrowers and whoever sees a copy. Found or added by name, listed
// with their loans, imported from a CSV file of borrowers.
import GRDB

/// A person with how many copies they have now and have ever borrowed.
public struct PersonSummary: Hashable, Sendable, Codable, FetchableRecord {
    public var name: String
    @Nullable public var email: String?
    @Nullable public var staffID: String?
    public var onLoan: Int
    public var loans: Int

    enum CodingKeys: String, CodingKey { case name, email, staffID = "staff_id", onLoan = "on_loan", loans }
}

extension CatalogueDatabase {
    /// Everyone in the catalogue, by name, with their loans.
    public func people() throws -> [PersonSummary] {
        try read { db in
            try PersonSummary.fetchAll(
                db,
                sql: """
                    SELECT p.name, p.email, p.staff_id,
                           (SELECT count(*) FROM copy c WHERE c.borrower_id = p.id) AS on_loan,
                           (SELECT count(*) FROM loan l WHERE l.person_id = p.id) AS loans
                    FROM person p ORDER BY p.name
                    """)
        }
    }

    /// A person's name as lawcat stores it: white space runs made one space.
    static func personName(_ text: String) throws -> String {
        let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else {
            throw CatalogueError.invalidField(field: "person", value: text, reason: "give a name, e.g. 'Jane Smith'")
        }
        return name
    }
}

extension Database {
    /// The id of the person called `name`, adding them when new. Returns whether they were added.
    func personID(forName name: String) throws -> (id: Int64, added: Bool) {
        try findOrAdd(in: "person", column: "name", name)
    }

    /// Adds a person, or leaves one already known by that name as they are.
    /// Returns whether they were added.
    func addPerson(name: String, email: String?, staffID: String?) throws -> Bool {
        if try Int64.fetchOne(self, sql: "SELECT id FROM person WHERE name = ?", arguments: [name]) != nil {
            return false
        }
        do {
            try execute(
                sql: "INSERT INTO person(name, email, staff_id) VALUES (?, ?, ?)", arguments: [name, email, staffID])
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw CatalogueError.invalidField(
                field: "person", value: name, reason: "that email or staff id already belongs to someone else")
        }
        return true
    }
}
