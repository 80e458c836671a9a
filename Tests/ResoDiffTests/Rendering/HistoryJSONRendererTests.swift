import Foundation
import Testing
@testable import ResoDiff

/// The history JSON parsed back with Foundation.
private func parsed(_ history: History, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(HistoryJSONRenderer().render(history).utf8))
    return try #require(object as? [String: Any], sourceLocation: sourceLocation)
}

@Suite("History JSON renderer")
struct HistoryJSONRendererTests {
    @Test("golden: the samples of sessions 73, 75 and 77")
    func golden() throws {
        expectGolden(HistoryJSONRenderer().render(try HistoryBatchFixtures.sampleHistory()),
                     named: "HistoryJSONRenderer-samples", ext: "json")
    }

    @Test("parses with JSONSerialization and has the documented top-level fields")
    func schemaFields() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let json = try parsed(history)
        #expect(json["schema"] as? String == "resodiff-history/1")
        let versions = try #require(json["versions"] as? [[String: Any]])
        #expect(versions.map { $0["path"] as? String } == HistoryBatchFixtures.sampleNames)
        for (version, given) in zip(versions, history.versions) {
            let header = try #require(version["header"] as? [String: Any])
            #expect(Set(header.keys) == Set(Header.Field.allCases.map(\.rawValue)))
            #expect(header["symbol"] as? String == given.resolution.header.symbol)
        }
        let summaries = try #require(json["summaries"] as? [[String: Any]])
        #expect(summaries.count == history.versions.count - 1)
        for (summary, comparison) in zip(summaries, history.comparisons) {
            for kind in Change.Kind.allCases { #expect(summary[kind.rawValue] as? Int == Summary(comparison)[kind]) }
            #expect(summary["renumbered"] is Int && summary["headerChanges"] as? Int == comparison.headerChanges.count)
            #expect((summary["categories"] as? [String: Any])?.count == Rewording.Category.allCases.count)
        }
    }

    @Test("one step per version: null where absent, the first version's change null, changes as documented")
    func steps() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let lineages = try #require(try parsed(history)["lineages"] as? [[String: Any]])
        #expect(lineages.count == history.lineages.count)
        var kindsSeen = Set<String>()
        for (lineage, given) in zip(lineages, history.lineages) {
            let steps = try #require(lineage["steps"] as? [Any])
            #expect(steps.count == history.versions.count)
            #expect(lineage["label"] as? String == given.steps[given.lastVersion]?.paragraph.label)
            for (k, (step, expected)) in zip(steps, given.steps).enumerated() {
                guard let expected else {
                    #expect(step is NSNull, "null where the paragraph does not exist")
                    continue
                }
                let object = try #require(step as? [String: Any])
                #expect(object["label"] as? String == expected.paragraph.label)
                #expect(object["text"] as? String == expected.paragraph.text)
                if k == 0 {
                    #expect(object["change"] is NSNull, "the first version's change is null")
                    continue
                }
                let change = try #require(object["change"] as? [String: Any])
                let kind = try #require(change["kind"] as? String)
                kindsSeen.insert(kind)
                #expect(["added", "unchanged", "reworded", "moved", "split", "merged"].contains(kind))
                #expect(kind == expected.change?.kind.rawValue)
                if ["moved", "split", "merged"].contains(kind) {
                    #expect(change["from"] as? [String] == expected.change?.old.map(\.label))
                }
                if let rewording = expected.change?.rewording {
                    #expect(change["category"] as? String == rewording.category.rawValue)
                    #expect(change["similarity"] is NSNumber)
                    #expect((change["verb"] as? [String: Any])?["new"] as? String == rewording.verb?.new)
                    let words = try #require(change["words"] as? [[String: String]])
                    #expect(words.allSatisfy { ["equal", "delete", "insert"].contains($0["op"] ?? "") })
                    if kind == "reworded" {
                        let newText = words.filter { $0["op"] != "delete" }.compactMap { $0["text"] }.joined()
                        #expect(newText == expected.paragraph.text, "equal and insert runs give the text")
                    }
                } else {
                    #expect(change["words"] == nil && change["category"] == nil)
                }
            }
        }
        #expect(kindsSeen.isSuperset(of: ["unchanged", "reworded", "added"]))
    }

    @Test("a split records where it came from and what it became; a removal leaves null")
    func handBuilt() throws {
        let history = HistoryBatchFixtures.hostileHistory
        let lineages = try #require(try parsed(history)["lineages"] as? [[String: Any]])
        let removed = try #require(lineages.last?["steps"] as? [Any])
        #expect((removed[0] as? [String: Any])?["label"] as? String == "OP\"9'")
        #expect(removed[2] is NSNull)
        let added = try #require(lineages.first { (($0["steps"] as? [Any])?.first is NSNull) }?["steps"] as? [Any])
        #expect(((added[1] as? [String: Any])?["change"] as? [String: Any])?["kind"] as? String == "added")
    }

    @Test("hostile text and non-Latin scripts survive the round trip")
    func hostile() throws {
        let json = try parsed(HistoryBatchFixtures.hostileHistory)
        let versions = try #require(json["versions"] as? [[String: Any]])
        #expect(versions.map { $0["path"] as? String } == ["<v1>&\"'.txt", "v2 </style>.txt", "v3 大会.txt"])
        let texts = (json["lineages"] as? [[String: Any]] ?? []).flatMap { ($0["steps"] as? [Any] ?? []) }
            .compactMap { ($0 as? [String: Any])?["text"] as? String }
        #expect(texts.contains(RenderingFixtures.hostileText))
    }

    @Test("rendering is deterministic and ends with one newline")
    func deterministic() throws {
        let history = try HistoryBatchFixtures.sampleHistory()
        let a = HistoryJSONRenderer().render(history), b = HistoryJSONRenderer().render(history)
        #expect(a == b)
        #expect(a.hasSuffix("}\n") && !a.hasSuffix("\n\n") && !a.contains("\r"))
    }

    @Test("a single version: no summaries, every change null")
    func single() throws {
        let history = History(versions: [("only.txt", Resolution(parsing: HistoryBatchFixtures.routineOld))])
        let json = try parsed(history)
        #expect((json["summaries"] as? [Any])?.isEmpty == true)
        let steps = (json["lineages"] as? [[String: Any]] ?? []).compactMap { ($0["steps"] as? [Any])?.first as? [String: Any] }
        #expect(steps.count == history.lineages.count && steps.allSatisfy { $0["change"] is NSNull })
    }

    @Test("a large history, its lineages written on two threads, is the document's one-thread text")
    func largeHistoryOnTwoThreads() throws {
        let history = try RenderingFixtures.compilationHistory()
        #expect(history.lineages.count >= ChunkedText.parallelMinimum)
        let renderer = HistoryJSONRenderer()
        #expect(renderer.render(history) == renderer.document(history).serialized(terminator: "\n"))
    }
}
