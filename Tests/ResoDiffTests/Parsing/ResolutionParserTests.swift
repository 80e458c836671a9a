import Testing
@testable import ResoDiff

@Suite("Resolution parsing: artifacts of real texts")
struct ResolutionParserTests {
    private func parse(_ text: String) -> Resolution { Resolution(parsing: text) }
    private func kinds(_ r: Resolution) -> [String] { r.paragraphs.map { "\($0.label):\($0.kind.rawValue)" } }

    @Test("paragraphs glued at emphasis markup are split")
    func gluedAtMarkup() {
        let r = parse("The General Assembly,\n\n*Recalling* its previous relevant resolutions,*Recognizing* the common interest,\n\n1. *Urges* all States;")
        #expect(kinds(r) == ["Chapeau:chapeau", "PP1:preambular", "PP2:preambular", "OP1:operative"])
        #expect(r.paragraphs[2].text == "Recognizing the common interest,")
        #expect(r.paragraphs[3].text == "Urges all States;")
    }

    @Test("a run-together preamble splits at preambular openings only")
    func runTogetherPreamble() {
        let r = parse("The General Assembly, Having taken note of the report of the Secretary-General, Recalling its resolution 74/50, in particular, Noting that the Conference, Convinced and determined, adopted it, 1. Requests the Secretary-General to report;")
        #expect(r.paragraphs.map(\.opening) == [nil, "Having taken note", "Recalling", "Noting", "Requests"])
        #expect(r.paragraphs[2].text == "Recalling its resolution 74/50, in particular,")
        #expect(r.paragraphs[3].text == "Noting that the Conference, Convinced and determined, adopted it,")
        #expect(r.paragraphs[4].label == "OP1")
    }

    @Test("lowercase participles inside a paragraph never split it")
    func lowercaseParticiple() {
        let r = parse("The General Assembly,\n\nBelieving that the system matters, and noting the role of the United Nations,\n\n1. Decides to continue;")
        #expect(r.paragraphs.filter { $0.kind == .preambular }.count == 1)
    }

    @Test("hard-wrapped lines are joined; a hyphen at a line end continues the word")
    func hardWrapped() {
        let text = """
                  The General Assembly,

                  Reaffirming the importance of a comprehensive nuclear-test-
            ban treaty and of the non-
            proliferation regime,

                  1.  Urges all States to sign
            the Treaty;
            """
        let r = parse(text)
        #expect(r.paragraphs[1].text == "Reaffirming the importance of a comprehensive nuclear-test-ban treaty and of the non-proliferation regime,")
        #expect(r.paragraphs[2].text == "Urges all States to sign the Treaty;")
        #expect(r.paragraphs[2].number == "1")
    }

    @Test("CRLF, CR, a byte-order mark, tabs and non-breaking spaces")
    func lineEndsAndSpaces() {
        let lf = parse("The General Assembly,\n\nRecalling its resolution 74/50,\n\n1. Urges all States;\n")
        let crlf = parse("\u{FEFF}The General Assembly,\r\n\r\nRecalling\tits resolution\u{00A0}74/50,\r\n\r\n1.\tUrges all States;\r\n")
        let cr = parse("The General Assembly,\r\rRecalling its\u{202F}resolution 74/50,\r\r1. Urges all  States;")
        #expect(crlf.paragraphs == lf.paragraphs)
        #expect(cr.paragraphs == lf.paragraphs)
    }

    @Test("page furniture inside a paragraph is removed and the paragraph rejoined")
    func furnitureInsideParagraph() {
        let text = """
            The General Assembly,

            Recalling its resolution 74/50,

            1. Requests the Secretary-General to protect the integrity of arms
            2/3
            20-16379
            A/RES/75/68
            control treaties;

            *2016379*

            2. Decides to continue;
            """
        let r = parse(text)
        #expect(kinds(r) == ["Chapeau:chapeau", "PP1:preambular", "OP1:operative", "OP2:operative"])
        #expect(r.paragraphs[2].text == "Requests the Secretary-General to protect the integrity of arms control treaties;")
    }

    @Test("footnote markers and footnote texts are kept apart")
    func footnotes() {
        let text = """
            The General Assembly,

            Recalling the Convention relating to the Status of Refugees,1 and the Protocol [2] thereto,

            Noting the Treaty on the Non-Proliferation of Nuclear Weapons, 3/ as amended in 1995,
            __________________
            1 United Nations, Treaty Series, vol. 189, No. 2545.
            2 Ibid., vol. 606, No. 8791.

            3/ Ibid., vol. 729, No. 10485.

            1. Urges all States to accede to them, in line with A/50/L.78 and Add.1;
            """
        let r = parse(text)
        #expect(r.footnotes == [
            Footnote(marker: "1", text: "United Nations, Treaty Series, vol. 189, No. 2545."),
            Footnote(marker: "2", text: "Ibid., vol. 606, No. 8791."),
            Footnote(marker: "3", text: "Ibid., vol. 729, No. 10485."),
        ])
        #expect(r.paragraphs[1].text == "Recalling the Convention relating to the Status of Refugees, and the Protocol thereto,")
        #expect(r.paragraphs[2].text == "Noting the Treaty on the Non-Proliferation of Nuclear Weapons, as amended in 1995,")
        #expect(r.paragraphs[3].text == "Urges all States to accede to them, in line with A/50/L.78 and Add.1;")
        #expect(r.paragraphs.count == 4)
    }

    @Test("a footnote block between the two halves of a paragraph")
    func footnoteBetweenPageHalves() {
        let text = """
            The General Assembly,

            Recalling the Convention,1 which entered into force in

            ____________
            1 United Nations, Treaty Series, vol. 189.

            1994, and its protocols,

            1. Urges all States to accede;
            """
        let r = parse(text)
        #expect(r.paragraphs[1].text == "Recalling the Convention, which entered into force in 1994, and its protocols,")
        #expect(r.footnotes.count == 1)
    }

    @Test("web leftovers around the text and a closing standing at the top")
    func webLeftovers() {
        let text = """
            Skip to main content
            Home | Documents | Resolutions | Search

            37th plenary meeting
            7 December 2020

            Distr.: General

            Seventy-fifth session

            The General Assembly,

            Recalling its resolution 74/50,

            1. Decides to remain seized of the matter.

            Terms of use
            Privacy notice
            © United Nations 2020
            """
        let r = parse(text)
        #expect(kinds(r) == ["Chapeau:chapeau", "PP1:preambular", "OP1:operative", "Closing:closing"])
        #expect(r.paragraphs.last?.text == "37th plenary meeting 7 December 2020")
        #expect(r.header.session == "Seventy-fifth session")
    }

    @Test("paragraphs separated only by an indented first line or a new number")
    func noBlankLines() {
        let text = """
                  The General Assembly,
                  Recalling its resolution 74/50 of 12 December 2019 on the same
            subject,
                  Noting the report of the Secretary-General,
                  1.    Requests the Secretary-General to submit a report to the
            General Assembly at its seventy-sixth session;
                  2.    Decides to include the item in the provisional agenda.
            """
        let r = parse(text)
        #expect(kinds(r) == ["Chapeau:chapeau", "PP1:preambular", "PP2:preambular", "OP1:operative", "OP2:operative"])
        #expect(r.paragraphs[1].text == "Recalling its resolution 74/50 of 12 December 2019 on the same subject,")
    }

    @Test("flush-left paragraphs with a new number and no blank lines")
    func newNumberFlushLeft() {
        let r = parse("The General Assembly,\nRecalling its resolution 74/50,\n1. Requests a report;\n2. Decides to continue.")
        #expect(kinds(r) == ["Chapeau:chapeau", "PP1:preambular", "OP1:operative", "OP2:operative"])
    }

    @Test("sub-paragraphs are labelled under their operative paragraph, romans nested")
    func subparagraphs() {
        let text = """
            The General Assembly,

            Recalling its resolution 74/50,

            5. Requests the Secretary-General:

            (a) To submit a report;

            (b) To convene a meeting on:

            (i) Verification;

            (ii) Compliance;

            (c) To report back;

            6. Decides to continue.
            """
        let r = parse(text)
        #expect(r.paragraphs.map(\.label) == ["Chapeau", "PP1", "OP5", "OP5(a)", "OP5(b)", "OP5(b)(i)", "OP5(b)(ii)", "OP5(c)", "OP6"])
        #expect(r.paragraphs[3].text == "To submit a report;")
        #expect(r.paragraphs[3].number == "a")
        #expect(r.paragraphs[5].kind == .subparagraph)
    }

    @Test("letters h, i, j stay letters")
    func letterI() {
        let text = (["The General Assembly,", "Recalling its resolution,", "1. Requests:"]
            + "abcdefghij".map { "(\($0)) Item;" }).joined(separator: "\n\n")
        let labels = parse(text).paragraphs.map(\.label)
        #expect(labels.contains("OP1(i)"))
        #expect(labels.contains("OP1(j)"))
    }

    @Test("labels use the number as written, count when there is none, and stay unique")
    func labels() {
        let r = parse("The General Assembly,\n\nRecalling its resolution,\n\n1. Urges all;\n\n2. Requests a report;\n\n4. Decides to continue;\n\nEncourages States;\n\n4. Notes the report.")
        #expect(r.paragraphs.map(\.label) == ["Chapeau", "PP1", "OP1", "OP2", "OP4", "OP5", "OP4-2"])
        let unnumbered = parse("The General Assembly,\n\nRecalling its resolution,\n\nUrges all States;\n\nRequests a report.")
        #expect(unnumbered.paragraphs.map(\.label) == ["Chapeau", "PP1", "OP1", "OP2"])
        #expect(unnumbered.paragraphs[2].number == nil)
    }

    @Test("sub-resolutions A and B, each with its title and chapeau; an annex")
    func sectionsAndAnnex() {
        let text = """
            Seventy-fifth session

            Agenda item 103

            75/60. General and complete disarmament

            A

            Nuclear disarmament

            The General Assembly,

            Recalling its resolutions,

            1. Urges all States;

            B

            Small arms

            The General Assembly,

            Noting the report,

            1. Calls upon all States;

            2. Requests a report;

            46th plenary meeting
            7 December 2020

            Annex

            Programme of work

            The programme comprises two meetings.
            """
        let r = parse(text)
        #expect(r.paragraphs.map(\.label) == [
            "A.H1", "A.H2", "A.Chapeau", "A.PP1", "A.OP1",
            "B.H1", "B.H2", "B.Chapeau", "B.PP1", "B.OP1", "B.OP2", "B.Closing",
            "B.H3", "Annex.P1", "Annex.P2",
        ])
        #expect(r.paragraphs[1].text == "Nuclear disarmament")
        #expect(r.paragraphs[1].section == "A")
        #expect(r.paragraphs[13].kind == .annex)
        #expect(r.header.symbol == "75/60")
        #expect(r.header.title == "General and complete disarmament")
    }

    @Test("a compilation: each resolution's preamble after its chapeau is preambular, numbered afresh")
    func compilationOfTwo() {
        let text = """
            Seventy-fifth session

            75/60. General and complete disarmament

            The General Assembly,

            Recalling its resolutions,

            1. Urges all States;

            2. Decides to continue.

            46th plenary meeting
            7 December 2020

            75/61. Nuclear disarmament

            The General Assembly,

            Noting the report,

            Recalling also its decision,

            (a) of 2019;

            1. Calls upon all States;

            Requests a report.
            """
        let r = parse(text)
        #expect(kinds(r) == [
            "Chapeau:chapeau", "PP1:preambular", "OP1:operative", "OP2:operative", "Closing:closing",
            "P1:generic", "Chapeau-2:chapeau", "PP1-2:preambular", "PP2:preambular", "PP2(a):subparagraph",
            "OP1-2:operative", "OP2-2:operative",
        ])
        #expect(r.paragraphs[8].opening == "Recalling also")
        // Without a chapeau between them, a preambular opening after the operative part
        // stays what it was: a generic paragraph.
        let single = parse("The General Assembly,\n\nRecalling its resolutions,\n\n1. Urges all States;\n\nNoting the report,")
        #expect(kinds(single) == ["Chapeau:chapeau", "PP1:preambular", "OP1:operative", "P1:generic"])
    }

    @Test("a text that is not a resolution falls back to generic paragraphs with a notice")
    func fallback() {
        let r = parse("Minutes of the meeting\n\nThe chair opened the meeting at 10 a.m.\n\nThe meeting rose at noon.")
        #expect(kinds(r) == ["P1:generic", "P2:generic", "P3:generic"])
        #expect(r.notices.count == 1)
        #expect(r.notices.first?.contains("no resolution structure") == true)
        #expect(!r.isStructured)
        #expect(parse("").paragraphs.isEmpty)
    }

    @Test("display keeps the source's characters; the key folds quotes, dashes and emphasis")
    func displayAndKey() {
        let a = parse("The General Assembly,\n\n1. *Decides* to include the item entitled “General and complete disarmament” — as before;")
        let b = parse("The General Assembly,\n\n1. Decides to include the item entitled \"General and complete disarmament\" - as  before;")
        #expect(a.paragraphs[1].text == "Decides to include the item entitled “General and complete disarmament” — as before;")
        #expect(a.paragraphs[1].key == b.paragraphs[1].key)
        #expect(a.paragraphs[1].text != b.paragraphs[1].text)
    }
}
