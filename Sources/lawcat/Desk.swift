import Foundation

/// The desk where returned copies are put: `LAWCAT_DESK`, e.g.
/// `London/Library/Returns`. A copy handed in goes on the returns trolley of
/// the desk that took it, not straight to its home (which may be in another
/// office); unset, a return goes to the copy's home.
enum Desk {
    static var location: String? {
        guard let desk = ProcessInfo.processInfo.environment["LAWCAT_DESK"]?.trimmingCharacters(in: .whitespaces),
            !desk.isEmpty
        else { return nil }
        return desk
    }
}
