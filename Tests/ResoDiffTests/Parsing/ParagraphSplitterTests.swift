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

    @Test("a cut after clause punctuation holds across a long gap of spaces and markup")
    func longGaps() {
        // The splitter jumps between clause punctuation; a gap of any length after it
        // still leaves the punctuation as the last significant byte.
        let gap = String(repeating: " ", count: 12)
        #expect(ParagraphSplitter.split("Noting the report," + gap + "1. Requests a report;")
            == ["Noting the report,", "1. Requests a report;"])
        #expect(ParagraphSplitter.split("Requests the Secretary-General:" + gap + "** (a) To report;")
            == ["Requests the Secretary-General:" + gap + "**", "(a) To report;"])
        #expect(ParagraphSplitter.split("Recalling its resolutions," + gap + "*Recognizing* the interest,")
            == ["Recalling its resolutions,", "*Recognizing* the interest,"])
        for text in ["Noting the report," + gap + "1. Requests;", "Requests:" + gap + "** (a) To report;",
                     "Recalling its resolutions," + gap + "*Recognizing* the interest,", "Recalling it," + gap + "Noting it,"] {
            #expect(ParagraphSplitter.split(text) == Reference.split(text), "\(text)")
        }
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
