import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ResoDiff

/// The `href` of every `a` element, in document order.
private func links(_ document: XMLDocument) throws -> [String] {
    try elements("a", in: document).compactMap { attribute("href", of: $0) }
}

@Suite("Batch HTML renderer")
struct BatchHTMLRendererTests {
    @Test("golden: a small batch from the samples")
    func golden() throws {
        expectGolden(BatchHTMLRenderer().render(try HistoryBatchFixtures.sampleBatch()),
                     named: "BatchHTMLRenderer-samples", ext: "html")
    }

    @Test("golden: hostile names, custom title")
    func goldenHostile() {
        let renderer = BatchHTMLRenderer(options: .init(title: "Session <77> & \"friends\""))
        expectGolden(renderer.render(HistoryBatchFixtures.hostileBatch), named: "BatchHTMLRenderer-hostile", ext: "html")
    }

    @Test("parses as XML; one row per pair linking its report; counts; one-sided lists")
    func structure() throws {
        let batch = try HistoryBatchFixtures.sampleBatch()
        let names = BatchHTMLRenderer.reportFileNames(for: batch)
        #expect(names == ["0001-disarmament.html", "0002-routine.html"])
        let document = try xml(BatchHTMLRenderer().render(batch))
        #expect(try links(document) == names)
        let rows = try document.nodes(forXPath: "//*[local-name()='table'][@class='pairs']/*[local-name()='tbody']/*[local-name()='tr']")
        #expect(rows.count == batch.pairs.count)
        let texts = rows.compactMap(\.stringValue)
        #expect(texts[0].contains("session-73/disarmament.txt") && texts[0].contains("73/55"))
        #expect(texts[0].contains("session-75/disarmament.txt") && texts[0].contains("75/68"))
        #expect(texts[1].contains("technical update only") && !texts[0].contains("technical update only"))
        let ids = Dictionary(try elementsByID(document).map { ($0.id, $0.element) }, uniquingKeysWith: { a, _ in a })
        #expect(ids["only-old"]?.stringValue?.contains("session-73/withdrawn.txt") == true)
        #expect(ids["only-new"]?.stringValue?.contains("session-75/strengthening 77.txt") == true)
        let counts = try #require(ids["counts"]).nodes(forXPath: ".//*[local-name()='tr']").compactMap { row -> (String, String)? in
            let cells = (row as? XMLElement)?.children?.compactMap(\.stringValue) ?? []
            return cells.count == 2 ? (cells[0], cells[1]) : nil
        }
        let byName = Dictionary(counts, uniquingKeysWith: { a, _ in a })
        #expect(byName["paired"] == "2" && byName["only in old"] == "1" && byName["only in new"] == "1")
    }

    @Test("links use the file names given, percent-encoded")
    func givenLinks() throws {
        let batch = try HistoryBatchFixtures.sampleBatch()
        let html = BatchHTMLRenderer().render(batch, reportFileNames: ["reports/a b#y?.html", "q\"<&>'大.html"])
        #expect(html.contains("href=\"reports/a%20b%23y%3F.html\""))
        #expect(try links(try xml(html)) == ["reports/a%20b%23y%3F.html", "q%22%3C%26%3E%27%E5%A4%A7.html"])
    }

    @Test("hostile names are escaped in text and links; non-Latin text survives")
    func hostile() throws {
        let batch = HistoryBatchFixtures.hostileBatch
        let html = BatchHTMLRenderer(options: .init(title: "Session <77> & \"friends\"")).render(batch)
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(html.contains("new/&lt;b&gt;&amp;&quot;&#39;#?.txt"))
        #expect(html.contains("大会"))
        let document = try xml(html)
        #expect(try elements("script", in: document).isEmpty)
        #expect(try elements("title", in: document).first?.stringValue == "Session <77> & \"friends\"")
        let href = try #require(try links(document).first)
        #expect(href == BatchHTMLRenderer.reportFileNames(for: batch)[0])
        #expect(href.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        let only = Dictionary(try elementsByID(document).map { ($0.id, $0.element.stringValue ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(only["only-old"]?.contains("old/</style> gone.txt") == true)
        #expect(only["only-new"]?.contains("new/<script>alert(1)</script> 大会.txt") == true)
    }

    @Test("report file names: numbered, reduced to safe characters, unique, never hidden",
          arguments: [
            ("new/A-RES-75-68.txt", 0, "0001-A-RES-75-68.html"),
            ("../../etc/passwd", 41, "0042-passwd.html"),
            ("new/<b>&\"'#?.txt", 9, "0010-b.html"),
            ("new/.hidden", 0, "0001-.hidden.html"),
            ("-", 12344, "12345.html"),
            ("new/大会 резолюция.txt", 2, "0003.html"),
            ("dir/", 0, "0001-dir.html"),
            ("a  b//c d e.txt", 0, "0001-c-d-e.html"),
          ])
    func reportFileName(name: String, index: Int, expected: String) {
        let comparison = Comparison(oldName: "old.txt", newName: name, old: Resolution(paragraphs: []),
                                    new: Resolution(paragraphs: []), headerChanges: [], changes: [])
        let pair = Batch.Pair(comparison: comparison, reason: .fileName)
        let fileName = BatchHTMLRenderer.reportFileName(for: pair, index: index)
        #expect(fileName == expected)
        #expect(!fileName.hasPrefix(".") && !fileName.contains("/"))
    }

    @Test("report file names are unique even when the new names repeat")
    func uniqueNames() {
        let batch = HistoryBatchFixtures.hostileBatch
        let names = BatchHTMLRenderer.reportFileNames(for: batch, fileExtension: "json")
        #expect(names.allSatisfy { $0.hasSuffix(".json") })
        let comparison = Comparison(oldName: "a", newName: "same.txt", old: Resolution(paragraphs: []),
                                    new: Resolution(paragraphs: []), headerChanges: [], changes: [])
        let pair = Batch.Pair(comparison: comparison, reason: .title)
        let many = (0..<3).map { BatchHTMLRenderer.reportFileName(for: pair, index: $0) }
        #expect(Set(many).count == 3)
    }
}
