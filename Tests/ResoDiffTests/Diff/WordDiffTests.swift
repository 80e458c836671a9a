import Foundation
import Testing
@testable import ResoDiff

@Suite("Word diff and semantic cleanup")
struct WordDiffTests {
    /// The old and new texts a word diff describes.
    func sides(_ edits: [WordEdit]) -> (old: String, new: String) {
        (edits.filter { $0.operation != .insert }.map(\.text).joined(),
         edits.filter { $0.operation != .delete }.map(\.text).joined())
    }

    @Test("tokens: words keep hyphens, slashes and apostrophes; punctuation stands alone")
    func tokens() {
        let tokens = Token.tokenize("non-proliferation, A/75/399 and “a State’s rights”; 1,000.").map { String($0.text) }
        #expect(tokens == ["non-proliferation", ",", "A/75/399", "and", "“", "a", "State’s", "rights", "”", ";", "1,000", "."])
    }

    @Test("white space and line wrapping are not changes")
    func whitespace() {
        let edits = WordDiff.edits(from: "Urges all\n   States  parties", to: "Urges all States parties")
        #expect(edits == [WordEdit(.equal, "Urges all States parties")])
    }

    @Test("both texts can be rebuilt from the runs", arguments: [
        ("Urges all States to act", "Calls upon all Member States to act now"),
        ("", "Recalling its resolution"),
        ("Recalling its resolution", ""),
        ("a b c d e f", "f e d c b a"),
        // Spacing next to punctuation differs: found by the pipeline fuzzer.
        ("full% and strict implementation", "full%and strict implementation"),
        ("States , and Nations", "States, and Nations"),
        ("Recalling ( a ) the", "Recalling (a) the report"),
    ])
    func rebuild(old: String, new: String) {
        let edits = WordDiff.edits(from: old, to: new)
        #expect(sides(edits).old == old)
        #expect(sides(edits).new == new)
    }

    @Test("a text script repaired for spacing: matched tokens spaced differently become edits, and it still turns old into new")
    func repairedScript() {
        var random = SplitMix64(seed: 0x5EED_0008)
        for _ in 0..<300 {
            // Text ids from a small alphabet; a spaced id is the text id with a spacing bit.
            let ta = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int32.random(in: 0..<4, using: &random) }
            let tb = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int32.random(in: 0..<4, using: &random) }
            let spacedA = ta.map { $0 * 2 + Int32.random(in: 0...1, using: &random) }
            let spacedB = tb.map { $0 * 2 + Int32.random(in: 0...1, using: &random) }
            let script = WordDiff.repaired(diff(ids: ta, tb), spacedA, spacedB)
            #expect(script.applying(to: spacedA, inserting: spacedB) == spacedB, "\(ta) \(tb)")
            for run in script.runs where run.operation == .equal {
                #expect(spacedA[run.old] == spacedB[run.new], "\(ta) \(tb)")
            }
        }
    }

    @Test("two long unrelated texts past the cost bound, spaced unlike each other: both rebuild from the runs")
    func longUnrelatedTexts() {
        var random = SplitMix64(seed: 0x5EED_0009)
        let words = ["peace", "security", "States", "%", ",", "rights", "(", ")", "peace"]
        func text() -> String {
            var out = "peace"
            for _ in 0..<1_500 {
                let word = words.randomElement(using: &random)!
                // Punctuation sometimes stands apart and sometimes not: the same token, spaced two ways.
                out += (word.count == 1 && Bool.random(using: &random) ? "" : " ") + word
            }
            return out
        }
        let old = text(), new = text()
        // The path under test: more edits than the cost bound, and tokens spaced two ways.
        let (a, b) = (Token.tokenize(old), Token.tokenize(new))
        var interner = WordInterner(foldsCase: false)
        let ids = { (tokens: [Token]) in tokens.map { interner.id(of: $0.text) } }
        let (ia, ib) = (ids(a), ids(b))
        #expect(diff(ids: ia, ib).editCount > MyersDiff.defaultCostLimit(n: a.count, m: b.count))
        let edits = WordDiff.edits(from: old, to: new)
        #expect(sides(edits).old == old)
        #expect(sides(edits).new == new)
    }

    @Test("a change of spacing only is the same words, but shows in the runs")
    func spacingOnly() {
        let old = "full% and strict", new = "full%and strict"
        #expect(WordDiff.sameWords(Token.tokenize(old), Token.tokenize(new)))
        #expect(!WordDiff.sameWords(Token.tokenize(old), Token.tokenize("full% or strict")))
        let edits = WordDiff.edits(from: old, to: new)
        #expect(sides(edits).old == old && sides(edits).new == new)
    }

    @Test("a lone short word between two edits is folded into them")
    func semanticCleanup() {
        let edits = WordDiff.edits(
            from: "Notes with appreciation the efforts and the work of the Commission",
            to: "Welcomes wholeheartedly the initiatives and the proposals of the Commission")
        // No equality of three characters or less may stand between two edits.
        for (index, edit) in edits.enumerated() where edit.operation == .equal && index > 0 && index < edits.count - 1 {
            #expect(edit.text.trimmingCharacters(in: .whitespaces).count > 3, "lone equality \(edit.text) left standing")
        }
        #expect(sides(edits).old == "Notes with appreciation the efforts and the work of the Commission")
        #expect(sides(edits).new == "Welcomes wholeheartedly the initiatives and the proposals of the Commission")
        #expect(edits.last == WordEdit(.equal, " of the Commission"))
    }

    @Test("a long equality between edits stays")
    func longEqualityStays() {
        let edits = WordDiff.edits(
            from: "Urges all States parties to arms control, disarmament and non-proliferation treaties to comply",
            to: "Calls upon all States parties to arms control, disarmament and non-proliferation treaties to adhere")
        #expect(edits.map(\.operation) == [.delete, .insert, .equal, .delete, .insert])
    }
}
