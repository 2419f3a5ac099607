// The librarian's pages: the desk, the stocktake and its report, the reports,
// and recording a copy seen, moved, missing or found. Every change is a form
// that works without JavaScript; desk.js makes the desk answer each scan in
// place, and every value is escaped as on the other pages.
import Catalogue
import Foundation

extension Page {
    static func csrfField(_ caller: Caller?) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(caller?.csrf ?? "")\">"
    }

    static func options(_ id: String, _ values: [String]) -> HTML {
        let items: [HTML] = values.map { "<option value=\"\($0)\"></option>" }
        return "<datalist id=\"\(id)\">\(items)</datalist>"
    }

    static func desk(
        caller: Caller?, people: [String], locations: [String], borrower: String, location: String, days: String,
        action: DeskController.Action, answer: DeskController.Answer?
    ) -> HTML {
        let actions: [HTML] = DeskController.Action.allCases.filter { $0 != .undo }.map { choice in
            let checked: HTML = choice == action ? " checked" : ""
            return "<label class=\"choice\"><input type=\"radio\" name=\"action\" value=\"\(choice.rawValue)\"\(checked)> \(choice.label)</label>"
        }
        let answers: HTML = answer.map(deskAnswer) ?? ""
        return """
            <h1>Desk</h1>
            <form id="desk" class="desk" action="/desk" method="post">
            \(csrfField(caller))
            <fieldset class="actions"><legend>What each scan does</legend>\(actions)</fieldset>
            <div class="row">
            <label for="borrower">Borrower</label>
            <input id="borrower" name="borrower" list="people" value="\(borrower)" autocomplete="off" placeholder="For check out: a name from the people">
            \(options("people", people))
            <label for="days">Days</label>
            <input id="days" name="days" type="number" min="1" max="\(String(CatalogueDatabase.longestLoan))" value="\(days)" autocomplete="off" placeholder="e.g. 14">
            </div>
            <div class="row">
            <label for="location">Here</label>
            <input id="location" name="location" list="locations" value="\(location)" autocomplete="off" placeholder="For check in, seen and move: where the desk is">
            \(options("locations", locations))
            </div>
            <div class="row"><label class="choice"><input type="checkbox" name="new_person" value="yes"> The borrower is a new person (add the name to the people)</label>
            <label class="choice"><input type="checkbox" name="new_location" value="yes"> New location (add Here to the locations)</label></div>
            <ol id="answers" class="answers" aria-live="polite" aria-label="Scans, newest first">\(answers)</ol>
            <div class="row scan">
            <label for="barcode">Barcode</label>
            <input id="barcode" name="barcode" autocomplete="off" autofocus required placeholder="Scan or type, then Enter">
            <button type="submit">Record</button>
            </div>
            </form>
            <script src="/assets/desk.js" defer></script>
            """
    }

    static func deskAnswer(_ answer: DeskController.Answer) -> HTML {
        // The line's Undo names the event it recorded, never just the barcode (DeskController.scan).
        let undo: HTML = answer.event.map {
            " <button class=\"undo\" name=\"event\" value=\"\(String($0))\" data-barcode=\"\(answer.barcode)\" formnovalidate>Undo</button>"
        } ?? ""
        let title: HTML = answer.title.isEmpty ? "" : " <span class=\"title\">\(answer.title)</span>"
        let what: HTML = answer.refused ? "<strong>Refused:</strong> \(answer.message)" : "\(answer.message)"
        return """
            <li class="\(answer.refused ? "refused" : "done")"\(answer.refused ? HTML(trusted: " role=\"alert\"") : "")><span class="barcode">\(answer.barcode)</span>\(title) <span class="what">\(what)</span>\(undo)</li>
            """
    }

    static func stocktakeForm(caller: Caller?, locations: [String], location: String, message: String?, barcodes: String = "") -> HTML {
        let problem: HTML = message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>Stocktake</h1>
            <p>Scan every copy on the shelves of one location, one barcode a line, or upload the scanner's file.
            Each copy scanned is recorded as seen there; the report then lists what was not seen. Nothing is marked
            missing until you confirm it after reading the report.</p>
            \(problem)
            <form class="stocktake" action="/stocktake" method="post" enctype="multipart/form-data">
            \(csrfField(caller))
            <label for="location">Location</label>
            <input id="location" name="location" list="locations" value="\(location)" autocomplete="off" required placeholder="A known location, e.g. London/Library/Bay 3">
            \(options("locations", locations))
            <label for="barcodes">Barcodes, one a line</label>
            <textarea id="barcodes" name="barcodes" rows="10">\(barcodes)</textarea>
            <label for="file">Or a file of scans</label>
            <input id="file" name="file" type="file" accept=".txt,.csv,text/plain">
            <button type="submit">Take stock</button>
            </form>
            """
    }

    static func stocktakeReport(_ report: StocktakeReport, caller: Caller?) -> HTML {
        func section<T>(_ title: String, _ items: [T], warn: Bool = false, _ cells: (T) -> [String]) -> HTML {
            let rows: [HTML] = items.map { item in
                let tds: [HTML] = cells(item).map { "<td>\($0)</td>" }
                return "<tr>\(tds)</tr>"
            }
            let table: HTML = items.isEmpty ? "" : "<table class=\"list\"><tbody>\(rows)</tbody></table>"
            return "<section class=\"\(warn && !items.isEmpty ? "warn" : "")\"><h2>\(title): \(items.count)</h2>\(table)</section>"
        }
        let notSeen = report.notSeen.map(\.barcode).joined(separator: " ")
        // The command line's doubts about marking (StocktakeSession's finish), said before the librarian confirms.
        let doubt: String? = report.present.isEmpty
            ? "None of the copies scanned is homed under \(report.location): the wrong shelf, or the wrong file?"
            : report.notSeen.count > report.present.count
            ? "\(report.notSeen.count) copies would be marked missing against \(report.present.count) found present: was the scan cut short?"
            : nil
        let warning: HTML = doubt.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        let marking: HTML = report.notSeen.isEmpty ? "" : """
            <form class="confirm" action="/stocktake/\(report.id)/missing" method="post">
            \(warning)
            \(csrfField(caller))
            <input type="hidden" name="barcodes" value="\(notSeen)">
            <label class="choice"><input type="checkbox" name="confirm" value="yes" required> I have looked: mark the \(report.notSeen.count) copies not seen missing</label>
            <button type="submit">Mark missing</button>
            </form>
            """
        return """
            <h1>Stocktake \(report.id) of \(report.location)</h1>
            <p class="summary">\(report.scanned) scanned, \(report.distinct) distinct</p>
            \(section("Present", report.present) { [$0.barcode, $0.title] })
            \(section("Misplaced (homed elsewhere)", report.misplaced) { [$0.barcode, "home " + $0.home, $0.title] })
            \(section("Not seen (believed here)", report.notSeen, warn: true) { [$0.barcode, $0.location ?? $0.home, $0.title] })
            \(section("Elsewhere (last placed somewhere else)", report.elsewhere) { [$0.barcode, "at " + ($0.location ?? "?"), "since " + day($0.since ?? ""), $0.title] })
            \(section("On loan", report.onLoan) { [$0.barcode, $0.borrower ?? "", $0.due.map { "due " + $0 } ?? "", $0.title] })
            \(section("Still missing", report.stillMissing) { [$0.barcode, $0.title] })
            \(section("Withdrawn but scanned", report.withdrawn) { [$0.barcode, $0.title] })
            \(section("Checked in (were on loan)", report.returned) { [$0.barcode, $0.title] })
            \(section("Found (were missing)", report.found) { [$0.barcode, $0.title] })
            \(section("Unknown barcodes", report.unknown, warn: true) { [$0] })
            \(section("Scanned more than once (counted once)", report.duplicates) { [$0.barcode, "\($0.times) times"] })
            \(marking)
            <p class="hint">To undo this stocktake: <code>lawcat undo --stocktake \(report.id)</code></p>
            """
    }

    static func markedMissing(_ count: Int, stocktake id: Int64) -> HTML {
        """
        <h1>Marked missing</h1>
        <p>\(count) \(count == 1 ? "copy" : "copies") marked missing by stocktake \(id).
        <a href="/reports">See the reports</a> or <a href="/stocktake">take stock of another location</a>.</p>
        <p class="hint">To undo this stocktake and its marks: <code>lawcat undo --stocktake \(id)</code></p>
        """
    }

    static func reportTable(_ copies: [Whereabouts], empty: String) -> HTML {
        guard !copies.isEmpty else { return "<p>\(empty)</p>" }
        let rows: [HTML] = copies.map { copy in
            let overdue: HTML = (copy.overdueDays ?? 0) > 0 ? " <span class=\"overdue\">(\(copy.overdueDays ?? 0) days overdue)</span>" : ""
            return """
                <tr><td><a href="/copies/\(HTML.segment(copy.barcode))">\(copy.barcode)</a></td><td>\(copy.title)</td>
                <td>\(copy.borrower)</td><td>\(copy.due)\(overdue)</td><td>\(copy.location ?? copy.home)</td><td>\(copy.lastSeen.map { day($0.at) })</td></tr>
                """
        }
        return """
            <table class="list"><thead><tr><th>Barcode</th><th>Title</th><th>Borrower</th><th>Due</th><th>Where</th><th>Last seen</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    static func reports(
        caller: Caller?, missing: [Whereabouts], overdue: [Whereabouts], notSeen: [Whereabouts], days: Int, reminders: [String]?
    ) -> HTML {
        let written: HTML
        if let reminders {
            let items: [HTML] = reminders.map { "<li>\($0)</li>" }
            written = reminders.isEmpty
                ? "<p class=\"notice\" role=\"status\">No reminders to write: nobody with an e-mail has an overdue loan not reminded of today.</p>"
                : "<div role=\"status\"><p>Wrote \(reminders.count) \(reminders.count == 1 ? "reminder" : "reminders") into the reminders folder beside the catalogue:</p><ul>\(items)</ul></div>"
        } else {
            written = ""
        }
        return """
            <h1>Reports</h1>
            <section>
            <h2 id="missing">Missing: \(missing.count)</h2>
            <p><a href="/reports/missing.csv" download>Download as CSV</a></p>
            \(reportTable(missing, empty: "No copy is missing."))
            </section>
            <section>
            <h2 id="overdue">Overdue: \(overdue.count)</h2>
            \(written)
            <form class="inline" action="/reports/remind" method="post">\(csrfField(caller))<button type="submit">Write the reminders</button></form>
            <p><a href="/reports/overdue.csv" download>Download as CSV</a></p>
            \(reportTable(overdue, empty: "No loans are overdue."))
            </section>
            <section>
            <h2 id="not-seen">Not seen for \(days) days: \(notSeen.count)</h2>
            <form class="inline" action="/reports" method="get">
            <label for="days">Days</label> <input id="days" name="days" type="number" min="0" value="\(days)"> <button type="submit">Show</button>
            </form>
            <p><a href="/reports/not-seen.csv?days=\(days)" download>Download as CSV</a></p>
            \(reportTable(notSeen, empty: "Every copy has been seen in that time."))
            </section>
            """
    }

    static func recordCopy(_ copy: Whereabouts, caller: Caller?, locations: [String]) -> HTML {
        """
        <h1>Record \(copy.barcode): \(copy.title)</h1>
        <p class="answer">\(status(copy.status)) \(whereNow(copy.status, location: copy.location, home: copy.home, borrower: copy.borrower, due: copy.due))</p>
        <form class="record" action="/copies/\(HTML.segment(copy.barcode))/record" method="post">
        \(csrfField(caller))
        <label for="location">Location (where it was seen, moved to or found)</label>
        <input id="location" name="location" list="locations" autocomplete="off" value="\(copy.location ?? copy.home)">
        \(options("locations", locations))
        <label class="choice"><input type="checkbox" name="new_location" value="yes"> New location (add it to the locations)</label>
        <label for="note">Note</label>
        <input id="note" name="note" autocomplete="off">
        <div class="buttons">
        <button name="action" value="seen">Seen there</button>
        <button name="action" value="move">Moved there</button>
        <button name="action" value="missing">Missing</button>
        <button name="action" value="found">Found there</button>
        </div>
        </form>
        <p><a href="/copies/\(HTML.segment(copy.barcode))">Back to \(copy.barcode)</a></p>
        """
    }
}
