import Foundation
import Testing
@testable import ResoDiff

/// The JSON report parsed back with Foundation.
private func parsed(_ comparison: Comparison, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let text = JSONRenderer().render(comparison)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], sourceLocation: sourceLocation)
}

/// The paragraphs (label, text) of one side of a change: an object, an array, or absent.
private func sideParagraphs(_ value: Any?) -> [(label: String, text: String)] {
    let objects: [[String: Any]]
    if let array = value as? [[String: Any]] {
        objects = array
    } else if let object = value as? [String: Any] {
        objects = [object]
    } else {
        objects = []
    }
    return objects.map { ($0["label"] as? String ?? "?", $0["text"] as? String ?? "?") }
}

/// Checks that the changes rebuild both documents: the new sides give the
/// new paragraphs in order; the old sides give every old paragraph exactly
/// once, in order apart from moved ones.
private func expectRebuilds(_ comparison: Comparison, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let json = try parsed(comparison, sourceLocation: sourceLocation)
    let changes = try #require(json["changes"] as? [[String: Any]], sourceLocation: sourceLocation)
    let newTexts = changes.flatMap { sideParagraphs($0["new"]).map(\.text) }
    #expect(newTexts == comparison.new.paragraphs.map(\.text), sourceLocation: sourceLocation)

    let oldSides = changes.map { (kind: $0["kind"] as? String, paragraphs: sideParagraphs($0["old"])) }
    let allOld = oldSides.flatMap { $0.paragraphs.map(\.text) }
    #expect(allOld.sorted() == comparison.old.paragraphs.map(\.text).sorted(),
            "every old paragraph exactly once", sourceLocation: sourceLocation)
    let moved = Set(oldSides.filter { $0.kind == "moved" }.flatMap { $0.paragraphs.map(\.text) })
    #expect(allOld.filter { !moved.contains($0) } == comparison.old.paragraphs.map(\.text).filter { !moved.contains($0) },
            "old paragraphs in order apart from moves", sourceLocation: sourceLocation)
}

@Suite("JSON renderer")
struct JSONRendererTests {
    @Test("golden: every kind of change")
    func golden() {
        expectGolden(JSONRenderer().render(RenderingFixtures.sample), named: "JSONRenderer-sample", ext: "json")
    }

    @Test("parses with JSONSerialization and has the schema's top-level fields")
    func schemaFields() throws {
        let json = try parsed(RenderingFixtures.sample)
        #expect(json["schema"] as? String == "resodiff/1")
        let old = try #require(json["old"] as? [String: Any])
        #expect(old["path"] as? String == "A-RES-74-50.txt")
        let header = try #require(old["header"] as? [String: Any])
        #expect(Set(header.keys) == Set(Header.Field.allCases.map(\.rawValue)))
        #expect(header["symbol"] as? String == "74/50")
        #expect(header["committeeReport"] is NSNull)
        let headerChanges = try #require(json["headerChanges"] as? [[String: Any]])
        #expect(headerChanges.map { $0["field"] as? String } == ["session", "adoptionDate", "committeeReport", "symbol"])
        #expect(headerChanges[2]["old"] is NSNull)

        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["unchanged"] as? Int == 2)
        #expect(summary["reworded"] as? Int == 3)
        for kind in ["added", "removed", "moved", "split", "merged"] { #expect(summary[kind] as? Int == 1) }
        #expect(summary["renumbered"] as? Int == 1)
        #expect(summary["headerChanges"] as? Int == 4)
        let categories = try #require(summary["categories"] as? [String: Any])
        #expect(categories["technical"] as? Int == 2)
        #expect(categories["verb"] as? Int == 0)
        #expect(categories["substantive"] as? Int == 1)
    }

    @Test("changes carry sides, renumbering, category, similarity, verb and words")
    func changeFields() throws {
        let changes = try #require(try parsed(RenderingFixtures.sample)["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == [
            "unchanged", "reworded", "added", "unchanged", "reworded", "moved", "split", "removed", "merged", "reworded",
        ])
        #expect(changes[0]["renumbered"] as? Bool == false)
        #expect(changes[3]["renumbered"] as? Bool == true)
        #expect(changes[2]["old"] == nil && changes[7]["new"] == nil)
        #expect(changes[2]["renumbered"] == nil && changes[2]["words"] == nil)
        #expect(changes[6]["new"] is [Any] && changes[6]["old"] is [String: Any])
        #expect(changes[8]["old"] is [Any] && changes[8]["new"] is [String: Any])

        let op1 = changes[4]
        #expect(op1["category"] as? String == "substantive")
        #expect((op1["similarity"] as? NSNumber)?.doubleValue == 0.714)
        let verb = try #require(op1["verb"] as? [String: Any])
        #expect(verb["old"] as? String == "Encourages" && verb["new"] as? String == "Urges")
        #expect(verb["direction"] as? String == "stronger")
        let words = try #require(op1["words"] as? [[String: Any]])
        #expect(words.first?["op"] as? String == "delete" && words.first?["text"] as? String == "Encourages")
        #expect(changes[1]["verb"] == nil)

        let paragraph = try #require(op1["new"] as? [String: Any])
        #expect(paragraph["label"] as? String == "OP1")
        #expect(paragraph["kind"] as? String == "operative")
        #expect(paragraph["number"] as? String == "1")
        #expect(paragraph["opening"] as? String == "Urges")
        #expect(paragraph["text"] as? String == RenderingFixtures.op1New.text)
        #expect((changes[0]["new"] as? [String: Any])?["number"] is NSNull)
    }

    @Test("the words of single-paragraph rewordings rebuild both texts")
    func wordsRebuildTexts() throws {
        for comparison in [RenderingFixtures.sample, RenderingFixtures.aligned] {
            let changes = try #require(try parsed(comparison)["changes"] as? [[String: Any]])
            var checked = 0
            for change in changes {
                guard let words = change["words"] as? [[String: Any]],
                      let old = change["old"] as? [String: Any], let new = change["new"] as? [String: Any] else { continue }
                let runs = words.map { ($0["op"] as? String ?? "?", $0["text"] as? String ?? "?") }
                #expect(runs.allSatisfy { ["equal", "delete", "insert"].contains($0.0) })
                #expect(runs.filter { $0.0 != "insert" }.map(\.1).joined() == old["text"] as? String)
                #expect(runs.filter { $0.0 != "delete" }.map(\.1).joined() == new["text"] as? String)
                checked += 1
            }
            #expect(checked > 0)
        }
    }

    @Test("the changes rebuild both documents: hand-built comparison")
    func rebuildsSample() throws {
        try expectRebuilds(RenderingFixtures.sample)
    }

    @Test("the changes rebuild both documents: aligner output")
    func rebuildsAligned() throws {
        let comparison = RenderingFixtures.aligned
        #expect(comparison.changes.contains { $0.isDifference })
        try expectRebuilds(comparison)
    }

    @Test("hostile text and non-Latin scripts survive the round trip")
    func hostileRoundTrip() throws {
        let json = try parsed(RenderingFixtures.hostile)
        #expect((json["old"] as? [String: Any])?["path"] as? String == "<old>&\"'.txt")
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect((changes[0]["new"] as? [String: Any])?["text"] as? String == RenderingFixtures.hostileText)
        try expectRebuilds(RenderingFixtures.hostile)
    }

    @Test("rendering is deterministic and ends with one newline")
    func deterministic() {
        let a = JSONRenderer().render(RenderingFixtures.sample)
        let b = JSONRenderer().render(RenderingFixtures.sample)
        #expect(a == b)
        #expect(a.hasSuffix("}\n") && !a.hasSuffix("\n\n"))
        #expect(!a.contains("\r") && !a.contains("\t"))
    }

    @Test("a large report, its changes written on two threads, is the document's one-thread text")
    func largeReportOnTwoThreads() throws {
        let comparison = try RenderingFixtures.compilation()
        #expect(comparison.changes.count >= ChunkedText.parallelMinimum)
        #expect(Set(comparison.changes.map(\.kind)).count >= 5)
        let renderer = JSONRenderer()
        #expect(renderer.render(comparison) == renderer.document(comparison).serialized() + "\n")
    }

    @Test("a report without changes writes them as []")
    func noChanges() {
        let empty = Resolution(header: Header(), paragraphs: [])
        let comparison = Aligner().compare(empty, empty, oldName: "a", newName: "b")
        let text = JSONRenderer().render(comparison)
        #expect(text.hasSuffix("  \"changes\": []\n}\n"))
        #expect(text == JSONRenderer().document(comparison).serialized() + "\n")
    }
}
