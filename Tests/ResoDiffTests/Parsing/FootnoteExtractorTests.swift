import Testing
@testable import ResoDiff

@Suite("Footnotes")
struct FootnoteExtractorTests {
    @Test("markers removed in their usual styles when the footnote exists", arguments: [
        ("the Status of Refugees,1 and", "the Status of Refugees, and"),
        ("Human Rights2 and", "Human Rights and"),
        ("human rights2 and", "human rights and"),
        ("the Protocol [1] thereto", "the Protocol thereto"),
        ("Nuclear Weapons, 1/ as amended", "Nuclear Weapons, as amended"),
        ("of 7 December 2020,1 and", "of 7 December 2020, and"),
        ("the agreements.1", "the agreements."),
        ("A/50/L.78 and Add.1", "A/50/L.78 and Add.1"),
        ("resolution 50/245 of", "resolution 50/245 of"),
        ("some 1,000 people", "some 1,000 people"),
        ("COVID-19 pandemic", "COVID-19 pandemic"),
    ])
    func markers(_ text: String, _ expected: String) {
        #expect(FootnoteExtractor.removingMarkers(from: text, known: ["1", "2"]) == expected)
    }

    @Test("a glued number is not a marker when no such footnote exists")
    func unknownMarker() {
        #expect(FootnoteExtractor.removingMarkers(from: "Refugees,3 and", known: ["1"]) == "Refugees,3 and")
    }

    @Test("a zone after a rule; wrapped footnote lines continue; a year does not start a footnote")
    func zone() {
        let lines = ["Noting the report,", "", "__________", "1 Official Records of the General Assembly,", "2020, Supplement No. 27.",
                     "2 Ibid.", "", "1. Urges all States;"].map { SourceLine(text: $0, indent: 0) }
        var table = LineTable(lines)
        let notes = FootnoteExtractor.extract(from: &table)
        let out = table.sourceLines
        #expect(notes == [Footnote(marker: "1", text: "Official Records of the General Assembly, 2020, Supplement No. 27."),
                          Footnote(marker: "2", text: "Ibid.")])
        #expect(out.map(\.text).filter { !$0.isEmpty } == ["Noting the report,", "1. Urges all States;"])
    }
}
