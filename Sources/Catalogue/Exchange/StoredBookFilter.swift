/// The books an import into an empty catalogue has stored, as a Bloom filter
/// of their identities (the hash of their fields): a book the filter has not
/// seen is certainly new, and is inserted without looking it up. A book it may
/// have seen is looked up as usual, so a false alarm costs one look-up and
/// never a wrong answer.
///
/// Why: to tell a row's book from those already stored, an import asks
/// SQLite for a book with exactly its fields. In a catalogue that was empty,
/// nearly every answer is "none", and the questions were a fifth of storing a
/// chunk. A catalogue that already has books is asked about every book, as
/// the filter would have to read every stored book first.
///
/// 2^25 bits (4 MiB, whatever the file's size) and three probes a book: a
/// false alarm about once in 100,000 books at 241,203 books, and once in
/// 1,600 at a million.
struct StoredBookFilter {
    private static let bitCount: UInt64 = 1 << 25
    private static let probes: UInt64 = 3
    private var words = [UInt64](repeating: 0, count: Int(StoredBookFilter.bitCount / 64))

    func mayContain(_ identity: Int) -> Bool {
        let (h1, h2) = Self.halves(identity)
        for probe in 0..<Self.probes {
            let position = (h1 &+ probe &* h2) & (Self.bitCount - 1)
            if words[Int(position >> 6)] & (1 << (position & 63)) == 0 { return false }
        }
        return true
    }

    mutating func insert(_ identity: Int) {
        let (h1, h2) = Self.halves(identity)
        for probe in 0..<Self.probes {
            let position = (h1 &+ probe &* h2) & (Self.bitCount - 1)
            words[Int(position >> 6)] |= 1 << (position & 63)
        }
    }

    /// The (well mixed) 64-bit hash's two halves, for the probes h1 + i * h2
    /// (Kirsch and Mitzenmacher's double hashing).
    private static func halves(_ identity: Int) -> (UInt64, UInt64) {
        let hash = UInt64(bitPattern: Int64(identity))
        return (hash & 0xFFFF_FFFF, (hash >> 32) | 1)
    }
}
