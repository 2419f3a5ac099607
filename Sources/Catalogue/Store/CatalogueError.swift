import Foundation
import GRDB

/// Everything that can go wrong, in words a librarian can act on.
///
/// Each case renders as one line that says what happened and what to do
/// (`message`), and carries the exit code the command line reports. No raw
/// SQLite message or SQL text ever reaches a user: database errors are mapped
/// to these cases at the edge of the library.
public enum CatalogueError: Error, Equatable, Sendable {
    // Where the catalogue lives
    case noCatalogue(path: String)
    case notACatalogue(path: String)
    /// A file given to `restore` that is not a lawcat catalogue.
    case notABackup(path: String)
    case newerCatalogue(path: String)
    /// An older catalogue that cannot be upgraded as it stands (nothing was changed).
    case upgradeRefused(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case busy(path: String)

    // Books and copies
    case bookNotFound(String)
    case copyNotFound(barcode: String)
    case invalidField(field: String, value: String, reason: String)
    case barcodeTaken(barcode: String, title: String)
    case bookHasCopies(id: Int64, copies: Int)
    /// A command about one copy was given a book with none, or several.
    case notOneCopy(bookID: Int64, barcodes: [String])
    case nothingToChange

    // Files
    case fileNotFound(path: String)
    case invalidImport(problems: [ImportProblem], total: Int)
    case invalidFile(path: String, reason: String)
    /// A file that a command would replace (a backup), without --force.
    case alreadyExists(path: String)
    /// A book that one export format cannot hold (a field over MARC 21's 9,999 bytes).
    case notExportable(bookID: Int64, reason: String)

    // Circulation (refusals that the event log's triggers enforce)
    case refused(barcode: String, reason: Reason)
    /// A name that nobody has, given where only a known person will do.
    case personNotFound(name: String, closeNames: [String] = [])
    /// A new name close to known ones, refused as a likely typo.
    case unknownPerson(name: String, closeNames: [String])
    /// A name that someone already has; `merge` names the person a rename was of.
    case personExists(name: String, merge: String? = nil)
    case stocktakeNotFound(id: Int64)
    /// A stocktake of a location that no copy is homed or placed under.
    case unknownStocktakeLocation(path: String, closeNames: [String])
    /// A location that nobody has named.
    case locationNotFound(path: String, closeNames: [String])
    /// A stocktake that read no barcodes.
    case noScans

    // Accounts (`lawcat users`, `lawcat serve`)
    case accountNotFound(name: String)
    case accountExists(name: String)

    /// Anything unexpected: still one line, never a trace.
    case unexpected(String)

    /// The message as the command line says it (and the JSON API, which speaks for it).
    public var message: String { message(.commandLine) }

    /// Reliability review: messages echo what the user gave (a date, a
    /// location, a barcode), which may hold line breaks or other control
    /// characters; they are shown as spaces so that an error stays one line.
    public func message(_ wording: Wording) -> String {
        String(String.UnicodeScalarView(text(wording).unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }))
    }

    private func text(_ wording: Wording) -> String {
        /// What to do next, in the reader's terms: a command to run, or a control on the page.
        func advise(_ commandLine: String, browser: String) -> String { wording == .browser ? browser : commandLine }
        switch self {
        case .noCatalogue(let path):
            return "no catalogue at \(path); create one with `lawcat init`, or name another with --db or LAWCAT_DB"
        case .notACatalogue(let path):
            return "\(path) is not a lawcat catalogue; name the right file with --db, or move this one aside"
        case .notABackup(let path):
            return "\(path) is not a lawcat catalogue, so there is nothing in it to restore; name a backup that `lawcat backup` made (nothing was changed)"
        case .newerCatalogue(let path):
            return "\(path) was made by a newer lawcat; upgrade lawcat to use it (nothing was changed)"
        case .upgradeRefused(let path, let reason):
            return "cannot upgrade the catalogue at \(path): \(reason) (nothing was changed)"
        case .cannotOpen(let path, let reason):
            return "cannot open the catalogue at \(path): \(reason); check the path and its permissions"
        case .cannotWrite(let path, let reason):
            return "cannot write to \(path): \(reason); nothing was changed"
        case .busy(let path):
            return "the catalogue at \(path) stayed busy with another lawcat for too long; try again"
        case .bookNotFound(let key):
            return "no book or copy matches '\(Self.shown(key))'; give a book id or a copy's barcode "
                + advise("(try `lawcat search`)", browser: "(try the search box)")
        case .copyNotFound(let barcode):
            return "no copy has the barcode '\(Self.shown(barcode))'; check the label, or find the book with "
                + advise("`lawcat search`", browser: "the search box")
        case .invalidField(let field, let value, let reason):
            return "invalid \(field) '\(value.prefix(80))': \(reason)"
        case .barcodeTaken(let barcode, let title):
            // An import of a file whose book was corrected since meets this too: the copy is the same.
            return "barcode \(barcode) already belongs to '\(title.prefix(80))'; use another barcode, or, if it is that copy"
                + " and its book's details have changed, change them with "
                + advise("`lawcat edit \(barcode)`", browser: "the command line's lawcat edit")
        case .bookHasCopies(let id, let copies):
            return "book \(id) still has \(copies) \(copies == 1 ? "copy" : "copies") (withdrawn ones count: their history stays), so it cannot be deleted; to take a copy off the shelves, use `lawcat remove BARCODE`; for a book catalogued twice, `lawcat merge \(id) OTHER-ID`"
        case .notOneCopy(let id, let barcodes) where barcodes.isEmpty:
            return "book \(id) has no copies; add one with `lawcat edit \(id) --copy BARCODE --at LOCATION`"
        case .notOneCopy(let id, let barcodes):
            let shown = barcodes.prefix(10).joined(separator: ", ") + (barcodes.count > 10 ? ", …" : "")
            return "book \(id) has \(barcodes.count) copies (\(shown)); give one copy's barcode"
        case .nothingToChange:
            return "nothing to change; give at least one option such as --title or --author"
        case .fileNotFound(let path):
            return "no file at \(path); check the path"
        case .notExportable(let id, let reason):
            return "book \(id) cannot be written as MARC 21: \(reason); export it as MARCXML or CSV"
        case .invalidImport(let problems, let total):
            let shown = problems.prefix(20).map { $0.description }.joined(separator: "; ")
            let more = total > 20 ? "; and \(total - 20) more" : ""
            if problems.first?.place != nil {
                return "nothing imported: \(total) bad \(total == 1 ? "record" : "records"): \(shown)\(more); "
                    + "correct \(total == 1 ? "it" : "them"), or add --skip-bad to import the others"
            }
            return "nothing imported: \(total) bad \(total == 1 ? "row" : "rows"): \(shown)\(more)"
        case .invalidFile(let path, let reason):
            return "cannot read \(path): \(reason); nothing was changed"
        case .alreadyExists(let path):
            return "\(path) already exists; name another file, or add --force to replace it (nothing was changed)"
        case .refused(let barcode, let reason):
            return "\(barcode): " + advise(reason.commandLine, browser: reason.browser)
        case .unknownStocktakeLocation(let path, let close):
            let hint = close.isEmpty
                ? advise("see the locations with `lawcat locations`", browser: "choose one of the locations the box suggests")
                : "did you mean \(close.joined(separator: ", "))?"
            return "no copy is homed or placed under \(path), so there is nothing to take stock of; \(hint) (nothing was recorded)"
        case .locationNotFound(let path, let close):
            // In the browser this refusal comes from a form with a 'New location' box (requireKnownLocation).
            let hint = close.isEmpty
                ? advise("see the locations with `lawcat locations`", browser: "choose one the box suggests, or tick 'New location' to add it")
                : "did you mean \(Self.either(close))?" + advise("", browser: " (tick 'New location' to add it)")
            return "no location is called \(path); \(hint)"
        case .noScans:
            return "no barcodes were read; nothing was recorded"
        case .stocktakeNotFound(let id):
            return "no stocktake has the id \(id); a stocktake's report gives its id"
        case .personNotFound(let name, let close) where !close.isEmpty:
            // In the browser this refusal comes from the desk, which has a new-person box (requireKnownPerson).
            return "nobody called '\(name)' is in the catalogue; did you mean \(Self.either(close))? "
                + advise("(see who is with `lawcat people`)", browser: "(tick 'The borrower is a new person' to add them)")
        case .personNotFound(let name, _):
            return "nobody called '\(name)' is in the catalogue; "
                + advise(
                    "see who is with `lawcat people`",
                    browser: "choose a name the Borrower box suggests, or tick 'The borrower is a new person' to add them")
        case .unknownPerson(let name, let close):
            return "nobody called '\(name)'; did you mean \(Self.either(close))? "
                + advise("(--new-person adds a new person)", browser: "(tick 'The borrower is a new person' to add them)")
        case .personExists(let name, let merge?):
            return "\(name) is already in the catalogue; to make them one person, use `lawcat people merge '\(merge)' '\(name)'`"
        case .personExists(let name, nil):
            return "\(name) is already in the catalogue; change their details with `lawcat people edit '\(name)'`"
        case .accountNotFound(let name):
            return "no account is called '\(name)'; see the accounts with `lawcat users list`"
        case .accountExists(let name):
            return "an account called '\(name)' already exists; choose another name, or change its password with `lawcat users password`"
        case .unexpected(let what):
            return "unexpected problem: \(what)"
        }
    }

    /// What the user typed, as an error echoes it: at most 80 characters, so
    /// that a scanner's runaway line (100,000 characters of it, once) still
    /// makes a one-line error a terminal can show.
    public static func shown(_ value: String) -> String {
        value.count > 80 ? value.prefix(80) + "…" : value
    }

    /// "A", "A or B", "A, B or C".
    public static func either(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// 1: not found or refused; 64: a usage mistake; 74: the catalogue or a
    /// file could not be read or written; 70: unexpected.
    public var exitCode: Int32 {
        switch self {
        case .noCatalogue, .notACatalogue, .notABackup, .newerCatalogue, .upgradeRefused, .cannotOpen, .cannotWrite, .busy:
            return 74
        case .invalidField, .nothingToChange, .notOneCopy:
            return 64
        case .unexpected:
            return 70
        default:
            return 1
        }
    }
}

/// Who reads a message. The command line (and the JSON API, whose errors are
/// the command line's) names the command or option that puts a refusal right;
/// the server's pages name their own controls instead, because a librarian at
/// the browser's desk has no terminal to type `lawcat checkin` into.
public enum Wording: Sendable {
    case commandLine
    case browser
}

/// Why a change was refused, in both wordings (see `Wording`). Most reasons
/// name no command, and a plain string serves both.
public struct Reason: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var commandLine: String
    public var browser: String

    public init(commandLine: String, browser: String) {
        self.commandLine = commandLine
        self.browser = browser
    }

    public init(_ both: String) { self.init(commandLine: both, browser: both) }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    public var description: String { commandLine }
}

/// One bad row of an import: its line number in the file and why. A record
/// of a MARC file is named by its number and where it starts instead (`place`).
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible, Encodable {
    public var line: Int
    public var reason: String
    public var place: ImportPlace? = nil

    public var description: String {
        guard let place else { return "line \(line): \(reason)" }
        if let offset = place.offset { return "record \(place.record) at byte \(offset): \(reason)" }
        if let line = place.line { return "record \(place.record) at line \(line): \(reason)" }
        return "record \(place.record): \(reason)"
    }

    enum CodingKeys: String, CodingKey { case line, record, offset, reason }

    /// `{line, reason}` for a CSV row; `{record, offset, reason}` (MARCXML: `{record, line, reason}`) for a record.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let place {
            try c.encode(place.record, forKey: .record)
            try c.encodeIfPresent(place.offset, forKey: .offset)
            try c.encodeIfPresent(place.line, forKey: .line)
        } else {
            try c.encode(line, forKey: .line)
        }
        try c.encode(reason, forKey: .reason)
    }
}

extension CatalogueError {
    /// Maps any error thrown inside the library to a `CatalogueError`.
    static func wrap(_ error: any Error, path: String) -> CatalogueError {
        if let error = error as? CatalogueError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notACatalogue(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                return .cannotWrite(path: path, reason: "the file or its folder is read-only or missing")
            case .SQLITE_FULL:
                return .cannotWrite(path: path, reason: "the disk is full")
            case .SQLITE_IOERR:
                return .cannotWrite(path: path, reason: "an input/output error")
            default:
                // A CHECK that no caller mapped in context: still said in words (FailedCheck's).
                if let check = FailedCheck(error) {
                    return .unexpected(check.reason)
                }
                return .unexpected("the catalogue refused a change (\(error.resultCode.description)); run `lawcat check`")
            }
        }
        return .unexpected(String(describing: type(of: error)))
    }
}
