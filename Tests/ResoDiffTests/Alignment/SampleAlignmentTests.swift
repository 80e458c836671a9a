import Testing
@testable import ResoDiff

/// The samples' edits, as Samples/README.md lists them, found one by one.
@Suite("Alignment of the sample versions")
struct SampleAlignmentTests {
    @Test("73 → 75/68: the moved, added, verb, substantive, removed and technical edits")
    func from73to75() throws {
        let comparison = try SamplePairs.comparison("A-RES-73-illustrative.txt", "A-RES-75-68.txt")
        #expect(differences(comparison) == [
            "moved PP5>PP8",
            "added >PP9",
            "reworded OP4>OP4 verb",
            "reworded OP6>OP6 substantive",
            "removed OP9>",
            "reworded OP14>OP13 technical",
            "reworded Closing>Closing technical",
        ])
        #expect(comparison.headerChanges.map(\.field) == [.session, .agendaItem, .adoptionDate, .committeeReport, .symbol])
        // OP10–OP13 of 73 are OP9–OP12 of 75/68: renumbered, not reworded.
        let renumbered = comparison.changes.filter { $0.isRenumbered && $0.new[0].kind == .operative }
        #expect(renumbered.map { "\($0.old[0].label)>\($0.new[0].label)" } == ["OP10>OP9", "OP11>OP10", "OP12>OP11", "OP13>OP12"])
        let verb = comparison.changes.first { $0.rewording?.category == .verb }?.rewording?.verb
        #expect(verb == VerbChange(old: "Encourages", new: "Urges", direction: .stronger))
    }

    @Test("75/68 → 77: inserted OP3 renumbers the rest; split, move, verb, removal, technical")
    func from75to77() throws {
        let comparison = try SamplePairs.comparison("A-RES-75-68.txt", "A-RES-77-illustrative.txt")
        #expect(differences(comparison) == [
            "added >PP2",
            "moved PP10>PP7",
            "split PP7>PP9+PP10 substantive",
            "added >OP3",
            "reworded OP9>OP10 substantive",
            "reworded OP10>OP11 verb",
            "removed OP12>",
            "reworded OP13>OP13 technical",
            "reworded Closing>Closing technical",
        ])
        let renumberedOPs = comparison.changes.filter { $0.isRenumbered && $0.new[0].kind == .operative }
        #expect(renumberedOPs.map(\.old[0].label) == ["OP3", "OP4", "OP5", "OP6", "OP7", "OP8", "OP11"])
        let verb = comparison.changes.first { $0.rewording?.category == .verb }?.rewording?.verb
        #expect(verb == VerbChange(old: "Encourages", new: "Calls upon", direction: .stronger))
    }

    @Test("the hard-wrapped 1990s layout of 75/68 is the same document")
    func hardWrapped() throws {
        let comparison = try SamplePairs.comparison("A-RES-75-68.txt", "A-RES-75-68-hardwrapped.txt")
        #expect(!comparison.hasDifferences)
        #expect(comparison.changes.count == 26)
    }

    @Test("--ignore-technical: what is left of 75/68 → 77 is substance")
    func ignoringTechnical() throws {
        let comparison = try SamplePairs.comparison("A-RES-75-68.txt", "A-RES-77-illustrative.txt")
            .ignoringTechnicalChanges()
        #expect(comparison.headerChanges.isEmpty)
        #expect(!comparison.changes.contains { $0.rewording?.category == .technical && $0.kind == .reworded })
        #expect(comparison.hasDifferences)
    }
}
