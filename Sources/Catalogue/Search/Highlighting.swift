// Which words of a found book's text a search matched, so that a front end
// can mark them: one rule, beside the folding that made the matched words.

extension SearchResult {
    /// Whether `word`, a run of letters and digits from a title, author or
    /// jurisdiction, is one this search matched: it starts with a matched word
    /// (`contracts` for `contract`), or is a matched word's stem, at most two
    /// letters short of it (`contract` for `contracts`). Compared folded, as
    /// the catalogue compares words.
    public func matches(word: String) -> Bool {
        let folded = Vocabulary.fold(word)
        return matchedWords.contains { m in
            folded.hasPrefix(m) || (m.count >= 4 && m.hasPrefix(folded) && folded.count >= m.count - 2)
        }
    }
}
