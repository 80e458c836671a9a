import Testing
@testable import ResoDiff

@Suite("Parse report")
struct ParseReportTests {
    @Test("JSON strings are escaped")
    func escaping() {
        #expect(ParseReport.quoted("a\"b\\c\nd\te\u{01}“f”") == "\"a\\\"b\\\\c\\nd\\te\\u0001“f”\"")
    }

    @Test("reports are deterministic and end in a newline")
    func deterministic() {
        let text = "The General Assembly,\n\nRecalling its resolution,1\n\n__________\n1 A/75/1.\n\n1. Urges all;"
        let a = Resolution(parsing: text), b = Resolution(parsing: text)
        #expect(ParseReport.json(a) == ParseReport.json(b))
        #expect(ParseReport.text(a) == ParseReport.text(b))
        #expect(ParseReport.json(a).hasSuffix("}\n"))
        #expect(ParseReport.text(a).contains("[1] A/75/1."))
    }

    @Test("a fallback parse reports its notice")
    func notice() {
        let r = Resolution(parsing: "Minutes of the meeting\n\nThe meeting rose at noon.")
        expectGolden(ParseReport.text(r) + "\n" + ParseReport.json(r), named: "parse-not-a-resolution", ext: "txt")
    }

    /// The byte-level preview against the character-level one it fronts, on
    /// random text with single and double spaces, non-ASCII words and
    /// combining marks after spaces.
    @Test("the preview agrees with the character-level split", arguments: [UInt64(1), 2, 3, 4])
    func preview(seed: UInt64) {
        func reference(_ text: String) -> String {
            let words = text.split(separator: " ", maxSplits: ParseReport.previewWords, omittingEmptySubsequences: true)
            var preview = words.prefix(ParseReport.previewWords).joined(separator: " ")
            if words.count > ParseReport.previewWords { preview += " …" }
            return preview
        }
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "Urges", "the", "États", "e\u{301}", " ", " ", " ", "  ", "\u{301}", "—", "1.", "(a)"]
        var texts = ["", " ", "a", "a b c d e f g h", "a b c d e f g h i", "a b c d e f g h ", " a b c d e f g h i j",
                     "a b c d e f g h \u{301}i j", "a b c d e f g h \u{301}", "a b c d e f g h é"]
        for _ in 0..<4000 {
            texts.append((0..<Int(rng.next() % 24)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(ParseReport.preview(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
