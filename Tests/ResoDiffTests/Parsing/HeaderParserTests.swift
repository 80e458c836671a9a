import Testing
@testable import ResoDiff

@Suite("Header")
struct HeaderParserTests {
    @Test("a 1990s header, the running symbol standing in for a missing symbol line")
    func nineties() {
        let h = HeaderParser.parse([
            ["UNITED NATIONS"], ["A/RES/50/245"], ["Fiftieth session", "Agenda item 65"],
            ["RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY"],
            ["[without reference to a Main Committee", "(A/50/L.78 and Add.1)]"],
        ])
        #expect(h.session == "Fiftieth session")
        #expect(h.agendaItem == "Agenda item 65")
        #expect(h.committeeReport == "A/50/L.78 and Add.1")
        #expect(h.symbol == "50/245")
        #expect(h.lines.count == 7)
    }

    @Test("symbol with a section letter, title wrapped with a hyphen")
    func symbolAndTitle() {
        let h = HeaderParser.parse([["75/60 B. Comprehensive nuclear-test-", "ban treaty"]])
        #expect(h.symbol == "75/60 B")
        #expect(h.title == "Comprehensive nuclear-test-ban treaty")
        #expect(HeaderParser.symbolAndTitle("75/68.") ?? ("", "x") == ("75/68", ""))
        #expect(HeaderParser.symbolAndTitle("2/3 of the members") == nil)
    }

    @Test("sessions", arguments: ["Seventy-fifth session", "Tenth emergency special session", "Twenty-seventh special session"])
    func sessions(_ line: String) {
        #expect(HeaderParser.isSession(line))
    }
}
