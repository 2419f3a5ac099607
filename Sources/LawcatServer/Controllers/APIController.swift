// The JSON API under /api/v1: reads as the CLI's `--json` prints them (the
// one encoder, CatalogueJSON), changes as the CLI's commands make them, with
// the same refusals. Each handler decodes, calls the library, encodes.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

struct APIController {
    let catalogue: CatalogueDatabase
    let open: Bool

    /// What a change may carry; each route reads the fields it documents.
    struct Change: Decodable, Sendable {
        var borrower: String?
        var due: String?
        var days: Int?
        var at: String?
        var location: String?
        var by: String?
        var note: String?
        var newPerson: Bool?
        var newLocation: Bool?

        func dueDate() throws -> DueDate {
            switch (due, days) {
            case (.some, .some): throw ServerFailure.unprocessable("give due or days, not both")
            case (.some(let due), nil): return .date(due)
            case (nil, .some(let days)): return .days(days)
            case (nil, nil): return .none
            }
        }
    }

    /// Refuses a location the catalogue does not have (nor any under it) unless the change says
    /// `"newLocation": true`, as a borrower needs `"newPerson": true`: over the network a typo
    /// in a place must not quietly become a location with the copy recorded there.
    private func requireKnown(_ location: String?, _ change: Change) throws {
        guard let location, change.newLocation != true else { return }
        do {
            try catalogue.requireKnownLocation(location)
        } catch CatalogueError.locationNotFound(let path, let close) {
            let guess = close.isEmpty ? "check its spelling, or " : "did you mean \(CatalogueError.either(close))? "
            throw ServerFailure.unprocessable("no location is called \(path); \(guess)send \"newLocation\": true to add it")
        }
    }

    /// Adds the routes; returns them as "METHOD /path" (the OpenAPI test compares them with the description).
    @discardableResult
    func addRoutes(to router: Router<LawcatContext>, prefix: String = "/api/v1") -> [String] {
        var routes: [String] = []
        func path(_ group: String) -> RouterPath { RouterPath(stringLiteral: prefix + group) }
        let description = router.group(path(""))
        description.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
        }
        routes.append("GET \(prefix)/openapi.json")

        let reads = router.group(path("")).add(middleware: ReadAccessMiddleware(open: open, pages: false))
        /// A read: the handler runs on the reading threads (Blocking.swift), and its answer is encoded there too.
        func read<T: Encodable>(_ route: String, _ handler: @escaping @Sendable (Request, LawcatContext) throws -> T) {
            reads.get(RouterPath(stringLiteral: route)) { request, context in
                JSONAnswer.ok(data: try await Blocking.read { try CatalogueJSON.data(try handler(request, context)) })
            }
            routes.append("GET \(prefix)/\(route)")
        }
        read("search") { request, _ in
            let query = try RequestInput.query(request)
            let limit = try RequestInput.number("limit", in: query, range: 1...1000) ?? 20
            return try catalogue.search(query["q"] ?? "", limit: limit).books
        }
        read("books/:id") { _, context in
            try catalogue.book(try RequestInput.parameter("id", context))
        }
        read("copies/:barcode") { _, context in
            try catalogue.copyWhereabouts(barcode: try RequestInput.parameter("barcode", context))
        }
        read("copies/:barcode/history") { _, context in
            try catalogue.history(try RequestInput.parameter("barcode", context)).events
        }
        read("loans") { request, _ in
            let query = try RequestInput.query(request)
            let overdue = ["1", "true", "yes"].contains(query["overdue"]?.lowercased() ?? "")
            return try catalogue.loans(person: query["person"], overdue: overdue)
        }
        read("reports/:kind") { request, context in
            let name = try RequestInput.parameter("kind", context)
            guard let kind = ReportKind(rawValue: name) else {
                throw ServerFailure(status: .notFound, message: "no report is called '\(name.prefix(40))'; ask for missing, overdue or not-seen")
            }
            let query = try RequestInput.query(request)
            let days = try RequestInput.number("days", in: query, range: 0...100_000)
            return try catalogue.report(kind, days: days, at: query["at"])
        }
        read("log") { request, _ in
            let query = try RequestInput.query(request)
            if query["on"] != nil && (query["since"] != nil || query["until"] != nil) {
                throw ServerFailure.badRequest("give on, or since and until, not both")
            }
            var filter = LogFilter()
            try filter.setDays(
                on: query["on"], since: query["since"], until: query["until"], today: catalogue.clock.today, prefix: "")
            var kind: EventKind?
            if let name = query["kind"] {
                guard let known = EventKind(rawValue: name) else {
                    throw ServerFailure.badRequest(
                        "no event kind is called '\(name.prefix(40))'; give one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kind = known
            }
            filter.person = query["by"]
            filter.location = query["at"]
            filter.kind = kind
            filter.limit = try RequestInput.number("limit", in: query, range: 1...100_000)
            return try catalogue.log(filter)
        }

        let changes = router.group(path("")).add(middleware: ChangeAccessMiddleware())
        func change(_ verb: String, _ body: @escaping @Sendable (String, Change) throws -> Void) {
            changes.post(RouterPath(stringLiteral: "copies/:barcode/\(verb)")) { request, context in
                let barcode = try RequestInput.parameter("barcode", context)
                let change = try await RequestInput.json(request, as: Change.self)
                return JSONAnswer.ok(data: try await Blocking.write {
                    try body(barcode, change)
                    return try CatalogueJSON.data(try catalogue.copyWhereabouts(barcode: barcode))
                })
            }
            routes.append("POST \(prefix)/copies/:barcode/\(verb)")
        }
        change("checkout") { barcode, change in
            guard let borrower = change.borrower, !borrower.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ServerFailure.unprocessable("give the borrower, e.g. {\"borrower\": \"Jane Smith\"}")
            }
            let due = try change.dueDate()
            try requireKnown(change.at, change)
            if change.newPerson != true {
                do {
                    try catalogue.requireKnownPerson(borrower)
                } catch CatalogueError.personNotFound(let name, let close) {
                    let guess = close.isEmpty ? "" : "did you mean \(CatalogueError.either(close))? "
                    throw ServerFailure.unprocessable(
                        "nobody called '\(CatalogueError.shown(name))' is in the catalogue; \(guess)send \"newPerson\": true to add them")
                }
            }
            _ = try catalogue.checkout(
                barcode: barcode, to: borrower, due: due, at: change.at, note: change.note, newPerson: change.newPerson == true)
        }
        change("checkin") { barcode, change in
            try requireKnown(change.at, change)
            _ = try catalogue.checkin(barcode: barcode, at: change.at, note: change.note)
        }
        change("renew") { barcode, change in
            _ = try catalogue.renew(barcode: barcode, due: try change.dueDate(), note: change.note)
        }
        change("move") { barcode, change in
            guard let location = change.location else {
                throw ServerFailure.unprocessable("give the location, e.g. {\"location\": \"London/5F/Meeting room 5.12\"}")
            }
            try requireKnown(location, change)
            _ = try catalogue.move(barcode: barcode, to: location, note: change.note)
        }
        change("seen") { barcode, change in
            try requireKnown(change.location, change)
            _ = try catalogue.seen(
                barcode: barcode, at: change.location, by: change.by, note: change.note, newPerson: change.newPerson == true)
        }
        change("missing") { barcode, change in
            _ = try catalogue.reportMissing(barcode: barcode, note: change.note)
        }
        change("found") { barcode, change in
            try requireKnown(change.at, change)
            _ = try catalogue.found(barcode: barcode, at: change.at, note: change.note)
        }
        change("undo") { barcode, change in
            _ = try catalogue.undo(barcode: barcode, note: change.note)
        }
        return routes
    }
}
