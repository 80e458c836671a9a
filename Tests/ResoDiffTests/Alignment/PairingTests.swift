import Testing
@testable import ResoDiff

@Suite("Pairing")
struct PairingTests {
    /// 210 paragraphs of ten words each, no word shared between paragraphs;
    /// the new side is the old one reversed, with one word changed in each.
    func reversedBags() -> (old: [WordBag], new: [WordBag]) {
        var interner = WordInterner()
        let texts = (0..<210).map { p in (0..<10).map { "w\(p)x\($0)" }.joined(separator: " ") }
        let old = texts.map { WordBag($0, interner: &interner) }
        let new = texts.reversed().map { WordBag($0.replacingOccurrences(of: "x0", with: "y0"), interner: &interner) }
        return (old, new)
    }

    @Test("candidates in a large stretch (through the word index) include pairs that cross")
    func candidatesCross() {
        let (old, new) = reversedBags()
        #expect(old.count * new.count > Pairing.allPairsLimit)
        let candidates = Pairing.candidates(old: old, new: new, threshold: 0.8)
        #expect(Set(candidates.map { "\($0.old)-\($0.new)" }) == Set((0..<210).map { "\($0)-\(209 - $0)" }))
    }

    @Test("the pairing of a stretch keeps document order: crossing pairs are not chained")
    func chainKeepsOrder() {
        let (old, new) = reversedBags()
        let pairs = Pairing.pairs(old: old, new: new, threshold: 0.8)
        #expect(pairs.count == 1)
    }
}
