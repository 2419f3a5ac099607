// The kinds of event in a copy's log, as the event table stores them: one
// type, so that no command spells a kind as a string of its own.
import GRDB

/// What happened to a copy: one entry of its event log.
public enum EventKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The copy joined the catalogue, at its home.
    case added
    /// Lent to a person (and perhaps taken to a place).
    case checkedOut = "checked-out"
    /// Back from loan, at its home or where it was put.
    case returned
    /// Now sits somewhere else (its home does not change).
    case moved
    /// Someone saw it somewhere.
    case seen
    /// Reported missing; its last sighting stays as it was.
    case missing
    /// A missing copy turned up.
    case found
    /// Gone for good; its history stays.
    case withdrawn
    /// A loan extended: the new due date (the borrower named).
    case renewed
    /// Earlier events undone: the copy put back as it was before them.
    case undone
    /// Given a new home (it stays where it is).
    case rehomed
    /// Moved from a book catalogued twice to the record it was merged into.
    case merged
    /// An overdue reminder written to its borrower.
    case reminded

    /// Whether an event of this kind is an action on the copy that an undo
    /// may take back: a merge and a reminder change nothing of its state, so
    /// an undo goes past them to the action before.
    public var isAction: Bool { self != .merged && self != .reminded }

    /// Whether an event of this kind says where the copy was seen: the copy's
    /// last sighting (`Sighting`) is the latest such event.
    public var isSighting: Bool {
        switch self {
        case .added, .checkedOut, .returned, .moved, .seen, .found: true
        case .missing, .withdrawn, .renewed, .undone, .rehomed, .merged, .reminded: false
        }
    }
}

extension CopyStatus: DatabaseValueConvertible {}
