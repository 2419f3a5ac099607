// The pages: one layout, and a function a page that turns library values into
// HTML. Every value goes through HTML's escaping interpolation. No inline
// script or style (the Content-Security-Policy forbids both): the look is
// /assets/lawcat.css, search-as-you-type /assets/lawcat.js, and every page
// works without it.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

enum Page {
    static func response(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    static func layout(title: String, caller: Caller?, query: String = "", body: HTML) -> HTML {
        let account: HTML
        if let caller {
            account = "<a href=\"/logout\">Sign out \(caller.account.name)</a>"
        } else {
            account = "<a href=\"/login\">Sign in</a>"
        }
        // The librarian's pages, for those who may use them.
        let librarian: HTML = caller?.account.role == .librarian
            ? "<a href=\"/desk\">Desk</a> <a href=\"/stocktake\">Stocktake</a> <a href=\"/reports\">Reports</a> " : ""
        let csrf: HTML = caller?.csrf.map { "<meta name=\"csrf-token\" content=\"\($0)\">" } ?? ""
        return """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(csrf)
            <title>\(title) · lawcat</title>
            <link rel="stylesheet" href="/assets/lawcat.css">
            <script src="/assets/lawcat.js" defer></script>
            </head>
            <body>
            <header>
            <a class="home" href="/">lawcat</a>
            <nav><a href="/loans">Loans</a> <a href="/loans?overdue=1">Overdue</a> <a href="/missing">Missing</a> \(librarian)\(account)</nav>
            <form class="search" action="/search" method="get" role="search">
            <label for="q" class="hidden">Search the catalogue</label>
            <input id="q" name="q" type="search" value="\(query)" placeholder="Title, author, subject, jurisdiction or barcode" autocomplete="off">
            <button type="submit">Search</button>
            </form>
            </header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static func home(books: Int, copies: Int) -> HTML {
        """
        <h1>The library catalogue</h1>
        <p>\(books) books, \(copies) copies. Search by title, author, subject or jurisdiction (typos are forgiven),
        or give a copy's barcode to see where it is now.</p>
        <p class="hint">Fields: <code>title:</code> <code>author:</code> <code>subject:</code> <code>j:scotland</code>
        <code>year:2015..</code> <code>is:on-loan</code>; <code>-word</code> leaves books out.</p>
        """
    }

    static func searchResults(query: String, result: SearchResult) -> HTML {
        var parts: [HTML] = []
        if let notice = result.notice { parts.append("<p class=\"notice\">\(notice)</p>") }
        if result.books.isEmpty {
            if !query.isEmpty {
                let suggestion: HTML = result.suggestion.map {
                    " Did you mean <a href=\"/search?q=\(formValue($0))\">\($0)</a>?"
                } ?? ""
                parts.append("<p>No books match ‘\(query)’.\(suggestion)</p>")
            }
        } else {
            if result.exactCount == 0, let suggestion = result.suggestion {
                parts.append("<p class=\"notice\">Nothing matches ‘\(query)’ as typed; showing results for: \(suggestion)</p>")
            }
            parts.append("<ol class=\"books\">\(result.books.map(bookItem))</ol>")
        }
        return "<div id=\"results\">\(parts)</div>"
    }

    static func bookItem(_ details: BookDetails) -> HTML {
        """
        <li><a class="title" href="/books/\(details.id)">\(details.book.fields.title)</a>
        <div class="meta">\(meta(details.book.fields))</div>
        <ul class="copies">\(details.copies.map(copyItem))</ul></li>
        """
    }

    static func meta(_ fields: BookFields) -> HTML {
        let parts = [fields.authors.joined(separator: "; "), fields.edition, fields.date, fields.jurisdiction]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return "\(parts.joined(separator: " · "))"
    }

    static func copyItem(_ copy: CopySummary) -> HTML {
        "<li><a href=\"/copies/\(HTML.segment(copy.barcode))\">\(copy.barcode)</a> \(status(copy.status)) \(whereNow(copy.status, location: copy.location, home: copy.home, borrower: copy.borrower, due: copy.due))</li>"
    }

    static func status(_ status: CopyStatus) -> HTML {
        let words: String = switch status {
        case .onShelf: "on the shelf"
        case .onLoan: "on loan"
        case .missing: "missing"
        case .withdrawn: "withdrawn"
        }
        return "<span class=\"status \(status.rawValue)\">\(words)</span>"
    }

    static func whereNow(_ status: CopyStatus, location: String?, home: String, borrower: String?, due: String?) -> HTML {
        switch status {
        case .onLoan:
            let dueText: HTML = due.map { ", due \($0)" } ?? ""
            let place: HTML = location.map { ", at \($0)" } ?? ""
            return "with \(borrower ?? "someone")\(dueText)\(place)"
        case .missing:
            return "last known at \(location ?? home)"
        case .withdrawn:
            return ""
        case .onShelf:
            if let location, location != home { return "at \(location) (home \(home))" }
            return "at \(home)"
        }
    }

    static func book(_ details: BookDetails) -> HTML {
        let f = details.book.fields
        func row(_ name: String, _ value: String?) -> HTML {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th>\(name)</th><td>\(value)</td></tr>"
        }
        let copies: [HTML] = details.copies.map { copy in
            """
            <tr><td><a href="/copies/\(HTML.segment(copy.barcode))">\(copy.barcode)</a></td><td>\(status(copy.status))</td>
            <td>\(whereNow(copy.status, location: copy.location, home: copy.home, borrower: copy.borrower, due: copy.due))</td><td>\(copy.home)</td></tr>
            """
        }
        return """
            <h1>\(f.title)</h1>
            <table class="fields">
            \(row("Authors", f.authors.joined(separator: "; ")))\(row("Edition", f.edition))\(row("Date", f.date))\(row("Jurisdiction", f.jurisdiction))\(row("Subjects", f.subjects.joined(separator: "; ")))\(row("ISBN", f.isbn))\(row("Book id", String(details.id)))
            </table>
            <h2>Copies</h2>
            <table class="list"><thead><tr><th>Barcode</th><th>Status</th><th>Where</th><th>Home</th></tr></thead>
            <tbody>\(copies)</tbody></table>
            """
    }

    /// A copy's page. `canRecord`: the reader is a librarian, who is offered
    /// the page that records it seen, moved, missing or found (others would meet a 403).
    static func copy(_ copy: Whereabouts, events: [CopyEvent], canRecord: Bool) -> HTML {
        func row(_ name: String, _ value: String?) -> HTML {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th>\(name)</th><td>\(value)</td></tr>"
        }
        let seen: String? = copy.lastSeen.map { "\($0.location ?? "somewhere unknown"), \(day($0.at))\($0.by.map { " by \($0)" } ?? "")" }
        let last: String? = copy.lastBorrower.map { "\($0.name), \(day($0.out))\($0.returned.map { " to \(day($0))" } ?? ", not yet back")" }
        let overdue: String? = (copy.overdueDays ?? 0) > 0 ? "\(copy.overdueDays ?? 0) days" : nil
        let trail: [HTML] = events.reversed().map { event in
            """
            <tr><td>\(day(event.at))</td><td>\(event.kind.rawValue)</td><td>\(event.location)</td><td>\(event.person)</td><td>\(event.due)</td><td>\(event.note)</td></tr>
            """
        }
        let record: HTML = canRecord
            ? "<p class=\"hint\"><a href=\"/copies/\(HTML.segment(copy.barcode))/record\">Record it seen, moved, missing or found</a></p>" : ""
        return """
            <h1>\(copy.barcode): <a href="/books/\(copy.bookID)">\(copy.title)</a></h1>
            \(record)
            <p class="answer">\(status(copy.status)) \(whereNow(copy.status, location: copy.location, home: copy.home, borrower: copy.borrower, due: copy.due))</p>
            <table class="fields">
            \(row("Home", copy.home))\(row(copy.status == .missing ? "Last known at" : "Now at", copy.location))\(row("Borrower", copy.borrower))\(row("Due", copy.due))\(row("Overdue by", overdue))\(row("Since", copy.since.map(day)))\(row("Last seen", seen))\(row("Last borrowed by", last))
            </table>
            <h2>Trail, newest first</h2>
            <table class="list"><thead><tr><th>When</th><th>What</th><th>Where</th><th>Who</th><th>Due</th><th>Note</th></tr></thead>
            <tbody>\(trail)</tbody></table>
            """
    }

    static func copies(title: String, _ copies: [Whereabouts], empty: String) -> HTML {
        guard !copies.isEmpty else { return "<h1>\(title)</h1><p>\(empty)</p>" }
        let rows: [HTML] = copies.map { copy in
            let overdue: HTML = (copy.overdueDays ?? 0) > 0 ? " <span class=\"overdue\">(\(copy.overdueDays ?? 0) days overdue)</span>" : ""
            return """
                <tr><td><a href="/copies/\(HTML.segment(copy.barcode))">\(copy.barcode)</a></td><td><a href="/books/\(copy.bookID)">\(copy.title)</a></td>
                <td>\(copy.borrower)</td><td>\(copy.due)\(overdue)</td><td>\(copy.location ?? copy.home)</td></tr>
                """
        }
        return """
            <h1>\(title)</h1>
            <table class="list"><thead><tr><th>Barcode</th><th>Title</th><th>Borrower</th><th>Due</th><th>Where</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    static func login(message: String?) -> HTML {
        let problem: HTML = message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>Sign in</h1>
            \(problem)
            <form class="login" action="/login" method="post">
            <label for="name">Name</label> <input id="name" name="name" autocomplete="username" required>
            <label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            """
    }

    static func logout(caller: Caller?) -> HTML {
        guard let caller else { return "<h1>Sign out</h1><p>You are not signed in. <a href=\"/login\">Sign in</a></p>" }
        return """
            <h1>Sign out</h1>
            <form action="/logout" method="post">
            <input type="hidden" name="csrf" value="\(caller.csrf)">
            <button type="submit">Sign out \(caller.account.name)</button>
            </form>
            """
    }

    static func failure(_ status: HTTPResponse.Status, _ message: String) -> HTML {
        "<h1>\(status.reasonPhrase)</h1><p class=\"error\">\(message)</p><p><a href=\"/\">Back to the catalogue</a></p>"
    }

    /// A timestamp's day and minute, as the CLI shows it.
    static func day(_ stamp: String) -> String {
        stamp.count >= 16 ? stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(5) : stamp
    }

    static func formValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
