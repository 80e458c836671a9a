import Foundation
import Testing
@testable import ResoDiff

@Suite("Batch: two sessions' resolutions")
struct BatchTests {
    /// The generated six-resolution corpus (Fixtures/corpus), one side.
    func documents(_ side: String) throws -> [Batch.Document] {
        let directory = fixturesDirectory.appendingPathComponent("corpus/\(side)")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { name in
            Batch.Document(name: "\(side)/\(name)",
                           text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The generator's log of the edits it applied, per file.
    func edits() throws -> [String: [String]] {
        let data = try Data(contentsOf: fixturesDirectory.appendingPathComponent("corpus/edits.json"))
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
        return log.mapValues { $0.compactMap { $0["kind"] as? String } }
    }

    @Test("pairs by file name and finds the generator's edits")
    func generatedCorpus() throws {
        let batch = Batch(old: try documents("old"), new: try documents("new"))
        #expect(batch.pairs.count == 6)
        #expect(batch.onlyOld.isEmpty && batch.onlyNew.isEmpty)
        #expect(batch.pairs.allSatisfy { $0.reason == .fileName })
        let log = try edits()
        for pair in batch.pairs {
            let name = Batch.fileName(pair.comparison.oldName)
            let applied = try #require(log[name])
            // Every resolution got the session update: new session and symbol in the header.
            #expect(pair.comparison.headerChanges.contains { $0.field == .session }, "\(name)")
            #expect(pair.comparison.headerChanges.contains { $0.field == .symbol }, "\(name)")
            // A resolution with nothing but the session update is a technical update only.
            #expect(pair.isTechnicalUpdateOnly == (applied == ["session-update"]), "\(name): \(applied)")
            // An inserted "Recalling its resolution …" paragraph is reported as added.
            if applied.contains("added") {
                #expect(Summary(pair.comparison)[.added] >= 1, "\(name)")
            }
        }
    }

    @Test("pairs by title when file names differ, and lists the rest as only on one side")
    func titlesAndLeftovers() throws {
        let sample = { (name: String) throws -> String in
            try String(contentsOf: samplesDirectory.appendingPathComponent(name), encoding: .utf8)
        }
        let old = [Batch.Document(name: "73/A-RES-73-55.txt", text: try sample("A-RES-73-illustrative.txt")),
                   Batch.Document(name: "73/minutes.txt", text: "Minutes of the meeting.\n")]
        let new = [Batch.Document(name: "77/A-RES-77-71.txt", text: try sample("A-RES-77-illustrative.txt")),
                   Batch.Document(name: "77/statement.txt", text: "A statement.\n")]
        let batch = Batch(old: old, new: new)
        #expect(batch.pairs.count == 1)
        #expect(batch.pairs.first?.reason == .title)
        #expect(batch.pairs.first?.comparison.oldName == "73/A-RES-73-55.txt")
        #expect(batch.onlyOld == ["73/minutes.txt"])
        #expect(batch.onlyNew == ["77/statement.txt"])
        #expect(batch.hasDifferences)
    }

    @Test("symbol series pairs resolutions whose titles changed")
    func symbolSeries() {
        #expect(Batch.series("75/68") == "68")
        #expect(Batch.series("A/RES/77/68 B") == "68")
        #expect(Batch.series("no symbol") == nil)
    }
}
