import Foundation
import Testing
@testable import ResoDiff

/// The staged parse (`Resolution.decoding(count:read:)`): several inputs read
/// and parsed on two threads, each text's blocks cut in runs either thread
/// may take. Whatever the threads do, each result must be what parsing that
/// input alone gives.
@Suite("Staged parse of several inputs")
struct StagedParseTests {
    /// Every sample's bytes.
    static func samples() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 4)
        return try names.map { [UInt8](try Data(contentsOf: samplesDirectory.appendingPathComponent($0))) }
    }

    /// A compilation long enough to be cut in several runs: the generated
    /// corpus's resolutions of one side, and the samples, five times over.
    static func compilation(side: String) throws -> [UInt8] {
        let folder = fixturesDirectory.appendingPathComponent("corpus").appendingPathComponent(side)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var parts = try names.map { [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))) }
        parts += try samples()
        let once = parts.reduce(into: [UInt8]()) { all, part in all += part + Array("\n\n".utf8) }
        return (0..<5).flatMap { _ in once }
    }

    /// What parsing `bytes` alone gives.
    static func alone(_ bytes: [UInt8], path: String) -> Result<Resolution, InputError> {
        Result { () throws(InputError) in try Resolution(decoding: bytes, path: path) }
    }

    @Test("the compilation is cut in several runs (so the tests below cover runs)")
    func compilationHasRuns() throws {
        let text = String(decoding: try Self.compilation(side: "old"), as: UTF8.self)
        let front = ResolutionParser().front(of: LineReader.read(text))
        #expect(StagedParse.runs(ofBlocks: front.blockCount).count >= 3)
    }

    @Test("each input gives what it gives alone, for two inputs and for several")
    func sameAsAlone() throws {
        let samples = try Self.samples()
        // One in UTF-16 (little-endian, with its byte-order mark), which is decoded to a string first.
        let utf16: [UInt8] = [0xFF, 0xFE] + String(decoding: samples[0], as: UTF8.self).utf16
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let inputs = [try Self.compilation(side: "old"), try Self.compilation(side: "new"), utf16] + samples
        for count in [0, 1, 2, 3, inputs.count] {
            let chosen = Array(inputs.prefix(count))
            let results = Resolution.decoding(count: count) { k in (chosen[k], "in\(k).txt") }
            #expect(results.count == count)
            for (k, result) in results.enumerated() {
                #expect(result == Self.alone(chosen[k], path: "in\(k).txt"), "input \(k) of \(count)")
            }
        }
    }

    @Test("an input that cannot be read or decoded gives its error, in its place; the others parse")
    func errorsInPlace() throws {
        let good = try Self.compilation(side: "new")
        let binary: [UInt8] = Array("Recalling".utf8) + [0, 1, 2] + Array(repeating: 0, count: 100)
        let results = Resolution.decoding(count: 4) { k throws(InputError) in
            switch k {
            case 1: throw InputError.notFound(path: "missing.txt")
            case 2: return (binary, "binary.txt")
            default: return (good, "good\(k).txt")
            }
        }
        #expect(results.count == 4)
        #expect(results[0] == Self.alone(good, path: "good0.txt"))
        #expect(results[1] == .failure(.notFound(path: "missing.txt")))
        #expect(results[2] == Self.alone(binary, path: "binary.txt"))
        if case .success = results[2] { Issue.record("binary input parsed") }
        #expect(results[3] == Self.alone(good, path: "good3.txt"))
    }

    @Test("a text finished from any cut of its blocks into runs is the text parsed at once")
    func anyCut() throws {
        let parser = ResolutionParser()
        var random = SplitMix64(seed: 0x5EED_0F_2026)
        let samples = try Self.samples().map { String(decoding: $0, as: UTF8.self) }
        let texts = [String(decoding: try Self.compilation(side: "old"), as: UTF8.self)] + samples
        for text in texts {
            let whole = parser.parse(text)
            for _ in 0..<4 {
                let front = parser.front(of: LineReader.read(text))
                // Cuts at random, empty runs included.
                var cuts = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                    Int.random(in: 0...front.blockCount, using: &random)
                }
                cuts = ([0] + cuts + [front.blockCount]).sorted()
                let runs = zip(cuts, cuts.dropFirst()).map { parser.pieces(of: front, blocks: $0..<$1) }
                #expect(parser.finish(front, pieces: PieceList(runs: runs)) == whole)
            }
        }
    }

    @Test("runs cover every block once, in order, in runs of the minimum length or more")
    func runsCoverBlocks() {
        for count in [0, 1, 511, 512, 1023, 1024, 1025, 16_383, 16_384, 100_000] {
            let runs = StagedParse.runs(ofBlocks: count)
            #expect(!runs.isEmpty && runs.count <= StagedParse.maximumRuns)
            #expect(runs.first?.lowerBound == 0 && runs.last?.upperBound == count)
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            if runs.count > 1 { #expect(runs.allSatisfy { $0.count >= StagedParse.minimumRunBlocks }) }
        }
        #expect(StagedParse.runs(ofBlocks: 100_000).count == StagedParse.maximumRuns)
        #expect(StagedParse.runs(ofBlocks: 1024).count == 2)
    }

    @Test("a piece list reads its runs' pieces in order, past empty runs")
    func pieceList() {
        func piece(_ s: String) -> PieceList.Piece { .init(raw: s, block: nil, display: s, traits: nil) }
        let list = PieceList(runs: [[], [piece("a"), piece("b")], [], [], [piece("c")], []])
        #expect(list.map(\.raw) == ["a", "b", "c"])
        #expect(list.count == 3)
        #expect(list[list.index(after: list.index(after: list.startIndex))].raw == "c")
        #expect(list[list.startIndex...].dropFirst().map(\.raw) == ["b", "c"])
        // Distances between any two positions, against a walk.
        let positions = Array(list.indices) + [list.endIndex]
        for (a, i) in positions.enumerated() {
            for (b, j) in positions.enumerated() {
                #expect(list.distance(from: i, to: j) == b - a)
            }
        }
        let empty = PieceList(runs: [[], []])
        #expect(empty.isEmpty && empty.startIndex == empty.endIndex && empty.count == 0)
        #expect(PieceList(runs: []).isEmpty)
    }
}
