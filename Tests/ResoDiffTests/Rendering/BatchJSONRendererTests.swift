import Foundation
import Testing
@testable import ResoDiff

/// The batch JSON parsed back with Foundation.
private func parsed(_ batch: Batch, reportFileNames: [String]? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let text = BatchJSONRenderer().render(batch, reportFileNames: reportFileNames)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], sourceLocation: sourceLocation)
}

@Suite("Batch JSON renderer")
struct BatchJSONRendererTests {
    @Test("golden: a small batch from the samples, with report file names")
    func golden() throws {
        let batch = try HistoryBatchFixtures.sampleBatch()
        let text = BatchJSONRenderer().render(batch, reportFileNames: BatchHTMLRenderer.reportFileNames(for: batch))
        expectGolden(text, named: "BatchJSONRenderer-samples", ext: "json")
    }

    @Test("parses with JSONSerialization and has the documented fields")
    func schemaFields() throws {
        let batch = try HistoryBatchFixtures.sampleBatch()
        #expect(batch.pairs.count == 2 && batch.onlyOld.count == 1 && batch.onlyNew.count == 1)
        let json = try parsed(batch)
        #expect(json["schema"] as? String == "resodiff-batch/1")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts == ["paired": 2, "differing": 2, "technicalUpdateOnly": 1, "same": 0, "onlyOld": 1, "onlyNew": 1])
        #expect(json["onlyOld"] as? [String] == ["session-73/withdrawn.txt"])
        #expect(json["onlyNew"] as? [String] == ["session-75/strengthening 77.txt"])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs.count == batch.pairs.count)
        for (pair, given) in zip(pairs, batch.pairs) {
            let old = try #require(pair["old"] as? [String: Any]), new = try #require(pair["new"] as? [String: Any])
            #expect(old["path"] as? String == given.comparison.oldName)
            #expect(new["path"] as? String == given.comparison.newName)
            #expect((new["header"] as? [String: Any])?["symbol"] as? String ?? nil == given.comparison.new.header.symbol)
            #expect(pair["reason"] as? String == "fileName")
            #expect(pair["report"] == nil, "no report key unless file names are given")
            #expect(pair["technicalUpdateOnly"] as? Bool == given.isTechnicalUpdateOnly)
            #expect(pair["hasDifferences"] as? Bool == given.comparison.hasDifferences)
            let summary = try #require(pair["summary"] as? [String: Any])
            for kind in Change.Kind.allCases { #expect(summary[kind.rawValue] as? Int == Summary(given.comparison)[kind]) }
        }
        #expect(pairs.map { $0["technicalUpdateOnly"] as? Bool } == [false, true])
    }

    @Test("report file names are written when given")
    func reports() throws {
        let batch = try HistoryBatchFixtures.sampleBatch()
        let pairs = try #require(try parsed(batch, reportFileNames: ["a.html", "b c.html"])["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["report"] as? String } == ["a.html", "b c.html"])
    }

    @Test("reasons are identifiers")
    func reasons() {
        #expect(BatchJSONRenderer.identifier(.fileName) == "fileName")
        #expect(BatchJSONRenderer.identifier(.title) == "title")
        #expect(BatchJSONRenderer.identifier(.symbolSeries) == "symbolSeries")
    }

    @Test("hostile names survive the round trip")
    func hostile() throws {
        let batch = HistoryBatchFixtures.hostileBatch
        let json = try parsed(batch)
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect((pairs.first?["new"] as? [String: Any])?["path"] as? String == "new/<b>&\"'#?.txt")
        #expect(json["onlyOld"] as? [String] == ["old/</style> gone.txt"])
        #expect(json["onlyNew"] as? [String] == ["new/<script>alert(1)</script> 大会.txt"])
    }
}
