import Testing
@testable import ResoDiff

@Suite("Paragraph splitter")
struct ParagraphSplitterTests {
    @Test("glued at markup, after a chapeau, before a number, before a sub-paragraph")
    func cuts() {
        #expect(ParagraphSplitter.split("The General Assembly,**Recalling* its resolutions,*Recognizing* the interest,")
            == ["The General Assembly,", "*Recalling* its resolutions,", "*Recognizing* the interest,"])
        #expect(ParagraphSplitter.split("1. *Urges* all States;") == ["1. *Urges* all States;"])
        #expect(ParagraphSplitter.split("Noting the report, 1. Requests a report; 2. Decides to continue.")
            == ["Noting the report,", "1. Requests a report;", "2. Decides to continue."])
        #expect(ParagraphSplitter.split("Requests the Secretary-General: (a) To report; (b) To convene;")
            == ["Requests the Secretary-General:", "(a) To report;", "(b) To convene;"])
    }

    @Test("ordinary commas do not cut")
    func ordinaryCommas() {
        let text = "Recalling its resolution 74/50, in particular paragraph 3, and noting that States, Member or not, Welcoming Committee members agree,"
        #expect(ParagraphSplitter.split(text).count == 2)  // only before "Welcoming", a participle after ", "
        #expect(ParagraphSplitter.split("Urges all States, Recalling that, to act;").count == 1)  // not a preamble
    }

    @Test("chapeaus", arguments: ["The General Assembly,", "The Security Council,", "The Economic and Social Council,"])
    func chapeaus(_ s: String) {
        #expect(ParagraphSplitter.isChapeau(s))
    }
}
