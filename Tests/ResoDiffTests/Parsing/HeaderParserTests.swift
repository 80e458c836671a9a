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

    /// The byte search against the character search it fronts, on lines near
    /// the phrase: case changes, marks after letters, non-ASCII letters,
    /// letters that lowercase to ASCII (İ, the Kelvin sign). Plain ASCII lines
    /// must agree with the character search, and ASCII lines are most of them.
    @Test("the header's phrase search agrees with the character search", arguments: [UInt64(1), 2, 3])
    func phraseSearch(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pieces = ["Resolution ", "adopted by the General Assembly", "ADOPTED BY THE GENERAL ASSEMBLY", "adopted by the",
                      " general assembly", "Assembly", "y", "\u{301}", "]", "]\u{301}", "[", "é", "İ", "\u{212A}", " ", "on 7 ",
                      "adopted", " by", "\u{0600}", "a", "A"]
        var lines = ["", "]", "adopted by the general assembly", "adopted by the general assembly\u{301}",
                     "\u{0600}adopted by the general assembly", "adopted by the general assembl"]
        for _ in 0..<3000 {
            lines.append((0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for line in lines {
            // The character search as the library runs it (a test file sees Foundation's `contains`).
            #expect(HeaderParser.contains(line, "adopted by the general assembly", ignoringCase: true)
                        == HeaderParser.containsByCharacters(line, "adopted by the general assembly", ignoringCase: true),
                    "\(line.debugDescription)")
            #expect(HeaderParser.contains(line, "]") == HeaderParser.containsByCharacters(line, "]"), "\(line.debugDescription)")
        }
    }

    /// The byte-level session and date tests against the character ones, on
    /// header-like lines with spaces, punctuation, digits and non-ASCII.
    @Test("session and date tests agree with the character ones", arguments: [UInt64(1), 2, 3])
    func sessionAndDate(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pieces = ["Seventy-fifth", " ", "  ", "session", "SESSION", "Session", "Tenth", "emergency", "special", "7", "07",
                      "2020", "20201", "202", "December", "May", "may", ",", "[", "]", "*", "on ", "adopted", "é", "٣", "½",
                      "1\u{301}", "\u{301}", "sessions", "75", "A", "a", "\r\n", "\t"]
        var lines = ["", " session", "A session", "1 2 3 4 session", "1 2 3 4 5 session", "7 December 2020", "[7 December 2020]",
                     "on 7 December 20201", "7December 2020", "17 May 202", "117 May 2020"]
        for _ in 0..<4000 {
            lines.append((0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for line in lines {
            #expect(HeaderParser.isSession(line) == HeaderParser.isSessionByCharacters(line), "\(line.debugDescription)")
            #expect(TextScan.date(in: line) == TextScan.dateByCharacters(in: line), "\(line.debugDescription)")
        }
    }
}
