import Testing
@testable import ResoDiff

@Suite("Word interner")
struct WordInternerTests {
    /// Words that are equal in several ways: case (ASCII and not), canonical
    /// equivalence (composed and decomposed accents), the Kelvin sign, a
    /// dotted capital I (whose lowercase is two scalars), and words over the
    /// cache's 64 bytes.
    static let vocabulary: [String] = [
        "states", "States", "STATES", "état", "État", "e\u{301}tat", "E\u{301}tat", "Призывает", "призывает",
        "ПРИЗЫВАЕТ", "呼吁", "\u{212A}elvin", "kelvin", "Kelvin", "İstanbul", "i\u{307}stanbul", "istanbul",
        "Straße", "STRASSE", "strasse", "résolution", "re\u{301}solution", "Αθήνα", "αθήνα",
        String(repeating: "é", count: 40), String(repeating: "É", count: 40), String(repeating: "a", count: 70),
        String(repeating: "A", count: 70), "x", "",
    ]

    @Test("ids are the plain interner's, through the cache or not", arguments: [false, true])
    func idsMatchInterner(foldsCase: Bool) {
        var rng = SplitMix64(seed: foldsCase ? 1 : 2)
        var interner = WordInterner(foldsCase: foldsCase)
        var reference = Interner<Substring>()
        for k in 0..<4000 {
            let word = Self.vocabulary.randomElement(using: &rng)!
            let expected = reference.id(foldsCase ? word.lowercased()[...] : word[...])
            let id: Int32
            if k % 2 == 0 {
                id = interner.id(of: word[...])
            } else {
                id = UTF8Scan.withBytes(word) { interner.id(of: $0) { word[...] } }
            }
            #expect(id == expected, "\(word.debugDescription)")
        }
    }
}
