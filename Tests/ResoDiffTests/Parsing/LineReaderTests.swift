import Testing
@testable import ResoDiff

@Suite("Line reader")
struct LineReaderTests {
    @Test("line ends of every kind, a byte-order mark, indentation with tabs")
    func lineEnds() {
        let lines = LineReader.read("\u{FEFF}a\r\nb\rc\n\td\u{00A0}e\n").sourceLines
        #expect(lines.map(\.text) == ["a", "b", "c", "d e"])
        #expect(lines[3].indent == 8)
    }

    @Test("emphasis runs glued between two pieces separate them; markup runs stay")
    func separatorRuns() {
        #expect(LineReader.splitAtSeparatorRuns("agreements**Resolution adopted") == ["agreements", "", "Resolution adopted"])
        #expect(LineReader.splitAtSeparatorRuns("2020***[on the report]***75/68. Title") == ["2020", "", "[on the report]", "", "75/68. Title"])
        #expect(LineReader.splitAtSeparatorRuns("**Recalling** its resolution") == ["**Recalling** its resolution"])
        #expect(LineReader.splitAtSeparatorRuns("*Urges* all") == ["*Urges* all"])
    }

    @Test("furniture lines become blank lines")
    func furniture() {
        let lines = LineReader.read("text\n2/3\n20-16379\nA/RES/75/68\n*2016379*\nmore").sourceLines
        #expect(lines.map(\.text) == ["text", "", "", "", "", "more"])
    }
}
