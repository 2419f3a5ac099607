import Catalogue

/// The command a mistyped one was meant to be: `checkot` is `checkout`,
/// `serach` is `search`. swift-argument-parser would take an unknown word
/// for an argument of the root command and complain about what follows it
/// ("unknown option '--to'"), which hides the real slip.
enum CommandSuggestion {
    /// The known name (or alias) nearest to `typed`: a unique start of one
    /// (`hist` for `history`), else the closest by the search's edit distance,
    /// within 1 edit for names up to 4 letters and 2 for longer ones; ties go
    /// to the name listed first. Nil when nothing is close.
    static func nearest(to typed: String, among names: [String]) -> String? {
        let word = typed.lowercased()
        if word.count >= 3 {
            let starting = names.filter { $0.hasPrefix(word) }
            if starting.count == 1 { return starting[0] }
        }
        let letters = Array(word.unicodeScalars)
        var best: (name: String, distance: Int)?
        for name in names {
            let limit = name.count <= 4 ? 1 : 2
            let distance = EditDistance.between(letters, Array(name.unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (name, distance) }
        }
        return best?.name
    }
}
