import Testing
@testable import ResoDiff

@Suite("SharedCounter")
struct SharedCounterTests {
    @Test("shared counts and similarities equal the merge's, on seeded random bags with repeats")
    func againstMerge() {
        var rng = SplitMix64(seed: 0x5AED_C0DE)
        var interner = WordInterner()
        let vocabulary = (0..<40).map { "w\($0)" } + ["the", "The", "of", "and", "Kelvin", "\u{212A}elvin", "café"]
        let bags = (0..<120).map { _ -> WordBag in
            let words = (0..<Int.random(in: 0...30, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
            return WordBag(words.joined(separator: " "), interner: &interner)
        }
        var top: Int32 = -1
        for bag in bags { if let last = bag.ids.last { top = max(top, last) } }
        var counter = SharedCounter()
        counter.reserve(top: top)
        for a in bags {
            counter.load(a)
            for b in bags {
                let shared = counter.sharedCount(with: b)
                #expect(shared == a.sharedCount(with: b))
                #expect(a.similarity(to: b, shared: shared) == a.similarity(to: b))
            }
            counter.unload(a)
        }
    }
}
