import Testing
@testable import ResoDiff

@Suite("Summary")
struct SummaryTests {
    @Test("the counting positions follow the order of the cases")
    func positions() {
        #expect(Change.Kind.allCases.indices.map { Summary.position(of: Change.Kind.allCases[$0]) }
                == Array(Change.Kind.allCases.indices))
        #expect(Rewording.Category.allCases.indices.map { Summary.position(of: Rewording.Category.allCases[$0]) }
                == Array(Rewording.Category.allCases.indices))
    }

    @Test("counts by kind, by category and renumbered, as one counts them by hand")
    func counts() {
        func p(_ label: String, _ text: String) -> Paragraph { Paragraph(kind: .operative, label: label, text: text) }
        func rewording(_ category: Rewording.Category) -> Rewording {
            Rewording(category: category, similarity: 0.9, words: [])
        }
        let changes = [
            Change(kind: .unchanged, old: [p("OP1", "A;")], new: [p("OP1", "A;")]),
            Change(kind: .unchanged, old: [p("OP2", "B;")], new: [p("OP3", "B;")]),
            Change(kind: .added, old: [], new: [p("OP2", "C;")]),
            Change(kind: .reworded, old: [p("OP3", "D;")], new: [p("OP4", "D 2;")], rewording: rewording(.technical)),
            Change(kind: .reworded, old: [p("OP4", "E;")], new: [p("OP5", "F;")], rewording: rewording(.substantive)),
            Change(kind: .reworded, old: [p("OP5", "G;")], new: [p("OP6", "G 3;")], rewording: rewording(.technical)),
            Change(kind: .moved, old: [p("OP6", "H;")], new: [p("OP7", "H;")], rewording: rewording(.verb)),
        ]
        let comparison = Comparison(oldName: "a", newName: "b", old: Resolution(header: Header(), paragraphs: []),
                                    new: Resolution(header: Header(), paragraphs: []), headerChanges: [], changes: changes)
        let summary = Summary(comparison)
        #expect(summary.kinds == [.unchanged: 2, .added: 1, .reworded: 3, .moved: 1])
        #expect(summary.categories == [.technical: 2, .substantive: 1])
        #expect(summary.renumbered == 1)
        #expect(summary[.removed] == 0 && summary[.verb] == 0)
    }
}
