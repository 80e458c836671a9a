import Foundation
import Testing
@testable import ResoDiff

@Suite("The real sample A/RES/75/68")
struct SampleTests {
    static func sample() throws -> Resolution {
        let text = try String(contentsOf: samplesDirectory.appendingPathComponent("A-RES-75-68.txt"), encoding: .utf8)
        return Resolution(parsing: text)
    }

    @Test("11 preambular paragraphs with their opening phrases")
    func preamble() throws {
        let r = try Self.sample()
        let pps = r.paragraphs.filter { $0.kind == .preambular }
        #expect(pps.count == 11)
        #expect(pps.map(\.opening) == [
            "Recalling", "Recognizing", "Stressing", "Stressing also", "Underlining", "Recognizing",
            "Believing", "Stressing", "Emphasizing", "Concerned", "Mindful",
        ])
        #expect(pps.map(\.label) == (1...11).map { "PP\($0)" })
        #expect(pps[1].text.hasPrefix("Recognizing the common interest of all humankind"))
        #expect(pps.allSatisfy { !$0.text.contains("*") && $0.text.hasSuffix(",") })
    }

    @Test("13 operative paragraphs, numbered as written, with their verbs")
    func operative() throws {
        let r = try Self.sample()
        let ops = r.paragraphs.filter { $0.kind == .operative }
        #expect(ops.count == 13)
        #expect(ops.map(\.opening) == [
            "Urges", "Calls for", "Calls upon", "Urges", "Considers", "Supports", "Welcomes",
            "Expresses the need", "Requests", "Encourages", "Encourages", "Notes", "Decides",
        ])
        #expect(ops.map(\.number) == (1...13).map { "\($0)" })
        #expect(ops.map(\.label) == (1...13).map { "OP\($0)" })
        #expect(ops[0].text.hasPrefix("Urges all States parties"))
        #expect(ops[12].text.contains("“General and complete disarmament”"))
    }

    @Test("chapeau first, closing last, nothing generic")
    func frame() throws {
        let r = try Self.sample()
        #expect(r.paragraphs.first?.kind == .chapeau)
        #expect(r.paragraphs.first?.text == "The General Assembly,")
        #expect(r.paragraphs.last?.kind == .closing)
        #expect(r.paragraphs.last?.text == "37th plenary meeting 7 December 2020")
        #expect(r.paragraphs.count == 26)
        #expect(r.notices.isEmpty)
        #expect(r.footnotes.isEmpty)
    }

    @Test("header fields")
    func header() throws {
        let h = try Self.sample().header
        #expect(h.session == "Seventy-fifth session")
        #expect(h.agendaItem == "Agenda item 103 (oo)")
        #expect(h.adoptionDate == "7 December 2020")
        #expect(h.committeeReport == "A/75/399, para. 96")
        #expect(h.symbol == "75/68")
        #expect(h.title == "Strengthening and developing the system of arms control, disarmament and non-proliferation treaties and agreements")
        #expect(h.agendaItemTitle == "General and complete disarmament: strengthening and developing the system of arms control, disarmament and non-proliferation treaties and agreements")
    }

    @Test("golden parse reports")
    func golden() throws {
        let r = try Self.sample()
        expectGolden(ParseReport.text(r), named: "parse-A-RES-75-68", ext: "txt")
        expectGolden(ParseReport.json(r), named: "parse-A-RES-75-68", ext: "json")
    }
}
