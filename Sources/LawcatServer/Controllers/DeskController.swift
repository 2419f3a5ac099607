// The librarian's pages: the desk (a scan a line, answered at once), the
// stocktake, the reports with their CSV and reminders, and recording a copy
// seen, moved, missing or found. Librarians only; every change is a form POST
// carrying the page's CSRF token (checked by LibrarianFormMiddleware), so the
// pages work without JavaScript, and desk.js posts the same forms.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

struct DeskController {
    let catalogue: CatalogueDatabase
    let settings: ServerSettings

    /// The largest stocktake upload (a file of scans): 2 MiB, some 200,000 barcodes.
    static let maximumStocktakeSize = 2 * 1024 * 1024

    /// What the desk can do with a scanned copy.
    enum Action: String, CaseIterable {
        case checkout, checkin, renew, seen, move, undo

        var label: String {
            switch self {
            case .checkout: "Check out"
            case .checkin: "Check in"
            case .renew: "Renew"
            case .seen: "Seen here"
            case .move: "Move here"
            case .undo: "Undo"
            }
        }
    }

    /// A scan's answer: one line of the desk's list.
    struct Answer: Encodable {
        var barcode: String
        var title: String
        var action: String
        /// What was done, or why it was refused.
        var message: String
        var refused: Bool
        /// The event the scan recorded, which the line's Undo names (nil when refused or itself an undo).
        var event: Int64? = nil
    }

    func addRoutes(to router: Router<LawcatContext>) {
        let desk = router.group().add(middleware: LibrarianFormMiddleware())
        // The catalogue's calls block, so each page is made on the reading threads and each form sent on the waiting ones (Blocking.swift).
        func get(_ route: RouterPath, _ body: @escaping @Sendable (Request, LawcatContext) throws -> Response) {
            desk.get(route) { request, context in try await Blocking.read { try body(request, context) } }
        }
        func post(_ route: RouterPath, _ body: @escaping @Sendable ([String: String], Request, LawcatContext) throws -> Response) {
            desk.post(route) { request, context in
                let form = try await Self.form(request)
                return try await Blocking.write { try body(form, request, context) }
            }
        }
        get("desk") { request, context in
            let query = try RequestInput.query(request)
            return Page.response(try deskPage(context, form: query, answer: nil))
        }
        post("desk") { form, request, context in
            let answer = scan(form)
            if request.headers[.accept]?.contains("application/json") == true {
                return try JSONAnswer.ok(answer)
            }
            return Page.response(try deskPage(context, form: form, answer: answer), status: answer.refused ? .conflict : .ok)
        }

        get("stocktake") { _, context in
            Page.response(Page.layout(
                title: "Stocktake", caller: context.caller,
                body: Page.stocktakeForm(caller: context.caller, locations: try locationNames(), location: "", message: nil)))
        }
        post("stocktake") { form, _, context in
            let location = form["location"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let lines = ((form["barcodes"] ?? "") + "\n" + (form["file"] ?? ""))
                .split(whereSeparator: \.isNewline).map(String.init)
            do {
                guard !location.isEmpty else {
                    throw ServerFailure.unprocessable("give the location being taken stock of, as the locations list has it")
                }
                let report = try catalogue.stocktake(at: location, scanned: lines)
                return Page.response(Page.layout(title: "Stocktake of \(report.location)", caller: context.caller, body: Page.stocktakeReport(report, caller: context.caller)))
            } catch {
                let (status, message, _) = FailureMiddleware.describe(error, wording: .browser)
                return Page.response(
                    Page.layout(
                        title: "Stocktake", caller: context.caller,
                        body: Page.stocktakeForm(caller: context.caller, locations: try locationNames(), location: location, message: message, barcodes: form["barcodes"] ?? "")),
                    status: status)
            }
        }
        post("stocktake/:id/missing") { form, _, context in
            guard let id = Int64(try RequestInput.parameter("id", context)) else {
                throw ServerFailure(status: .notFound, message: "no such stocktake; start one at /stocktake")
            }
            guard form["confirm"] == "yes" else {
                throw ServerFailure.unprocessable("tick the box to confirm that the copies not seen are to be marked missing")
            }
            let barcodes = (form["barcodes"] ?? "").split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init)
            let marked = try catalogue.markNotSeenMissing(stocktake: id, barcodes: barcodes)
            return Page.response(Page.layout(title: "Marked missing", caller: context.caller, body: Page.markedMissing(marked, stocktake: id)))
        }

        get("reports") { request, context in
            let query = try RequestInput.query(request)
            let days = try RequestInput.number("days", in: query, range: 0...100_000) ?? 180
            return Page.response(Page.layout(
                title: "Reports", caller: context.caller,
                body: Page.reports(
                    caller: context.caller, missing: try catalogue.report(.missing), overdue: try catalogue.report(.overdue),
                    notSeen: try catalogue.report(.notSeen, days: days), days: days, reminders: nil)))
        }
        get("reports/:file") { request, context in
            let file = try RequestInput.parameter("file", context)
            guard file.hasSuffix(".csv"), let kind = ReportKind(rawValue: String(file.dropLast(4))) else {
                throw ServerFailure(status: .notFound, message: "no report is called '\(file.prefix(40))'; ask for missing.csv, overdue.csv or not-seen.csv")
            }
            let query = try RequestInput.query(request)
            let days = try RequestInput.number("days", in: query, range: 0...100_000)
            let copies = try catalogue.report(kind, days: kind == .notSeen ? (days ?? 180) : days)
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(kind.rawValue).csv\""],
                body: .init(byteBuffer: ByteBuffer(string: CopiesCSV.text(copies))))
        }
        post("reports/remind") { _, _, context in
            let written = try writeReminders()
            return Page.response(Page.layout(
                title: "Reports", caller: context.caller,
                body: Page.reports(
                    caller: context.caller, missing: try catalogue.report(.missing), overdue: try catalogue.report(.overdue),
                    notSeen: try catalogue.report(.notSeen, days: 180), days: 180, reminders: written)))
        }

        get("copies/:barcode/record") { _, context in
            let copy = try catalogue.copyWhereabouts(barcode: try RequestInput.parameter("barcode", context), trail: 0)
            return Page.response(Page.layout(
                title: "Record \(copy.barcode)", caller: context.caller, body: Page.recordCopy(copy, caller: context.caller, locations: try locationNames())))
        }
        post("copies/:barcode/record") { form, _, context in
            let barcode = try RequestInput.parameter("barcode", context)
            let location = form["location"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            if ["seen", "move", "found"].contains(form["action"] ?? "") { try requireLocation(location, form) }
            switch form["action"] ?? "" {
            case "seen": _ = try catalogue.seen(barcode: barcode, at: location, by: nil, note: form["note"])
            case "move":
                guard let location else { throw ServerFailure.unprocessable("give the location it was moved to") }
                _ = try catalogue.move(barcode: barcode, to: location, note: form["note"])
            case "missing": _ = try catalogue.reportMissing(barcode: barcode, note: form["note"])
            case "found": _ = try catalogue.found(barcode: barcode, at: location, note: form["note"])
            default: throw ServerFailure.badRequest("choose seen, move, missing or found")
            }
            let copy = try catalogue.copyWhereabouts(barcode: barcode, trail: 0)
            return Response(status: .seeOther, headers: [.location: "/copies/\(HTML.segment(copy.barcode))"])
        }
    }

    /// One scan at the desk: the library's answer, or its refusal, worded for the page.
    func scan(_ form: [String: String]) -> Answer {
        var answer = record(form)
        // The line shows the barcode already: "L000001: already on loan ..." says it once.
        if answer.refused, !answer.barcode.isEmpty, answer.message.hasPrefix(answer.barcode + ": ") {
            answer.message.removeFirst(answer.barcode.count + 2)
        }
        return answer
    }

    private func record(_ form: [String: String]) -> Answer {
        // A line's Undo names the event that line recorded (`event`): it undoes that scan, and
        // nothing else, so a form sent again or an older line's Undo is refused (`undo(event:)`).
        let event = form["event"].flatMap { $0.isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        var barcode = (form["barcode"] ?? "").trimmingCharacters(in: .whitespaces)
        let actionName = event != nil ? Action.undo.rawValue : form["action"] ?? Action.checkout.rawValue
        var answer = Answer(barcode: barcode, title: "", action: actionName, message: "", refused: true)
        guard let action = Action(rawValue: actionName) else {
            answer.message = "choose check out, check in, renew, seen here or move here"
            return answer
        }
        if let event {
            guard let id = Int64(event) else {
                answer.message = "this Undo names no scan; reload the page"
                return answer
            }
            do {
                let result = try catalogue.undo(event: id)
                barcode = result.copy.barcode
                answer.message = "undone: \(result.undone.map(\.kind.rawValue).joined(separator: ", "))"
                answer.refused = false
            } catch {
                answer.message = FailureMiddleware.describe(error, wording: .browser).1
                if case .refused(let refused, _)? = error as? CatalogueError { barcode = refused }
            }
            if let copy = try? catalogue.copyWhereabouts(barcode: barcode, trail: 0) {
                answer.barcode = copy.barcode
                answer.title = copy.title
            }
            return answer
        }
        guard !barcode.isEmpty else {
            answer.message = "scan or type a barcode"
            return answer
        }
        let borrower = (form["borrower"] ?? "").trimmingCharacters(in: .whitespaces)
        let here = (form["location"] ?? "").trimmingCharacters(in: .whitespaces)
        let location: String? = here.isEmpty ? nil : here
        let daysText = (form["days"] ?? "").trimmingCharacters(in: .whitespaces)
        var due = DueDate.none
        if !daysText.isEmpty && (action == .checkout || action == .renew) {
            guard let days = Int(daysText), (1...CatalogueDatabase.longestLoan).contains(days) else {
                answer.message = "give the loan's length in Days as a whole number from 1 to \(CatalogueDatabase.longestLoan), or leave it empty"
                return answer
            }
            due = .days(days)
        }
        do {
            // A borrower is added from the desk only when its box is ticked, as a location is.
            if [.checkin, .seen, .move].contains(action) { try requireLocation(location, form) }
            let done: String
            var recorded: CirculationResult?
            switch action {
            case .checkout:
                guard !borrower.isEmpty else {
                    answer.message = "give the borrower first, then scan"
                    return answer
                }
                let newPerson = form["new_person"] == "yes"
                if !newPerson { try catalogue.requireKnownPerson(borrower) }
                let result = try catalogue.checkout(barcode: barcode, to: borrower, due: due, newPerson: newPerson)
                recorded = result
                done = "lent to \(result.borrower ?? borrower)" + (result.due.map { ", due \($0)" } ?? "")
                    + (result.personAdded.map { " (\($0) added to the people)" } ?? "")
            case .checkin:
                let result = try catalogue.checkin(barcode: barcode, at: location)
                recorded = result
                done = (result.endedLoan ? "checked in" : "found") + (result.wasMissing ? " (it had been missing)" : "")
                    + (result.endedLoan ? "" : " (it was not on loan)") + ", at \(result.location ?? result.home)"
            case .renew:
                let result = try catalogue.renew(barcode: barcode, due: due)
                recorded = result
                done = "renewed" + (result.due.map { ", due \($0)" } ?? "")
            case .seen:
                let result = try catalogue.seen(barcode: barcode, at: location, by: nil, note: nil)
                recorded = result
                done = "seen at \(result.location ?? result.home)"
            case .move:
                guard let location else {
                    answer.message = "give the location here first, then scan"
                    return answer
                }
                let result = try catalogue.move(barcode: barcode, to: location)
                recorded = result
                done = "moved to \(result.location ?? location)"
            case .undo:
                let result = try catalogue.undo(barcode: barcode)
                done = "undone: \(result.undone.map(\.kind.rawValue).joined(separator: ", "))"
            }
            let copy = try catalogue.copyWhereabouts(barcode: barcode, trail: 0)
            answer.barcode = copy.barcode
            answer.title = copy.title
            answer.message = done
            answer.refused = false
            answer.event = recorded?.eventID
        } catch {
            answer.message = FailureMiddleware.describe(error, wording: .browser).1
            if let copy = try? catalogue.copyWhereabouts(barcode: barcode, trail: 0) {
                answer.barcode = copy.barcode
                answer.title = copy.title
            }
        }
        return answer
    }

    func deskPage(_ context: LawcatContext, form: [String: String], answer: Answer?) throws -> HTML {
        Page.layout(
            title: "Desk", caller: context.caller,
            body: Page.desk(
                caller: context.caller, people: try catalogue.people().map(\.name), locations: try locationNames(),
                borrower: form["borrower"] ?? "", location: form["location"] ?? "", days: form["days"] ?? "",
                action: Action(rawValue: form["action"] ?? "") ?? .checkout, answer: answer))
    }

    /// Refuses a location the catalogue does not have unless the form's New location box is
    /// ticked: a typo in a box that stays filled in would otherwise become a location, and
    /// every copy scanned after it would be put there.
    func requireLocation(_ location: String?, _ form: [String: String]) throws {
        guard let location, form["new_location"] != "yes" else { return }
        try catalogue.requireKnownLocation(location)
    }

    func locationNames() throws -> [String] { try catalogue.locationCounts().map(\.location) }

    /// Writes the overdue reminders as `lawcat remind` does, into the `reminders` folder beside the catalogue.
    func writeReminders() throws -> [String] {
        guard let sender = ReminderMail.Sender(ProcessInfo.processInfo.environment["LAWCAT_FROM"]) else {
            throw ServerFailure.unprocessable(
                "the server has no sender for reminders: start lawcat serve with LAWCAT_FROM set, e.g. 'The Library <library@firm.example>'")
        }
        let folder = URL(fileURLWithPath: catalogue.path).deletingLastPathComponent().appendingPathComponent("reminders")
        return try catalogue.writeReminders(to: folder, from: sender).map { "\($0.person): \($0.file.lastPathComponent)" }
    }

    /// The form a page posted, URL-encoded or multipart (a stocktake's file).
    static func form(_ request: Request) async throws -> [String: String] {
        var request = request
        let buffer = try await collect(&request)
        return try FormBody.fields(String(buffer: buffer), contentType: request.headers[.contentType])
    }

    /// The body, kept in the request for the handler: at most 64 KiB, or for a
    /// stocktake `maximumStocktakeSize`; past it a 413 that says what to do.
    static func collect(_ request: inout Request) async throws -> ByteBuffer {
        let stocktake = request.uri.path == "/stocktake"
        let limit = stocktake ? maximumStocktakeSize : maximumBodySize
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                throw ServerFailure(
                    status: .contentTooLarge,
                    message: stocktake
                        ? "the scans are over \(limit / 1024 / 1024) MiB; take stock of the location in parts"
                        : "the form is over \(limit / 1024) KiB; send less")
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        request.body = .init(buffer: buffer)
        return buffer
    }
}

/// Librarians only, with or without `--open`. A page for a browser that has not signed in sends it to
/// sign in; a POST must carry the session's CSRF token (the form's `csrf`
/// field, or the X-CSRF-Token header).
struct LibrarianFormMiddleware: RouterMiddleware {
    typealias Context = LawcatContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let caller = context.caller else {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        guard caller.account.role == .librarian else {
            throw ServerFailure(status: .forbidden, message: "\(caller.account.name) is a reader; only a librarian can use the desk")
        }
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let buffer = try await DeskController.collect(&request)
        let sent = try request.headers[csrfHeader]
            ?? FormBody.fields(String(buffer: buffer), contentType: request.headers[.contentType])["csrf"]
        guard let kept = caller.csrf, sameSecret(sent, kept) else {
            throw ServerFailure(
                status: .forbidden, message: "that form did not come from this server's page (or the page is old); reload it and try again")
        }
        return try await next(request, context)
    }
}

/// A form body's fields: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` (the stocktake's file upload), a file's text under its field's name.
enum FormBody {
    static func fields(_ body: String, contentType: String?) throws -> [String: String] {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            return try urlEncoded(body)
        }
        guard let range = contentType.range(of: "boundary=") else {
            throw ServerFailure.badRequest("the form's upload has no boundary; send it again from the page")
        }
        let boundary = "--" + contentType[range.upperBound...].split(separator: ";")[0].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        var fields: [String: String] = [:]
        for part in body.components(separatedBy: boundary).dropFirst() {
            guard let split = part.range(of: "\r\n\r\n") else { continue }
            let head = part[..<split.lowerBound]
            var value = String(part[split.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast() }
            guard let nameRange = head.range(of: "name=\"") else { continue }
            let name = String(head[nameRange.upperBound...].prefix { $0 != "\"" })
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    /// URL-encoded fields; unlike a query's, a value may hold line ends (a textarea's).
    static func urlEncoded(_ text: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String? { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw ServerFailure.badRequest("the form is not valid URL encoding (or not UTF-8); send it again from the page")
            }
            guard !value.unicodeScalars.contains(where: { ($0.value < 0x20 && !"\t\r\n".unicodeScalars.contains($0)) || $0.value == 0x7F }) else {
                throw ServerFailure.badRequest("the form has control characters in '\(name)'; leave them out")
            }
            if values[name] == nil { values[name] = value }
        }
        return values
    }
}
