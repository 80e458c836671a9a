import Testing
@testable import ResoDiff

/// The byte-range rewording pipeline (`TokenRanges`, `WordDiffBuffers`,
/// `RewordingClassifier.Context`) against the substring pipeline it
/// replaced (`RewordingReference.swift`), on seeded random texts.
@Suite("Rewording equivalence")
struct RewordingEquivalenceTests {
    /// Words, technical tokens, punctuation with and without spaces, and
    /// non-ASCII text: accents (composed and decomposed), Kelvin sign, curly
    /// quotes, dashes, CJK, emoji, long words past the interner's cache.
    static let pieces = [
        "the", "The", "of", "and", "General", "Assembly", "States", "Member", "resolution", "session",
        "seventy-fifth", "seventy-seventh", "2020", "2022", "A/75/399", "75/68", "1,000", "37th", "December",
        "January", "meeting", "plenary", "paragraph", "report", "annex", "non-proliferation", "Urges",
        "Encourages", "Requests", "Calls", "upon", "strongly", "also", ",", ";", ".", ":", "(", ")", "%",
        "full%", "%and", "“a State’s rights”", "’", "—", "-", "/", "Côte", "d’Ivoire", "Cote\u{301}",
        "Türkiye", "\u{212A}elvin", "Kelvin", "a;b", "a\u{037E}b", "日本", "😀", "café", "cafe\u{301}",
        String(repeating: "x", count: 70), String(repeating: "long", count: 20), "A", "B", "(a)", "x0",
    ]
    static let spaces = [" ", " ", " ", " ", "", "  ", "\n", "\u{A0}"]
    static let openings: [String?] = [nil, "Urges", "Encourages", "Requests", "Calls upon", "Strongly urges",
                                      "Notes", "Decides", "Welcomes also", "urges", ""]

    static func text(_ rng: inout SplitMix64, words: Int) -> String {
        var s = ""
        for _ in 0..<words {
            s += spaces.randomElement(using: &rng)!
            s += pieces.randomElement(using: &rng)!
        }
        return s
    }

    /// A variant of `text`: some tokens replaced, dropped, added or respaced.
    static func variant(of text: String, _ rng: inout SplitMix64) -> String {
        var parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            let k = parts.isEmpty ? 0 : Int.random(in: 0..<parts.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where !parts.isEmpty: parts[k] = pieces.randomElement(using: &rng)!
            case 1 where !parts.isEmpty: parts.remove(at: k)
            case 2: parts.insert(pieces.randomElement(using: &rng)!, at: k)
            default: if !parts.isEmpty { parts[k] += pieces.randomElement(using: &rng)! }
            }
        }
        return parts.joined(separator: spaces.randomElement(using: &rng)!)
    }

    @Test("word diffs and rewordings equal the substring pipeline's, fresh and with a shared context")
    func randomPairs() {
        var rng = SplitMix64(seed: 0xA11C_0003)
        var shared = RewordingClassifier.Context()
        var seen = Set<Rewording.Category>(), spacingOnly = 0
        for round in 0..<3000 {
            let old = Self.text(&rng, words: Int.random(in: 0...(round % 10 == 0 ? 120 : 25), using: &rng))
            let new = Int.random(in: 0..<4, using: &rng) == 0
                ? Self.text(&rng, words: Int.random(in: 0...25, using: &rng))
                : Self.variant(of: old, &rng)
            let oldOpening = Self.openings.randomElement(using: &rng)!
            let newOpening = Bool.random(using: &rng) ? oldOpening : Self.openings.randomElement(using: &rng)!
            let similarity = Double.random(in: 0...1, using: &rng)

            #expect(WordDiff.edits(from: old, to: new) == ReferenceWordDiff.edits(from: old, to: new),
                    "word diff of \(old.debugDescription) → \(new.debugDescription)")
            let expected = ReferenceRewording.rewording(old: old, new: new, oldOpening: oldOpening,
                                                        newOpening: newOpening, similarity: similarity)
            let fresh = RewordingClassifier.rewording(old: old, new: new, oldOpening: oldOpening,
                                                      newOpening: newOpening, similarity: similarity)
            seen.insert(expected.category)
            if WordDiff.sameWords(Token.tokenize(old), Token.tokenize(new)) && old != new { spacingOnly += 1 }
            #expect(fresh == expected, "rewording of \(old.debugDescription) → \(new.debugDescription)")
            shared.load(old: old, new: new)
            #expect(shared.sameWords == WordDiff.sameWords(Token.tokenize(old), Token.tokenize(new)))
            let reused = RewordingClassifier.rewording(oldOpening: oldOpening, newOpening: newOpening,
                                                       similarity: similarity, context: &shared)
            #expect(reused == expected, "shared context: \(old.debugDescription) → \(new.debugDescription)")
        }
        // The random pairs reach every category, and spacing-only changes.
        #expect(seen == Set(Rewording.Category.allCases))
        #expect(spacingOnly > 10)
    }

    @Test("token ranges are the tokenizer's tokens")
    func ranges() {
        var rng = SplitMix64(seed: 0xA11C_0004)
        var interner = WordInterner(foldsCase: false)
        var ranges = TokenRanges()
        for _ in 0..<2000 {
            let text = Self.text(&rng, words: Int.random(in: 0...30, using: &rng))
            ranges.tokenize(text, interner: &interner)
            let tokens = Token.tokenize(text)
            #expect(ranges.tokens.map { String($0.text) } == tokens.map { String($0.text) })
            #expect(ranges.tokens.map(\.spaceBefore) == tokens.map(\.spaceBefore))
        }
    }
}

@Suite("Token scan over bytes")
struct TokenScanTests {
    @Test("every ASCII character and some others, in long and short runs: the reference tokenizer's tokens")
    func allASCII() {
        var rng = SplitMix64(seed: 0x70CE_0008)
        let ascii = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        let others = ["é", "e\u{301}", "’", "‐", "‑", "\u{A0}", "\u{2028}", "日本", "😀", "٣", "Ⅻ"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: text += ascii.randomElement(using: &rng)!
                case 1: text += others.randomElement(using: &rng)!
                default:
                    // A run of word characters, often longer than eight bytes.
                    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    text += String((0..<Int.random(in: 1...20, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
                }
            }
            let fast = Token.tokenize(text), slow = Reference.tokenize(text[...])
            #expect(fast.map { String($0.text) } == slow.map { String($0.text) }, "\(text.debugDescription)")
            #expect(fast.map(\.spaceBefore) == slow.map(\.spaceBefore), "\(text.debugDescription)")
        }
    }
}
