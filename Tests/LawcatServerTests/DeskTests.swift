// The librarian's pages in process: the desk's scans (as desk.js posts them
// and as a form without JavaScript does), its refusals, the stocktake with
// its separate marking of copies missing, the reports' CSV and reminders,
// and recording a copy from its page; each checked through the CLI too.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawcatServer
import Testing

@Suite("LawcatServer desk") struct DeskTests {
    /// The headers a signed-in browser posts a form with: its cookie and the form's type.
    static func formHeaders(_ cookie: HTTPFields) -> HTTPFields {
        var headers = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        return headers
    }

    /// A desk scan as desk.js posts it: the form, the CSRF header, asking for JSON.
    static func scan(
        _ client: some TestClientProtocol, _ session: (cookie: HTTPFields, csrf: String), _ fields: String
    ) async throws -> [String: Any] {
        var headers = Self.formHeaders(session.cookie)
        headers[.accept] = "application/json"
        headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf
        let response = try await client.execute(uri: "/desk", method: .post, headers: headers, body: ByteBuffer(string: fields))
        #expect(response.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test("Two scans at the desk are each answered with the title and what was done; a second checkout of one is refused, saying who has it")
    func twoScansAndARefusal() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            let first = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000001")
            #expect(first["refused"] as? Bool == false)
            #expect(first["title"] as? String == "Chitty on contracts")
            #expect((first["message"] as? String)?.hasPrefix("lent to Tobias Penhaligon") == true)
            let second = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000002")
            #expect(second["refused"] as? Bool == false)
            let again = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000001")
            #expect(again["refused"] as? Bool == true)
            #expect((again["message"] as? String)?.contains("already on loan to Tobias Penhaligon") == true)
        }
        let answer = try fixture.lawcat("where", "--json", "L000001").stdout
        #expect(answer.contains("\"borrower\" : \"Tobias Penhaligon\""))
        #expect(answer.contains("\"status\" : \"on-loan\""))
    }

    @Test("Given refusals at the desk and on a copy's page, then the page names its own controls where the API names the CLI's commands")
    func refusalsWordedForThePage() async throws {
        let fixture = try ServerFixture()
        let librarian = try fixture.bearer("lena")
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            // When: a copy on loan (L000165) is lent again, at the desk and through the API.
            let desk = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000165")
            let api = try await client.execute(
                uri: "/api/v1/copies/L000165/checkout", method: .post, headers: librarian,
                body: .json(#"{"borrower": "Tobias Penhaligon"}"#))
            // Then: the API says what `lawcat checkout` says; the desk says which of its choices puts it right.
            #expect(api.errorMessage == "L000165: already on loan to Tobias Penhaligon; check it in first with `lawcat checkin L000165`")
            // (The desk's line shows the barcode before the message, so the message does not repeat it.)
            #expect(desk["message"] as? String == "already on loan to Tobias Penhaligon; check it in first (Check in, then scan it)")
            // The missing copy (L000080) lent, a borrower's name mistyped, a copy not missing found, an unknown barcode.
            let missing = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000080")
            #expect((missing["message"] as? String)?.hasSuffix("record where it turned up first (Found there, on its copy's page)") == true)
            let nobody = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligan&barcode=L000001")
            #expect((nobody["message"] as? String)?.hasSuffix("(tick 'The borrower is a new person' to add them)") == true)
            let unknown = try await Self.scan(client, session, "action=checkin&barcode=NOSUCH1")
            #expect((unknown["message"] as? String)?.hasSuffix("check the label, or find the book with the search box") == true)
            let found = try await client.execute(
                uri: "/copies/L000001/record", method: .post, headers: Self.formHeaders(session.cookie),
                body: ByteBuffer(string: "csrf=\(session.csrf)&action=found&location=London%2F6F%2FTax"))
            #expect(found.status == .conflict)
            #expect(found.text.contains("use Seen there to record a sighting"))
            for page in [missing, nobody, unknown].map({ $0["message"] as? String ?? "" }) + [found.text] {
                #expect(!page.contains("`lawcat") && !page.contains("--"), "a page names a command: \(page)")
            }
        }
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000080").status == .missing)
    }

    @Test("Given a typo in Here or a borrower nobody has, when scanned at the desk, then the scan is refused and nothing is added until the box for a new one is ticked")
    func newPlacesAndPeopleOnlyWhenTicked() async throws {
        let fixture = try ServerFixture()
        let locationsBefore = try fixture.catalogue.locationCounts().count
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            _ = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000006")
            // When: a check-in with Here mistyped, and a checkout to a name nobody has.
            let typo = try await Self.scan(client, session, "action=checkin&location=London%2FLibary%2FBay+1&barcode=L000006")
            #expect(typo["refused"] as? Bool == true)
            #expect((typo["message"] as? String)?.contains("no location is called London/Libary/Bay 1; did you mean London/Library/Bay 1") == true)
            #expect((typo["message"] as? String)?.hasSuffix("(tick 'New location' to add it)") == true)
            let stranger = try await Self.scan(client, session, "action=checkout&borrower=Zebedee+Quaintance&barcode=L000001")
            #expect(stranger["refused"] as? Bool == true)
            #expect((stranger["message"] as? String)?.hasSuffix("choose a name the Borrower box suggests, or tick 'The borrower is a new person' to add them") == true)
            // Then: nothing was recorded or added.
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000006").status == .onLoan)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
            #expect(try fixture.catalogue.locationCounts().count == locationsBefore)
            #expect(try !fixture.catalogue.knowsPerson("Zebedee Quaintance"))
            // With the boxes ticked, both are added.
            let placed = try await Self.scan(client, session, "action=checkin&location=London%2FLibrary%2FBay+99&new_location=yes&barcode=L000006")
            #expect(placed["message"] as? String == "checked in, at London/Library/Bay 99")
            let lent = try await Self.scan(client, session, "action=checkout&borrower=Zebedee+Quaintance&new_person=yes&barcode=L000001")
            #expect(lent["refused"] as? Bool == false)
            #expect(try fixture.catalogue.knowsPerson("Zebedee Quaintance"))
            // A copy's page refuses a mistyped place the same way.
            let found = try await client.execute(
                uri: "/copies/L000002/record", method: .post, headers: Self.formHeaders(session.cookie),
                body: ByteBuffer(string: "csrf=\(session.csrf)&action=seen&location=London%2FLibary%2FBay+2"))
            #expect(found.status == .unprocessableContent)
            #expect(found.text.contains("did you mean London/Library/Bay 2"))
        }
        #expect(try fixture.catalogue.locationCounts().count == locationsBefore + 1)
    }

    @Test("Given Days at the desk, a checkout is due that many days on, a renewal for fewer is refused in the page's words, and a bad number lends nothing")
    func loanDays() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            let lent = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&days=14&barcode=L000001")
            let due = try #require(try fixture.catalogue.copyWhereabouts(barcode: "L000001").due)
            #expect((lent["message"] as? String)?.hasSuffix("due \(due)") == true)
            let shorter = try await Self.scan(client, session, "action=renew&days=7&barcode=L000001")
            #expect(shorter["refused"] as? Bool == true)
            #expect((shorter["message"] as? String)?.contains("give more Days") == true)
            let longer = try await Self.scan(client, session, "action=renew&days=28&barcode=L000001")
            #expect(longer["refused"] as? Bool == false)
            #expect(try #require(try fixture.catalogue.copyWhereabouts(barcode: "L000001").due) > due)
            for bad in ["0", "two", "99999"] {
                let refused = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&days=\(bad)&barcode=L000002")
                #expect((refused["message"] as? String)?.hasPrefix("give the loan's length in Days") == true, "days=\(bad)")
            }
            // Without Days a desk loan has no due date, as `lawcat checkout` without --days.
            let open = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000003")
            #expect(open["message"] as? String == "lent to Tobias Penhaligon")
        }
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000002").status == .onShelf)
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000003").due == nil)
    }

    @Test("A borrower's name close to a known one is refused with 'did you mean', and nobody is added; the new-person box adds them")
    func closeName() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            let close = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligan&barcode=L000003")
            #expect(close["refused"] as? Bool == true)
            #expect((close["message"] as? String)?.contains("did you mean Tobias Penhaligon?") == true)
            #expect(try !fixture.catalogue.knowsPerson("Tobias Penhaligan"))
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000003").status == .onShelf)
            let added = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligan&barcode=L000003&new_person=yes")
            #expect(added["refused"] as? Bool == false)
            #expect(try fixture.catalogue.knowsPerson("Tobias Penhaligan"))
        }
    }

    @Test("Seen here, move here and Undo at the desk; a scan without a barcode, or a move without a place, is refused and changes nothing")
    func seenMoveUndo() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            let moved = try await Self.scan(client, session, "action=move&location=London%2F5F%2FCorporate&barcode=L000004")
            #expect(moved["message"] as? String == "moved to London/5F/Corporate")
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000004").location == "London/5F/Corporate")
            let undone = try await Self.scan(client, session, "action=undo&barcode=L000004")
            #expect(undone["refused"] as? Bool == false)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000004").location != "London/5F/Corporate")
            let nowhere = try await Self.scan(client, session, "action=move&barcode=L000004")
            #expect(nowhere["refused"] as? Bool == true)
            let empty = try await Self.scan(client, session, "action=seen&barcode=")
            #expect(empty["refused"] as? Bool == true)
            let unknown = try await Self.scan(client, session, "action=seen&barcode=NOSUCH99")
            #expect(unknown["refused"] as? Bool == true)
        }
    }

    @Test("Without JavaScript the desk's form answers the scan in the page, and the line's Undo button undoes it")
    func withoutJavaScript() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let headers = Self.formHeaders(cookie)
            let page = try await client.execute(
                uri: "/desk", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&action=checkout&borrower=Tobias+Penhaligon&barcode=L000001"))
            #expect(page.status == .ok)
            #expect(page.text.contains("lent to Tobias Penhaligon"))
            #expect(page.text.contains("value=\"Tobias Penhaligon\""))
            let refused = try await client.execute(
                uri: "/desk", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&action=checkout&borrower=Tobias+Penhaligon&barcode=L000001"))
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("class=\"refused\" role=\"alert\""))
            #expect(!refused.text.contains("class=\"undo\""), "a refused scan has nothing to undo")
            // The line's Undo names the event the checkout recorded.
            let event = try #require(Self.undoEvent(in: page.text))
            let undo = try await client.execute(
                uri: "/desk", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&action=checkout&event=\(event)&barcode="))
            #expect(undo.text.contains("undone: checked-out"))
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
        }
    }

    /// The event a desk page's Undo button names.
    static func undoEvent(in page: String) -> String? {
        guard let range = page.range(of: "name=\"event\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix(while: \.isNumber))
    }

    @Test("Given a checkout and a check-in at the desk, when the check-in's Undo is sent twice (a reload) or the checkout's Undo is pressed after the check-in, then only the one undo is made and the loan stands")
    func undoNamesItsOwnScan() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let session = try await PageTests.signIn(client)
            let lent = try await Self.scan(client, session, "action=checkout&borrower=Tobias+Penhaligon&barcode=L000075")
            let returned = try await Self.scan(client, session, "action=checkin&barcode=L000075")
            let lentEvent = try #require(lent["event"] as? Int)
            let returnedEvent = try #require(returned["event"] as? Int)
            // When: the check-in's Undo, twice, as a browser resending the form does.
            let first = try await Self.scan(client, session, "action=undo&barcode=L000075&event=\(returnedEvent)")
            #expect(first["refused"] as? Bool == false)
            #expect(first["message"] as? String == "undone: returned")
            let again = try await Self.scan(client, session, "action=undo&barcode=L000075&event=\(returnedEvent)")
            #expect(again["refused"] as? Bool == true)
            #expect((again["message"] as? String)?.contains("undone already") == true)
            #expect(again["barcode"] as? String == "L000075")
            // Then: the loan the check-in ended is on again, and stays on.
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000075").status == .onLoan)
            // An older line's Undo: the checkout's, after a fresh check-in, is refused too.
            _ = try await Self.scan(client, session, "action=checkin&barcode=L000075")
            let older = try await Self.scan(client, session, "action=undo&barcode=L000075&event=\(lentEvent)")
            #expect(older["refused"] as? Bool == true)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000075").status == .onShelf)
            let nonsense = try await Self.scan(client, session, "action=undo&event=x1")
            #expect(nonsense["refused"] as? Bool == true)
        }
        #expect(try fixture.catalogue.check().isClean)
    }

    @Test("The desk needs a librarian (a reader's refusal page still shows them signed in) and, for a change, the page's CSRF token")
    func access() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let anonymous = try await client.execute(uri: "/desk", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login")
            let reader = try await PageTests.signIn(client, name: "rita")
            let refused = try await client.execute(uri: "/desk", method: .get, headers: reader.cookie)
            #expect(refused.status == .forbidden)
            // The refusal's page still knows who is signed in.
            #expect(refused.text.contains("Sign out rita") && !refused.text.contains("href=\"/login\""))
            #expect(try await client.execute(uri: "/stocktake", method: .get, headers: reader.cookie).status == .forbidden)
            let lena = try await PageTests.signIn(client)
            #expect(try await client.execute(uri: "/desk", method: .get, headers: lena.cookie).status == .ok)
            let headers = Self.formHeaders(lena.cookie)
            let forged = try await client.execute(
                uri: "/desk", method: .post, headers: headers, body: ByteBuffer(string: "action=missing&barcode=L000001"))
            #expect(forged.status == .forbidden)
            let wrong = try await client.execute(
                uri: "/copies/L000001/record", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(String(repeating: "0", count: 64))&action=missing"))
            #expect(wrong.status == .forbidden)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000001").status == .onShelf)
        }
    }

    @Test("A stocktake from an uploaded file reports the unknown barcode; its not-seen copies are marked missing only once confirmed")
    func stocktake() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let boundary = "lawcatboundary"
            let body = [
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"location\"\r\n\r\nLondon/Library/Bay 10\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"barcodes\"\r\n\r\nL000195\r\n",
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scans.txt\"\r\nContent-Type: text/plain\r\n\r\nL000198\nNOSUCH99\n\r\n",
                "--\(boundary)--\r\n",
            ].joined()
            var headers = cookie
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let report = try await client.execute(uri: "/stocktake", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(report.status == .ok)
            #expect(report.text.contains("Present: 2"))
            #expect(report.text.contains("Unknown barcodes: 1"))
            #expect(report.text.contains("NOSUCH99"))
            #expect(report.text.contains("Not seen (believed here): 2"))
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000302").status == .onShelf)
            let idMarker = try #require(report.text.range(of: "action=\"/stocktake/"))
            let id = String(report.text[idMarker.upperBound...].prefix { $0.isNumber })
            let form = Self.formHeaders(cookie)
            let unconfirmed = try await client.execute(
                uri: "/stocktake/\(id)/missing", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(csrf)&barcodes=L000302+L000318"))
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000302").status == .onShelf)
            let confirmed = try await client.execute(
                uri: "/stocktake/\(id)/missing", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(csrf)&confirm=yes&barcodes=L000302+L000318"))
            #expect(confirmed.status == .ok)
            #expect(confirmed.text.contains("2 copies marked missing"))
        }
        let missing = try fixture.lawcat("report", "missing").stdout
        #expect(missing.contains("L000302") && missing.contains("L000318"))
        // The marks belong to the stocktake: undoing it undoes them.
        #expect(try fixture.lawcat("undo", "--stocktake", "1").status == 0)
        #expect(!(try fixture.lawcat("report", "missing").stdout.contains("L000302")))
    }

    @Test("A stocktake of a location nobody knows is refused with the close names, and nothing is recorded")
    func unknownLocation() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let headers = Self.formHeaders(cookie)
            let page = try await client.execute(
                uri: "/stocktake", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&location=London%2FLibrary%2FBay+100&barcodes=L000195%0D%0A"))
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("did you mean"))
            #expect(page.text.contains("L000195"))
        }
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000195").lastSeen?.how == .added)
    }

    @Test("A stocktake's scans over 2 MiB are refused (413) in a sentence that says what to do, and nothing is recorded")
    func hugeStocktake() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let headers = Self.formHeaders(cookie)
            let scans = String(repeating: "L000195%0A", count: 2 * 1024 * 1024 / 10 + 1)
            let page = try await client.execute(
                uri: "/stocktake", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&location=London%2FLibrary%2FBay+10&barcodes=\(scans)"))
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("take stock of the location in parts"))
        }
        #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000195").lastSeen?.how == .added)
        // So is a desk form over 64 KiB.
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let headers = Self.formHeaders(cookie)
            let page = try await client.execute(
                uri: "/desk", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&barcode=" + String(repeating: "x", count: 70_000)))
            #expect(page.status == .contentTooLarge)
        }
    }

    @Test("The reports download as CSV, and the overdue report's button writes the reminders beside the catalogue")
    func reports() async throws {
        let fixture = try ServerFixture()
        setenv("LAWCAT_FROM", "The Library <library@firm.example>", 1)
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let page = try await client.execute(uri: "/reports?days=30", method: .get, headers: cookie)
            #expect(page.text.contains("L000080") && page.text.contains("L000165"))
            let csv = try await client.execute(uri: "/reports/overdue.csv", method: .get, headers: cookie)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("barcode,title,status,home,location,borrower,due,overdue_days"))
            #expect(csv.text.contains("L000165,Lewin on trusts,on-loan"))
            #expect(try await client.execute(uri: "/reports/nothing.csv", method: .get, headers: cookie).status == .notFound)
            let form = Self.formHeaders(cookie)
            let written = try await client.execute(
                uri: "/reports/remind", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(written.text.contains("tobias-penhaligon.eml"))
        }
        let folder = fixture.folder.appendingPathComponent("reminders")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("2026-11-26-tobias-penhaligon.eml"))
        #expect(try fixture.lawcat("history", "L000165").stdout.contains("reminded"))
    }

    @Test("Given a reader, or nobody signed in on an open server, when a copy's page is shown, then it offers no recording they may not use")
    func recordingOfferedToLibrariansOnly() async throws {
        let fixture = try ServerFixture()
        try await fixture.app(open: true).test(.router) { client in
            let (reader, _) = try await PageTests.signIn(client, name: "rita")
            let readersPage = try await client.execute(uri: "/copies/L000005", method: .get, headers: reader)
            #expect(readersPage.status == .ok)
            #expect(!readersPage.text.contains("/copies/L000005/record"))
            let anonymous = try await client.execute(uri: "/copies/L000005", method: .get)
            #expect(anonymous.status == .ok)
            #expect(!anonymous.text.contains("/copies/L000005/record"))
        }
    }

    @Test("From a copy's page it is recorded moved, missing and found")
    func recordFromCopyPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            let (cookie, csrf) = try await PageTests.signIn(client)
            let copyPage = try await client.execute(uri: "/copies/L000005", method: .get, headers: cookie)
            #expect(copyPage.text.contains("/copies/L000005/record"))
            let record = try await client.execute(uri: "/copies/L000005/record", method: .get, headers: cookie)
            #expect(record.text.contains("value=\"move\""))
            let form = Self.formHeaders(cookie)
            for (fields, status) in [
                ("action=move&location=London%2F6F%2FTax", CopyStatus.onShelf), ("action=missing", .missing),
                ("action=found&location=London%2F6F%2FTax", .onShelf),
            ] {
                let answer = try await client.execute(
                    uri: "/copies/L000005/record", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&\(fields)"))
                #expect(answer.status == .seeOther)
                #expect(try fixture.catalogue.copyWhereabouts(barcode: "L000005").status == status)
            }
            let refused = try await client.execute(
                uri: "/copies/L000005/record", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&action=found"))
            #expect(refused.status == .conflict)
        }
        #expect(try fixture.lawcat("where", "L000005").stdout.contains("London/6F/Tax"))
    }
}
