import Testing
@testable import ResoDiff

@Suite("Change")
struct ChangeTests {
    let olds = [Paragraph(kind: .operative, label: "OP1", number: "1", text: "Urges all States to act;"),
                Paragraph(kind: .operative, label: "OP2", number: "2", text: "Decides to remain seized of the matter.")]
    let news = [Paragraph(kind: .operative, label: "OP1", number: "1", text: "Welcomes the report;"),
                Paragraph(kind: .operative, label: "OP2", number: "2", text: "Urges all States to act;"),
                Paragraph(kind: .operative, label: "OP3", number: "3", text: "Decides to remain seized of the matter.")]

    @Test("an unchanged pair read in place is the same value as one holding its own lists")
    func pairEqualsLists() {
        let source = PairSource(old: olds, new: news)
        for (i, j) in [(0, 1), (1, 2), (0, 0)] {
            let pair = Change(unchanged: i, j, in: source)
            let lists = Change(kind: .unchanged, old: [olds[i]], new: [news[j]])
            #expect(pair.old == [olds[i]])
            #expect(pair.new == [news[j]])
            #expect(pair == lists)
            #expect(pair.hashValue == lists.hashValue)
            #expect(Set([pair, lists]).count == 1)
            #expect(pair.firstOld == olds[i] && pair.firstNew == news[j] && pair.oldCount == 1 && pair.newCount == 1)
            #expect(pair.oldLabels == lists.oldLabels && pair.newLabels == lists.newLabels)
            #expect(pair.oldLabels == olds[i].label && pair.newLabels == news[j].label)
            #expect(pair.isRenumbered == (olds[i].label != news[j].label))
            #expect(pair.isRenumbered == lists.isRenumbered)
        }
        #expect(Change(unchanged: 0, 1, in: source) != Change(unchanged: 1, 2, in: source))
        // Printed as its public properties, whichever way it holds its paragraphs.
        #expect(String(describing: Change(unchanged: 0, 1, in: source))
                == String(describing: Change(kind: .unchanged, old: [olds[0]], new: [news[1]])))
        #expect(String(describing: Change(unchanged: 0, 1, in: source)).contains("old: ["))
        let merged = Change(kind: .merged, old: olds, new: [news[2]])
        #expect(merged.oldLabels == "OP1, OP2" && merged.newLabels == "OP3")
        #expect(merged.oldCount == 2 && merged.newCount == 1)
        #expect(Change(kind: .added, old: [], new: [news[0]]).oldLabels == "")
        #expect(Change(unchanged: 0, 1, in: source).isRenumbered)
        #expect(!Change(unchanged: 0, 0, in: source).isRenumbered)
    }

    @Test("setting a pair's paragraphs keeps the other side")
    func settingSides() {
        let source = PairSource(old: olds, new: news)
        var change = Change(unchanged: 0, 1, in: source)
        change.new = [news[0], news[2]]
        #expect(change.old == [olds[0]])
        #expect(change.new == [news[0], news[2]])
        #expect(change.newCount == 2)
        change = Change(unchanged: 1, 2, in: source)
        change.old.append(olds[0])
        #expect(change.old == [olds[1], olds[0]])
        #expect(change.new == [news[2]])
        // Another kind, same paragraphs.
        let moved = Change(unchanged: 0, 1, in: source).with(kind: .moved, rewording: nil)
        #expect(moved.kind == .moved && moved.old == [olds[0]] && moved.new == [news[1]])
        #expect(!moved.isRenumbered)
    }

    @Test("the aligner's unchanged pairs are the changes a list-built comparison holds")
    func alignerPairs() {
        let old = Resolution(paragraphs: olds)
        let new = Resolution(paragraphs: news)
        let comparison = Aligner().compare(old, new)
        let unchanged = comparison.changes.filter { $0.kind == .unchanged }
        #expect(unchanged == [Change(kind: .unchanged, old: [olds[0]], new: [news[1]]),
                              Change(kind: .unchanged, old: [olds[1]], new: [news[2]])])
        #expect(unchanged.allSatisfy { $0.isRenumbered })
        #expect(comparison.changes.filter(\.isDifference).map(\.kind) == [.added])
    }
}
