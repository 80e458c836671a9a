import Testing
@testable import ResoDiff

/// The classifier's label counter against a dictionary of strings.
@Suite("Label uses")
struct LabelUsesTests {
    @Test("counts as a dictionary of strings does, packed or not, through growth", arguments: [1, 2, 3] as [UInt64])
    func againstDictionary(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 500)
        let parts = ["OP", "PP", "P", "H", "A.", "B.", "Annex", "Annex I", "Closing", "Chapeau", "(b)", "(iv)", "(aa)",
                     "é", "Ω", "e\u{301}", "\u{E9}", "1", "12", "123", "7", "0", "(", ")", "."]
        var uses = LabelUses(capacity: 4)  // grows many times
        var expected: [String: Int] = [:]
        for _ in 0..<20_000 {
            var label = ""
            for _ in 0..<Int.random(in: 1...6, using: &rng) { label += parts.randomElement(using: &rng)! }
            let count = uses.use(label)
            expected[label, default: 0] += 1
            #expect(count == expected[label], "\(label.debugDescription)")
        }
        #expect(expected.keys.contains { $0.utf8.count > 15 } && expected.keys.contains { $0.utf8.count == 15 })
        #expect(expected.values.contains { $0 > 3 })
    }

    @Test("labels that differ only in length or in their last byte are apart; equal strings meet")
    func edges() {
        var uses = LabelUses(capacity: 8)
        #expect(uses.use("OP1") == 1)
        #expect(uses.use("OP1") == 2)
        #expect(uses.use("OP10") == 1)
        #expect(uses.use("123456789012345") == 1)
        #expect(uses.use("1234567890123456") == 1)
        #expect(uses.use("123456789012346") == 1)
        #expect(uses.use("123456789012345") == 2)
        // Canonically equivalent strings are one label, as they are one dictionary key.
        #expect(uses.use("P\u{E9}") == 1)
        #expect(uses.use("Pe\u{301}") == 2)
        #expect(LabelUses.packed("OP1") != nil && LabelUses.packed("P\u{E9}") == nil)
        #expect(LabelUses.packed("1234567890123456") == nil)
    }
}
