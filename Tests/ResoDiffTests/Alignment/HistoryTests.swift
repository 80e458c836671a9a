import Testing
@testable import ResoDiff

@Suite("History across versions")
struct HistoryTests {
    @Test("a paragraph keeps its identity through renumbering, rewording and a move")
    func identity() {
        let v1 = resolution(pp: basePP, op: baseOP)
        var op2 = baseOP
        op2.insert("Emphasizes the importance of dialogue and cooperation among States parties to resolve concerns;", at: 0)
        let v2 = resolution(pp: basePP, op: op2)
        var op3 = op2
        op3[3] = op3[3].replacingOccurrences(of: "Encourages", with: "Urges")
        op3.remove(at: 5)
        let v3 = resolution(pp: basePP, op: op3)
        let history = History(versions: [("v1", v1), ("v2", v2), ("v3", v3)])

        #expect(history.comparisons.count == 2)
        #expect(history.lineages.count == v1.paragraphs.count + 1)
        // Old OP3 "Encourages …" is OP4 in v2 (renumbered) and OP4 in v3 (verb change).
        let encourages = history.lineages.first { $0.steps[0]?.paragraph.label == "OP3" }
        #expect(encourages?.steps.map { $0?.paragraph.label } == ["OP3", "OP4", "OP4"])
        #expect(encourages?.steps.map { $0?.change?.kind } == [nil, .unchanged, .reworded])
        #expect(encourages?.steps[2]?.change?.rewording?.category == .verb)
        // The inserted paragraph appears in v2, as added.
        let added = history.lineages.first { $0.steps[0] == nil }
        #expect(added?.steps[1]?.change?.kind == .added)
        #expect(added?.steps[2]?.change?.kind == .unchanged)
        // Old OP5 "Notes …" is gone in v3, and comes last (removed along the way).
        let notes = history.lineages.last
        #expect(notes?.steps[0]?.paragraph.label == "OP5")
        #expect(notes?.steps[2] == nil)
        // Latest version's paragraphs come first, in document order.
        let latest = history.lineages.prefix(v3.paragraphs.count).map { $0.steps[2]?.paragraph.label }
        #expect(latest == v3.paragraphs.map(\.label))
    }

    @Test("a split keeps the first piece in the lineage and starts one for the rest")
    func split() {
        var pp = basePP
        pp[2] = "Stressing the vital importance of efforts in arms control,"
        pp.insert("Stressing also disarmament and non-proliferation for providing international peace,", at: 3)
        let history = History(versions: [("a", resolution(pp: basePP, op: baseOP)),
                                         ("b", resolution(pp: pp, op: baseOP)),
                                         ("c", resolution(pp: pp, op: baseOP))])
        let original = history.lineages.first { $0.steps[0]?.paragraph.label == "PP3" }
        #expect(original?.steps[1]?.change?.kind == .split)
        #expect(original?.steps[1]?.paragraph.label == "PP3")
        let piece = history.lineages.first { $0.steps[0] == nil }
        #expect(piece?.steps[1]?.paragraph.label == "PP4")
        #expect(piece?.steps[1]?.change?.kind == .split)
    }
}
