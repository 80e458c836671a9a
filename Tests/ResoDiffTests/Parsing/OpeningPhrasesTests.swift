import Testing
@testable import ResoDiff

@Suite("Opening phrases")
struct OpeningPhrasesTests {
    @Test("longest match wins, modifiers and adverbs included", arguments: [
        ("Recalling its resolution", "Recalling"),
        ("Recalling also its resolution", "Recalling also"),
        ("Stressing also the importance", "Stressing also"),
        ("Noting with concern that", "Noting with concern"),
        ("Noting also with appreciation the", "Noting also with appreciation"),
        ("Deeply concerned by", "Deeply concerned"),
        ("Bearing in mind that", "Bearing in mind"),
        ("Having taken note of", "Having taken note"),
        ("Taking into account the", "Taking into account"),
        ("Calls upon all States", "Calls upon"),
        ("Calls for continued efforts", "Calls for"),
        ("Strongly urges all States", "Strongly urges"),
        ("Further requests the Secretary-General", "Further requests"),
        ("Expresses the need to maintain", "Expresses the need"),
        ("Takes note with appreciation of", "Takes note with appreciation"),
        ("Recognizing in this context that", "Recognizing"),
        ("Urges* all States", "Urges"),
    ])
    func matches(_ text: String, _ phrase: String) {
        let m = OpeningPhrases.match(in: Substring(text))
        #expect(m?.phrase == phrase)
        #expect(m?.length == phrase.count)
    }

    @Test("no match: lowercase first letter, other words, a longer word", arguments: [
        "noting the role", "Strengthening and developing", "Noteworthy efforts", "Considered", "", "The General Assembly,",
    ])
    func noMatch(_ text: String) {
        #expect(OpeningPhrases.match(in: Substring(text)) == nil)
    }

    @Test("category tells preambular participles from operative verbs")
    func category() {
        #expect(OpeningPhrases.category(of: "Welcoming the report") == .preambular)
        #expect(OpeningPhrases.category(of: "Welcomes the report") == .operative)
        #expect(OpeningPhrases.category(of: "Considering that") == .preambular)
        #expect(OpeningPhrases.category(of: "Considers that") == .operative)
        #expect(OpeningPhrases.category(of: "Minutes of the meeting") == nil)
    }
}
