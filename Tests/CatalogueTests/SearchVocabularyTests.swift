@testable import Catalogue
import Testing

@Suite("Search: the correction index")
struct SearchVocabularyTests {
    @Test("Given mixed text, when its words are folded byte by byte, then they equal the full Unicode split")
    func fastSplitMatchesFullSplit() {
        let texts = [
            "Chitty on Contracts, 35th ed. (2023)", "Müller-Bullinger, Alexandra", "Zvi︠a︡gint︠s︡ev, A. G",
            "Rossiĭskie prokurory", "Zakonodatelʹstvo — “quoted” words’ end", "[\"Beale, H. G.\",\"Treitel\"]",
            "Ægypt ÉCOLE naïve façade 1999 12345 abc", "Trois notaires de Iean Papon",
        ]
        for text in texts {
            var fast = Set<String>()
            Vocabulary.addWords(of: text, to: &fast)
            let full = Set(Words.split(Vocabulary.fold(text)).filter(Vocabulary.isIndexable))
            #expect(fast == full, "\(text)")
        }
    }

    @Test("Given typed words, then corrections respect the edit limits by length")
    func editLimits() {
        #expect(Vocabulary.allowedEdits("law") == 0)
        #expect(Vocabulary.allowedEdits("trust") == 1)
        #expect(Vocabulary.allowedEdits("contract") == 1)
        #expect(Vocabulary.allowedEdits("contracts") == 2)
        func distance(_ a: String, _ b: String) -> Int {
            EditDistance.between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 3)
        }
        #expect(distance("contract", "contarct") == 1)  // swap
        #expect(distance("contract", "contrat") == 1)  // deletion
        #expect(distance("contract", "conttract") == 1)  // insertion
        #expect(distance("contract", "kontract") == 1)  // substitution
        #expect(distance("corporation", "xorporatiomn") == 2)
        #expect(distance("corporations", "xorporatiomn") == 3)
    }
}
