import Testing
@testable import ResoDiff

@Suite("Report vocabulary")
struct ReportVocabularyTests {
    @Test("headlines name labels and kinds as drafters do")
    func headlines() {
        let headlines = RenderingFixtures.sample.changes.map(ReportVocabulary.headline(of:))
        #expect(headlines == [
            "Chapeau", "PP1 reworded", "PP2 added", "PP3 (was PP2)", "OP1 reworded", "OP6 moved to OP2",
            "OP2 split into OP3, OP4", "OP3 removed", "OP4, OP5 merged into OP5", "OP6 (was OP7) reworded",
        ])
    }

    @Test("category notes carry the verb change and its direction")
    func categoryNotes() {
        let verb = VerbChange(old: "Encourages", new: "Urges", direction: .stronger)
        #expect(ReportVocabulary.categoryNote(Rewording(category: .verb, similarity: 0.9, words: [], verb: verb))
            == "verb: encourages → urges, stronger")
        #expect(ReportVocabulary.categoryNote(Rewording(category: .substantive, similarity: 0.9, words: [], verb: verb))
            == "substantive; verb: encourages → urges, stronger")
        let neutral = VerbChange(old: "Notes", new: "Takes note of", direction: .neutral)
        #expect(ReportVocabulary.categoryNote(Rewording(category: .verb, similarity: 0.9, words: [], verb: neutral))
            == "verb: notes → takes note of")
    }

    @Test("golden: the text report uses the shared vocabulary")
    func textGolden() {
        expectGolden(TextRenderer().render(RenderingFixtures.sample), named: "TextRenderer-sample", ext: "txt")
    }

    @Test("similarity has exactly three decimals", arguments: [
        (0.0, "0.000"), (1.0, "1.000"), (0.5, "0.500"), (5.0 / 7.0, "0.714"), (0.0625, "0.063"),
        (0.9999, "1.000"), (-0.1, "0.000"), (1.5, "1.000"), (Double.nan, "0.000"),
    ])
    func similarityFormat(value: Double, text: String) {
        #expect(ReportVocabulary.similarityText(value) == text)
    }
}
