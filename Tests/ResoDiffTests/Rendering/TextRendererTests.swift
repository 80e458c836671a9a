import Testing
@testable import ResoDiff

/// The terminal report's pieces, written as bytes: markers, colour, and the
/// space kept outside an edit's markers.
@Suite("Text report")
struct TextRendererTests {
    static let plain = TextRenderer()
    static let colored = TextRenderer(options: .init(color: true))

    @Test("word edits: wdiff markers without colour, escape sequences with it")
    func wordEdits() {
        let edits = [WordEdit(.equal, "Urges"), WordEdit(.delete, " all"), WordEdit(.insert, " every"),
                     WordEdit(.equal, " State"), WordEdit(.insert, " concerned")]
        #expect(Self.plain.wordDiff(edits) == "Urges [-all-]{+every+} State {+concerned+}")
        #expect(Self.colored.wordDiff(edits)
                == "Urges \u{1B}[31;9mall\u{1B}[0m\u{1B}[32;4mevery\u{1B}[0m State \u{1B}[32;4mconcerned\u{1B}[0m")
    }

    @Test("a space that a combining mark joins stays inside the edit; an empty edit is not coloured")
    func edgesOfEdits() {
        let edits = [WordEdit(.equal, "a"), WordEdit(.insert, " \u{301}b"), WordEdit(.delete, " ")]
        #expect(Self.plain.wordDiff(edits) == "a{+ \u{301}b+} [--]")
        #expect(Self.colored.wordDiff(edits) == "a\u{1B}[32;4m \u{301}b\u{1B}[0m ")
    }

    @Test("an added or removed paragraph's text is styled unless empty")
    func bodies() {
        let p = Paragraph(kind: .operative, label: "OP1", text: "Requests a report;")
        let empty = Paragraph(kind: .generic, label: "P1", text: "")
        #expect(Self.colored.body(of: Change(kind: .added, old: [], new: [p])) == "\u{1B}[32;4mRequests a report;\u{1B}[0m")
        #expect(Self.colored.body(of: Change(kind: .removed, old: [p], new: [])) == "\u{1B}[31;9mRequests a report;\u{1B}[0m")
        #expect(Self.colored.body(of: Change(kind: .added, old: [], new: [empty])) == "")
        #expect(Self.colored.body(of: Change(kind: .added, old: [], new: [empty, empty])) == "\u{1B}[32;4m \u{1B}[0m")
        #expect(Self.plain.body(of: Change(kind: .split, old: [p], new: [p, p])) == "Requests a report; Requests a report;")
    }

    @Test("heading lines: sign, place, kind and category, bold or dim")
    func headings() {
        let old = Paragraph(kind: .operative, label: "OP5", text: "Urges States;")
        let new = Paragraph(kind: .operative, label: "OP6", text: "Urges States;")
        #expect(Self.plain.line(for: Change(kind: .unchanged, old: [old], new: [new])) == "  OP6 (was OP5)")
        #expect(Self.colored.line(for: Change(kind: .unchanged, old: [old], new: [new])) == "\u{1B}[2m  OP6 (was OP5)\u{1B}[0m")
        let rewording = Rewording(category: .technical, similarity: 0.9, words: [])
        #expect(Self.colored.line(for: Change(kind: .reworded, old: [old], new: [new], rewording: rewording))
                == "\u{1B}[1m~ OP6 (was OP5) reworded [technical]\u{1B}[0m")
        #expect(Self.plain.line(for: Change(kind: .merged, old: [old, old], new: [new])) == "> OP5, OP5 merged into OP6")
    }

    @Test("a large comparison (summary and elision worked out on two threads): every change once, counts right")
    func largeComparison() {
        var changes: [Change] = []
        var unchanged = 0
        for k in 0..<6000 {
            let p = Paragraph(kind: .operative, label: "OP\(k)", text: "Requests report \(k);")
            if k % 97 == 0 {
                changes.append(Change(kind: .added, old: [], new: [p]))
            } else {
                let renumbered = Paragraph(kind: .operative, label: "OP\(k + 1)", text: p.text)
                changes.append(Change(kind: .unchanged, old: [p], new: [k % 2 == 0 ? renumbered : p]))
                unchanged += 1
            }
        }
        #expect(changes.count >= TextRenderer.parallelMinimum)
        let comparison = Comparison(oldName: "a", newName: "b", old: Resolution(header: Header(), paragraphs: []),
                                    new: Resolution(header: Header(), paragraphs: []), headerChanges: [], changes: changes)
        let lines = Self.plain.render(comparison).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines[2] == Summary(comparison).line)
        let elided = lines.compactMap { line -> Int? in
            guard line.hasPrefix("  ... ") else { return nil }
            return Int(line.dropFirst(6).prefix { $0.isNumber })
        }
        #expect(elided.reduce(0, +) == unchanged)
        #expect(lines.filter { $0.hasPrefix("+ ") }.count == changes.count - unchanged)
    }
}
