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

    /// Whether an event of this kind says where the copy was seen: the copy's
    /// last sighting (`Sighting`) is the latest such event.
    public var isSighting: Bool {
        switch self {
        case .added, .checkedOut, .returned, .moved, .seen, .found: true
        case .missing, .withdrawn: false
        }
    }
}

extension CopyStatus: DatabaseValueConvertible {}
