// How books look on a terminal: a book in full with its copies, or one line a book.
import Catalogue

/// How books look on a terminal.
enum BookRendering {
    static func statusStyle(_ status: CopyStatus) -> Style {
        switch status {
        case .onShelf: .green
        case .onLoan: .yellow
        case .missing: .red
        case .withdrawn: .dim
        }
    }

    /// The style of a table cell that holds a status.
    static func statusCellStyle(_ cell: String) -> Style? {
        CopyStatus(rawValue: cell).map(statusStyle)
    }

    /// A book in full, then a table of its copies and where they are.
    static func details(_ details: BookDetails) -> String {
        let f = details.book.fields
        var lines = [Style.bold.apply(f.title)]
        if !f.authors.isEmpty { lines.append("  by " + f.authors.joined(separator: "; ")) }
        let facts = [f.edition, f.date, f.jurisdiction, f.isbn.map { "ISBN " + $0 }].compactMap { $0 }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
        if !f.subjects.isEmpty { lines.append("  subjects: " + f.subjects.joined(separator: "; ")) }
        lines.append("  book id \(details.id)")
        var text = lines.joined(separator: "\n") + "\n\n"
        if details.copies.isEmpty {
            text += "No copies. Add one with `lawcat edit \(details.id) --copy BARCODE --at LOCATION`.\n"
        } else {
            text += copyTable(details.copies)
        }
        return text
    }

    static func copyTable(_ copies: [CopySummary]) -> String {
        var table = Table("BARCODE", "STATUS", "NOW AT", "HOME", "BORROWER", "DUE")
        table.styles[1] = statusCellStyle
        for copy in copies {
            table.add(
                copy.barcode, copy.status.rawValue, copy.location ?? "unknown", copy.home, copy.borrower ?? "",
                copy.due ?? "")
        }
        return table.render()
    }

    /// One line a book: id, title, first author, date, jurisdiction, copies on the shelf.
    /// The edition is there because a law library keeps several of one work.
    /// `decorate` marks up the title, author and jurisdiction (search's highlighting).
    static func list(_ books: [BookDetails], decorate: ((String) -> String)? = nil) -> String {
        var table = Table("ID", "TITLE", "AUTHOR", "EDITION", "DATE", "JURISDICTION", "COPIES")
        if let decorate { for column in [1, 2, 5] { table.decorations[column] = decorate } }
        for details in books {
            let f = details.book.fields
            let onShelf = details.copies.filter { $0.status == .onShelf }.count
            let live = details.copies.filter { $0.status != .withdrawn }.count
            table.add(
                String(details.id), f.title.truncated(to: 60), (f.authors.first ?? "").truncated(to: 28),
                (f.edition ?? "").truncated(to: 12), f.date ?? "", (f.jurisdiction ?? "").truncated(to: 22), "\(onShelf)/\(live) on shelf")
        }
        return table.render()
    }
}
