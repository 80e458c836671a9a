import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ResoDiff

@Suite("HTML renderer")
struct HTMLRendererTests {
    @Test("golden: every kind of change")
    func golden() {
        expectGolden(HTMLRenderer().render(RenderingFixtures.sample), named: "HTMLRenderer-sample", ext: "html")
    }

    @Test("golden: unchanged paragraphs elided, title overridden")
    func goldenQuiet() {
        let renderer = HTMLRenderer(options: .init(title: "Draft L.5 against 75/68", showUnchanged: false))
        expectGolden(renderer.render(RenderingFixtures.sample), named: "HTMLRenderer-elided", ext: "html")
    }

    @Test("a large page, its row groups written on two threads: in document order, anchors handed out in that order")
    func largePage() throws {
        let comparison = try RenderingFixtures.compilation()
        #expect(comparison.changes.count >= ChunkedText.parallelMinimum)
        let html = HTMLRenderer().render(comparison)
        let document = try xml(html)
        // Anchors as one thread hands them out, change by change, old side first.
        var allocator = HTMLRenderer.AnchorIDs()
        var expected: [String] = []
        for change in comparison.changes {
            expected += change.old.map { allocator.allocate("old-" + $0.label) }
            expected += change.new.map { allocator.allocate($0.label) }
        }
        let sections: Set = ["summary", "legend", "paragraphs"]
        #expect(try elementsByID(document).map(\.id).filter { !sections.contains($0) } == expected)
        // Row groups of the paragraphs table, by class.
        func groups(_ document: XMLDocument) throws -> [(class: String, text: String)] {
            try elements("tbody", in: document).compactMap { group in
                guard let kind = attribute("class", of: group), kind.hasPrefix("change") || kind == "elided" else { return nil }
                return (kind, group.stringValue ?? "")
            }
        }
        #expect(try groups(document).map(\.class) == comparison.changes.map { "change k-\($0.kind.rawValue)" })
        #expect(html.hasSuffix("</table>\n</section>\n</main>\n" + HTMLPage.tail))
        // Unchanged paragraphs elided: the counts add up, and the rest are shown.
        let quiet = try xml(HTMLRenderer(options: .init(showUnchanged: false)).render(comparison))
        let quietGroups = try groups(quiet)
        let counts = quietGroups.filter { $0.class == "elided" }.compactMap { Int($0.text.drop { !$0.isNumber }.prefix { $0.isNumber }) }
        let unchanged = comparison.changes.filter { $0.kind == .unchanged }.count
        #expect(counts.reduce(0, +) == unchanged)
        #expect(quietGroups.count - counts.count == comparison.changes.count - unchanged)
    }

    @Test("parses as XML; one anchor per paragraph, old ones prefixed, all unique")
    func anchors() throws {
        for comparison in [RenderingFixtures.sample, RenderingFixtures.aligned] {
            let document = try xml(HTMLRenderer().render(comparison))
            let ids = try elementsByID(document).map(\.id)
            #expect(Set(ids).count == ids.count, "ids are unique")
            for paragraph in comparison.new.paragraphs { #expect(ids.contains(paragraph.label)) }
            for paragraph in comparison.old.paragraphs { #expect(ids.contains("old-" + paragraph.label)) }
            for change in comparison.changes where change.kind == .removed {
                #expect(!ids.contains(change.old[0].label) || comparison.new.paragraphs.contains { $0.label == change.old[0].label })
            }
        }
    }

    @Test("each paragraph's anchor holds its label and its text")
    func anchoredText() throws {
        let comparison = RenderingFixtures.sample
        let byID = Dictionary(try elementsByID(try xml(HTMLRenderer().render(comparison))).map { ($0.id, $0.element) },
                              uniquingKeysWith: { a, _ in a })
        for paragraph in [RenderingFixtures.pp2New, RenderingFixtures.op2New, RenderingFixtures.op1New] {
            #expect(byID[paragraph.label]?.stringValue == paragraph.label + " " + paragraph.text)
        }
        #expect(byID["old-OP3"]?.stringValue == "OP3 " + RenderingFixtures.op3Old.text)
        #expect(byID["old-OP1"]?.stringValue == "OP1 " + RenderingFixtures.op1Old.text)
    }

    @Test("insertions and deletions are marked up, not coloured only; kinds are text badges")
    func marks() throws {
        let html = HTMLRenderer().render(RenderingFixtures.sample)
        let document = try xml(html)
        let inserted = try elements("ins", in: document).compactMap(\.stringValue)
        let deleted = try elements("del", in: document).compactMap(\.stringValue)
        #expect(inserted.contains("74/50") && inserted.contains("without delay"))
        #expect(deleted.contains("73/50") && deleted.contains("Encourages"))
        #expect(inserted.contains(RenderingFixtures.pp2New.text), "an added paragraph is inserted text")
        #expect(deleted.contains(RenderingFixtures.op3Old.text), "a removed paragraph is deleted text")
        let badges = try document.nodes(forXPath: "//*[local-name()='span']").compactMap { node -> String? in
            guard let span = node as? XMLElement,
                  span.attributes?.first(where: { ($0.localName ?? $0.name) == "class" })?.stringValue == "badge" else { return nil }
            return span.stringValue
        }
        for kind in Change.Kind.allCases { #expect(badges.contains(kind.rawValue)) }
        #expect(html.contains("text-decoration: underline") && html.contains("text-decoration: line-through"))
    }

    @Test("self-contained, with a print stylesheet")
    func selfContained() {
        let html = HTMLRenderer().render(RenderingFixtures.sample)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        #expect(html.contains(".para { break-inside: avoid;"))
        for forbidden in ["<script", "<link", "src=", "url(", "@import", "http://", "https://"] {
            let occurrences = html.components(separatedBy: forbidden).count - 1
            // The only URL is the XHTML namespace name, which is never fetched.
            let allowed = forbidden == "http://" ? 1 : 0
            #expect(occurrences == allowed, "\(forbidden) occurs \(occurrences) times")
        }
    }

    @Test("summary table counts every kind and category")
    func summaryTable() throws {
        let document = try xml(HTMLRenderer().render(RenderingFixtures.sample))
        let summary = try #require(try elementsByID(document).first { $0.id == "summary" }?.element)
        let rows = try summary.nodes(forXPath: ".//*[local-name()='tr']").compactMap { row -> (String, String)? in
            let cells = (row as? XMLElement)?.children?.compactMap(\.stringValue) ?? []
            return cells.count == 2 ? (cells[0], cells[1]) : nil
        }
        let counts = Dictionary(rows, uniquingKeysWith: { a, _ in a })
        #expect(counts["reworded"] == "3" && counts["unchanged"] == "2" && counts["split"] == "1")
        #expect(counts["technical"] == "2" && counts["substantive"] == "1" && counts["verb"] == "0")
        #expect(counts["renumbered (of unchanged)"] == "1" && counts["header fields changed"] == "4")
    }

    @Test("hostile text is escaped everywhere and non-Latin text survives")
    func hostile() throws {
        let html = HTMLRenderer().render(RenderingFixtures.hostile)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(html.contains("&quot;quotes&quot; &#39;apostrophes&#39;"))
        #expect(html.contains("&amp; &quot;quotes&quot;"))
        #expect(!html.contains("href=\"javascript"))
        for script in ["الجمعية العامة", "大会", "Генеральная Ассамблея"] { #expect(html.contains(script)) }

        let document = try xml(html)
        let byID = Dictionary(try elementsByID(document).map { ($0.id, $0.element) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["OP1"]?.stringValue == "OP1 " + RenderingFixtures.hostileText)
        #expect(byID["OP2-x-"]?.stringValue == "OP2<x> <script>alert(2)</script> Генеральная")
        #expect(byID["old-OP-9-"]?.stringValue == "OP\"9' </td></tr></table><script>alert(3)</script>")
        let title = try elements("title", in: document).first?.stringValue
        #expect(title == "<old>&\"'.txt → new <script>.txt")
        #expect(try elements("script", in: document).isEmpty)
    }

    @Test("anchor ids are sanitized and made unique in document order")
    func anchorIDs() {
        var ids = HTMLRenderer.AnchorIDs()
        #expect(ids.allocate("OP5") == "OP5")
        #expect(ids.allocate("OP5") == "OP5-2")
        #expect(ids.allocate("OP5") == "OP5-3")
        #expect(ids.allocate("OP5(b)") == "OP5(b)")
        #expect(ids.allocate("A.OP2") == "A.OP2")
        #expect(ids.allocate("old-OP 9") == "old-OP-9")
        #expect(ids.allocate("summary") == "summary-2")
        #expect(ids.allocate("") == "p")
        #expect(ids.allocate("大会") == "--")
    }

    /// Against the first implementation (a scan from the base up each time), on
    /// names that collide with each other's suffixed forms ("OP5" and "OP5-2").
    @Test("anchor ids agree with a scan from the base up", arguments: [UInt64(1), 2, 3])
    func anchorIDsAgreeWithScan(seed: UInt64) {
        var used: Set<String> = ["summary", "legend", "paragraphs"]
        func reference(_ name: String) -> String {
            var base = String(name.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "(", ")": Character(scalar)
                default: "-"
                }
            })
            if base.isEmpty || base == "old-" { base += "p" }
            var id = base
            var n = 1
            while used.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            used.insert(id)
            return id
        }
        var rng = SplitMix64(seed: seed)
        let names = ["OP5", "OP5-2", "OP5-3", "OP5 2", "old-", "", "summary", "大会", "é", "OP\r\n5", "PP1", "PP1-2-2"]
        var ids = HTMLRenderer.AnchorIDs()
        for _ in 0..<2000 {
            let name = names[Int(rng.next() % UInt64(names.count))]
            #expect(ids.allocate(name) == reference(name), "\(name.debugDescription)")
        }
    }

    @Test("showUnchanged false elides unchanged paragraphs to a count")
    func elided() throws {
        let html = HTMLRenderer(options: .init(showUnchanged: false)).render(RenderingFixtures.sample)
        let ids = try elementsByID(try xml(html)).map(\.id)
        #expect(!ids.contains("Chapeau") && !ids.contains("PP3"))
        #expect(html.contains("… 1 unchanged paragraph<"))
    }
}
