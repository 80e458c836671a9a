import Testing
@testable import ResoDiff

@Suite("Paragraph")
struct ParagraphTests {
    @Test("the key is the text's comparison key, however it is held")
    func keyIsDerived() {
        for text in ["Recalling its resolution 75/68,", "Urges all States to act;", "Decides to remain seized of the matter.",
                     "Notes “the report” — with concern,", "Welcomes the *progress* made", "Recalling also and", ""] {
            let p = Paragraph(kind: .preambular, label: "PP1", text: text)
            #expect(p.key == TextNormalizer.comparisonKey(text))
        }
        // Plain ASCII display text is held as a length: no string of its own.
        let plain = Paragraph(kind: .operative, label: "OP1", text: "Urges all States to act;")
        let count = "Urges all States to act".utf8.count
        #expect(plain.comparisonKey == .prefix(count, hash: UTF8Scan.withBytes("Urges all States to act", StringInterner.asciiHash)!))
        let curly = Paragraph(kind: .operative, label: "OP1", text: "Urges “all” States;")
        #expect(curly.comparisonKey == .folded("Urges \"all\" States"))
    }

    @Test("equality and hashing follow the key's value, not how it is held")
    func equalityByValue() {
        let a = Paragraph(kind: .operative, label: "OP1", text: "Urges all States to act;")
        var b = a
        b.key = a.key  // the same key, now held as a string
        #expect(b.comparisonKey != a.comparisonKey)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = a
        c.key = "something else"
        #expect(c.key == "something else")
        #expect(a != c)
        var d = c
        d.text = "Urges all States to act now;"  // derives the key again
        #expect(d.key == "Urges all States to act now")
        #expect(a != d)
    }
}
