import Testing
@testable import ResoDiff

/// Whole documents in the layouts the parser must survive (illustrative texts, written for the tests).
@Suite("Fixture documents")
struct FixtureTests {
    @Test("a 1990s layout: cover page, capitals, 1/ footnotes, indented paragraphs, furniture")
    func nineties() throws {
        let r = Resolution(parsing: try fixture("nineties-layout.txt"))
        #expect(r.paragraphs.map(\.label) == ["Chapeau", "PP1", "PP2", "PP3", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3", "Closing"])
        #expect(r.paragraphs.map(\.opening) == [nil, "Reaffirming", "Noting with concern", "Welcoming", "Adopts", "Requests", nil, nil, "Calls upon", nil])
        #expect(r.paragraphs[1].text == "Reaffirming its commitment to the Treaty on the Non-Proliferation of Nuclear Weapons,")
        #expect(r.paragraphs[2].text.contains("comprehensive nuclear-test-ban treaty, and recalling"))
        #expect(r.footnotes.map(\.marker) == ["1", "2"])
        #expect(r.footnotes[1].text == "Official Records of the General Assembly, Fiftieth Session, Supplement No. 27 (A/50/27).")
        #expect(r.header.symbol == "50/999")
        #expect(r.header.session == "Fiftieth session")
        #expect(r.header.agendaItem == "Agenda item 65")
        #expect(r.header.committeeReport == "A/50/L.99 and Add.1")
        #expect(r.header.title == "Illustrative treaty text in the layout of the 1990s")
        expectGolden(ParseReport.text(r), named: "parse-fixture-nineties-layout", ext: "txt")
    }

    @Test("a web copy: navigation, closing on top, run-together preamble, [1] footnotes, site footer")
    func webCopy() throws {
        let r = Resolution(parsing: try fixture("web-copy.txt"))
        #expect(r.paragraphs.map(\.label) == ["Chapeau", "PP1", "PP2", "PP3", "PP4", "OP1", "OP2", "Closing"])
        #expect(r.paragraphs.map(\.opening) == [nil, "Having taken note", "Recalling", "Noting", "Deeply concerned", "Requests", "Decides", nil])
        #expect(r.paragraphs[1].text == "Having taken note of the report of the Secretary-General,")
        #expect(r.paragraphs[2].text == "Recalling its resolution 74/999 of 12 December 2019, in which it decided, inter alia, to continue the work,")
        #expect(r.paragraphs.last?.text == "37th plenary meeting, 7 December 2020")
        #expect(r.footnotes == [Footnote(marker: "1", text: "A/75/999.")])
        #expect(r.header.symbol == "75/999")
        #expect(r.header.adoptionDate == "7 December 2020")
        expectGolden(ParseReport.json(r), named: "parse-fixture-web-copy", ext: "json")
    }
}
