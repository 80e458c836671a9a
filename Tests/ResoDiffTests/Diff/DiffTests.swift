import Testing
@testable import ResoDiff

/// The length of a longest common subsequence, by the textbook
/// dynamic-programming table: the reference the engine is checked against.
private func lcsLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...a.count {
        for j in 1...b.count {
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Checks the structural invariants every script must satisfy and that it
/// reproduces `b` from `a`; returns the script for further checks.
@discardableResult
private func checkedDiff<T: Hashable>(_ a: [T], _ b: [T], costLimit: Int? = nil,
                                      sourceLocation: SourceLocation = #_sourceLocation) -> EditScript {
    let script = diff(from: a, to: b, costLimit: costLimit)
    #expect(script.applying(to: a, inserting: b) == b, "script does not rebuild new from old",
            sourceLocation: sourceLocation)
    var x = 0, y = 0
    var previous: EditScript.Run.Operation?
    for run in script.runs {
        #expect(run.old.lowerBound == x && run.new.lowerBound == y, "runs do not tile the sequences",
                sourceLocation: sourceLocation)
        #expect(run.operation != previous, "two adjacent runs share an operation", sourceLocation: sourceLocation)
        switch run.operation {
        case .equal:
            #expect(run.old.count == run.new.count && !run.old.isEmpty, sourceLocation: sourceLocation)
            #expect(Array(a[run.old]) == Array(b[run.new]), "an equal run covers different elements",
                    sourceLocation: sourceLocation)
        case .delete:
            #expect(run.new.isEmpty && !run.old.isEmpty, sourceLocation: sourceLocation)
        case .insert:
            #expect(run.old.isEmpty && !run.new.isEmpty, sourceLocation: sourceLocation)
        }
        previous = run.operation
        x = run.old.upperBound
        y = run.new.upperBound
    }
    #expect(x == a.count && y == b.count, "runs do not cover both sequences", sourceLocation: sourceLocation)
    return script
}

@Suite("Myers engine")
struct DiffTests {
    @Test("every pair of short sequences over two letters: valid and minimal")
    func exhaustiveShortPairs() {
        // All sequences of length 0...5 over {0, 1}: 63 sequences, 3,969 pairs.
        var sequences: [[Int]] = [[]]
        var frontier: [[Int]] = [[]]
        for _ in 1...5 {
            frontier = frontier.flatMap { s in [s + [0], s + [1]] }
            sequences += frontier
        }
        for a in sequences {
            for b in sequences {
                let script = checkedDiff(a, b)
                #expect(script.editCount == a.count + b.count - 2 * lcsLength(a, b), "not minimal: \(a) → \(b)")
            }
        }
    }

    @Test("seeded random pairs over small alphabets: valid and minimal", arguments: [2, 3, 4, 8])
    func randomPairs(alphabet: Int) {
        var rng = SplitMix64(seed: 0x5EED + UInt64(alphabet))
        for _ in 0..<400 {
            let a = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Int.random(in: 0..<alphabet, using: &rng) }
            let b = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Int.random(in: 0..<alphabet, using: &rng) }
            let script = checkedDiff(a, b)
            #expect(script.editCount == a.count + b.count - 2 * lcsLength(a, b), "not minimal: \(a) → \(b)")
        }
    }

    @Test("random edits of a longer sequence: valid and minimal")
    func editedSequences() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let a = (0..<Int.random(in: 50...200, using: &rng)).map { _ in Int.random(in: 0..<6, using: &rng) }
            var b = a
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &rng))
                case 1: b.insert(Int.random(in: 0..<6, using: &rng), at: Int.random(in: 0...b.count, using: &rng))
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &rng)] = Int.random(in: 0..<6, using: &rng) }
                }
            }
            let script = checkedDiff(a, b)
            #expect(script.editCount == a.count + b.count - 2 * lcsLength(a, b))
        }
    }

    @Test("past the cost bound the script stays valid", arguments: [1, 2, 5, 20])
    func costBoundKeepsValidity(limit: Int) {
        var rng = SplitMix64(seed: 7 + UInt64(limit))
        var longerThanMinimal = 0
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...80, using: &rng)).map { _ in Int.random(in: 0..<5, using: &rng) }
            let b = (0..<Int.random(in: 0...80, using: &rng)).map { _ in Int.random(in: 0..<5, using: &rng) }
            let script = checkedDiff(a, b, costLimit: limit)
            let minimal = a.count + b.count - 2 * lcsLength(a, b)
            #expect(script.editCount >= minimal)
            if script.editCount > minimal { longerThanMinimal += 1 }
        }
        // A bound this low must have cut some searches short, or the heuristic never ran.
        if limit <= 2 { #expect(longerThanMinimal > 0) }
    }

    @Test("the cost bound is reached on unrelated long sequences and still rebuilds them")
    func costBoundOnUnrelatedInput() {
        var rng = SplitMix64(seed: 99)
        let a = (0..<20_000).map { _ in Int.random(in: 0..<1_000, using: &rng) }
        let b = (0..<20_000).map { _ in Int.random(in: 0..<1_000, using: &rng) }
        checkedDiff(a, b)
    }

    @Test("empty sides")
    func emptySides() {
        #expect(checkedDiff([Int](), []).runs.isEmpty)
        #expect(checkedDiff([], [1, 2]).runs == [.init(.insert, old: 0..<0, new: 0..<2)])
        #expect(checkedDiff([1, 2], []).runs == [.init(.delete, old: 0..<2, new: 0..<0)])
    }

    @Test("identical sequences give one equal run")
    func identical() {
        let a = Array("the general assembly".utf8)
        #expect(checkedDiff(a, a).runs == [.init(.equal, old: 0..<a.count, new: 0..<a.count)])
        #expect(diff(from: a, to: a).isIdentity)
    }

    @Test("disjoint sequences: delete everything, then insert everything")
    func disjoint() {
        let script = checkedDiff([1, 2, 3], [4, 5])
        #expect(script.runs == [.init(.delete, old: 0..<3, new: 0..<0), .init(.insert, old: 3..<3, new: 0..<2)])
    }

    @Test("single elements")
    func singleElements() {
        #expect(checkedDiff([1], [1]).runs == [.init(.equal, old: 0..<1, new: 0..<1)])
        #expect(checkedDiff([1], [2]).runs == [.init(.delete, old: 0..<1, new: 0..<0),
                                               .init(.insert, old: 1..<1, new: 0..<1)])
    }

    @Test("a long common prefix and suffix around one change")
    func longPrefixAndSuffix() {
        let prefix = Array(0..<5_000), suffix = Array(10_000..<15_000)
        let script = checkedDiff(prefix + [7_777] + suffix, prefix + [8_888, 9_999] + suffix)
        #expect(script.runs == [
            .init(.equal, old: 0..<5_000, new: 0..<5_000),
            .init(.delete, old: 5_000..<5_001, new: 5_000..<5_000),
            .init(.insert, old: 5_001..<5_001, new: 5_000..<5_002),
            .init(.equal, old: 5_001..<10_001, new: 5_002..<10_002),
        ])
    }

    @Test("strings are interned: long equal elements compare as one")
    func strings() {
        let a = ["Recalling its resolution", "Urges all States", "Decides"]
        let b = ["Recalling its resolution", "Calls upon all States", "Decides"]
        let script = checkedDiff(a, b)
        #expect(script.editCount == 2)
    }
}
