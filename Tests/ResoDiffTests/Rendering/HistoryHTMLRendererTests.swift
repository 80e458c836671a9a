import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ResoDiff

/// The rows of the paragraph matrix: the `tr` elements with an `id`.
private func matrixRows(_ document: XMLDocument) throws -> [(id: String, element: XMLElement)] {
    try elementsByID(document).filter { $0.element.localName == "tr" }
}

/// The `td` children of a row.
private func cells(_ row: XMLElement) -> [XMLElement] {
    (row.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == "td" }
}

@Suite("History HTML renderer")
struct HistoryHTMLRendererTests {
    @Test("golden: the samples of sessions 73, 75 and 77")
    func golden() throws {
        expectGolden(HistoryHTMLRenderer().render(try HistoryBatchFixtures.sampleHistory()),
                     named: "HistoryHTMLRenderer-samples", ext: "html")
    }

    @Test("golden: hostile names and texts, paragraphs that never changed elided")
    func goldenHostile() {
        let renderer = HistoryHTMLRenderer(options: .init(showUnchanged: false))
        expectGolden(renderer.render(HistoryBatchFixtures.hostileHistory), named: "HistoryHTMLRenderer-hostile", ext: "html")
    }

    @Test("a large history, its rows written on two threads: current rows, then removed ones, anchors in that order")
    func largeHistory() throws {
        let history = try RenderingFixtures.compilationHistory()
        #expect(history.lineages.count >= ChunkedText.parallelMinimum)
        let latest = history.versions.count - 1
        let current = history.lineages.filter { $0.lastVersion == latest }
        let removed = history.lineages.filter { $0.lastVersion < latest }
        #expect(!removed.isEmpty)
        func expectedIDs(_ shown: [History.Lineage]) -> [String] {
            var allocator = HTMLRenderer.AnchorIDs(reserved: ["versions", "summary", "legend", "paragraphs"])
            return shown.map { allocator.allocate($0.steps[$0.lastVersion]!.paragraph.label) }
        }
        let page = try xml(HistoryHTMLRenderer().render(history))
        #expect(try matrixRows(page).map(\.id) == expectedIDs(current + removed))
        // Paragraphs unchanged in every version elided to a count.
        let changed = current.filter { HistoryHTMLRenderer.changed($0, latest: latest) }
        let quietHTML = HistoryHTMLRenderer(options: .init(showUnchanged: false)).render(history)
        #expect(try matrixRows(try xml(quietHTML)).map(\.id) == expectedIDs(changed + removed))
        #expect(quietHTML.contains("… \(current.count - changed.count) paragraphs unchanged in every version"))
    }

    @Test("parses as XML; one row per lineage with a unique anchor, a cell per version and the latest text")
    func matrix() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let document = try xml(HistoryHTMLRenderer().render(history))
        let ids = try elementsByID(document).map(\.id)
        #expect(Set(ids).count == ids.count, "ids are unique")
        let rows = try matrixRows(document)
        #expect(rows.count == history.lineages.count)
        for (row, lineage) in zip(rows, history.lineages) {
            let latest = try #require(lineage.steps[lineage.lastVersion]?.paragraph)
            let row = row
            if lineage.lastVersion == history.versions.count - 1 { #expect(row.id == latest.label) }
            let tds = cells(row.element)
            #expect(tds.count == history.versions.count + 1)
            #expect(tds.last?.stringValue?.hasSuffix(latest.text) == true, "the final column holds the latest text")
            for (cell, step) in zip(tds, lineage.steps) {
                let text = cell.stringValue ?? ""
                if let step {
                    #expect(text.hasPrefix(step.paragraph.label), "each cell starts with the label there")
                    if let rewording = step.change?.rewording {
                        #expect(text.contains(rewording.category.rawValue))
                        let details = try cell.nodes(forXPath: ".//*[local-name()='details']")
                        #expect(details.count == 1, "the word diff sits in a details element")
                    }
                } else {
                    #expect(text == "—" || text == "gone")
                }
            }
        }
    }

    @Test("each cell names the state: new, same, reworded with its category, gone, absent")
    func states() throws {
        let history = HistoryBatchFixtures.hostileHistory
        let document = try xml(HistoryHTMLRenderer().render(history))
        let byID = Dictionary(try matrixRows(document).map { ($0.id, $0.element) }, uniquingKeysWith: { a, _ in a })
        let op1 = try #require(byID["OP1"].map(cells))
        #expect(op1.map { attribute("class", of: $0) } == ["s-first", "s-reworded", "s-same", "latest"])
        #expect(op1[1].stringValue?.contains("substantive") == true)
        let added = try #require(byID["OP3-x-"].map(cells))
        #expect(added.map { attribute("class", of: $0) } == ["s-absent", "s-new", "s-same", "latest"])
        let removed = try #require(byID["OP-9-"].map(cells))
        #expect(removed.map { attribute("class", of: $0) } == ["s-first", "s-same", "s-gone", "latest"])
        #expect(removed[2].stringValue == "gone")
        #expect(removed[3].stringValue?.hasPrefix("last in v2") == true)
        // The word diff is marked up, not coloured only.
        let deleted = try op1[1].nodes(forXPath: ".//*[local-name()='del']").compactMap(\.stringValue)
        let inserted = try op1[1].nodes(forXPath: ".//*[local-name()='ins']").compactMap(\.stringValue)
        #expect(deleted.joined(separator: " ").contains("<i>words</i>"))
        #expect(inserted.joined(separator: " ").contains("~~gone~~"))
    }

    @Test("the title block lists the versions with their header metadata")
    func titleBlock() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let document = try xml(HistoryHTMLRenderer().render(history))
        let versions = try #require(try elementsByID(document).first { $0.id == "versions" }?.element)
        let text = versions.stringValue ?? ""
        for version in history.versions {
            #expect(text.contains(version.name))
            for field in Header.Field.allCases {
                if let value = version.resolution.header[field] { #expect(text.contains(value)) }
            }
        }
        let title = try elements("title", in: document).first?.stringValue
        #expect(title == HistoryBatchFixtures.sampleNames.joined(separator: " → "))
    }

    @Test("hostile text is escaped everywhere and non-Latin text survives")
    func hostile() throws {
        let html = HistoryHTMLRenderer().render(HistoryBatchFixtures.hostileHistory)
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<x>"))
        #expect(html.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;v1&gt;&amp;&quot;&#39;.txt"))
        #expect(html.contains("&quot;quotes&quot; &#39;apostrophes&#39;"))
        for script in ["الجمعية العامة", "大会", "Генеральная Ассамблея"] { #expect(html.contains(script)) }
        let document = try xml(html)
        #expect(try elements("script", in: document).isEmpty)
        let texts = try elements("td", in: document).compactMap(\.stringValue)
        #expect(texts.contains(RenderingFixtures.hostileText))
        #expect(try elements("title", in: document).first?.stringValue == "<v1>&\"'.txt → v2 </style>.txt → v3 大会.txt")
    }

    @Test("self-contained, with a print stylesheet")
    func selfContained() throws {
        let html = HistoryHTMLRenderer().render(try HistoryBatchFixtures.sampleHistory())
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.hasSuffix("</html>\n"))
        #expect(html.contains("@media print") && html.contains("@page { size: A4 landscape;"))
        for forbidden in ["<script", "<link", "src=", "url(", "@import", "https://"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
    }

    @Test("showUnchanged false elides paragraphs that never changed to a count")
    func elided() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let quiet = history.lineages.filter { !HistoryHTMLRenderer.changed($0, latest: 2) }.count
        let html = HistoryHTMLRenderer(options: .init(showUnchanged: false)).render(history)
        let rows = try matrixRows(try xml(html))
        #expect(rows.count == history.lineages.count - quiet)
        if quiet > 0 { #expect(html.contains("… \(quiet) paragraph\(quiet == 1 ? "" : "s") unchanged in every version")) }
    }
}
