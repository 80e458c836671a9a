import Foundation
import Testing
@testable import ResoDiff

/// The property: every word of the input appears in the parsed document.
///
/// The generator builds resolution-like texts in the layouts the parser must
/// survive, and knows which parts of its input are not words of the text:
/// markup asterisks, footnote markers, paragraph numbers and sub-paragraph
/// letters (kept in `Paragraph.number`), and the page and web furniture that
/// ``PageFurniture`` defines. Every other word must come out exactly once and
/// in order: header lines, then paragraphs (number first), then footnotes —
/// footnote texts leave the flow wherever they stood.
@Suite("No text is ever dropped")
struct NoTextDroppedTests {
    /// A generated document: the input, and the words the parse must give back, in order.
    struct Sample {
        var input: String
        var bodyWords: [String]
        var footnoteWords: [String]
    }

    enum Layout: CaseIterable {
        case blankSeparated, hardWrapped, indentedNoBlanks, gluedMarkup, runTogether
    }

    static let vocabulary = [
        "the", "system", "of", "arms", "control", "treaties", "and", "agreements", "international",
        "security", "States", "Member", "nuclear-test-ban", "non-proliferation", "efforts",
        "implementation", "report", "Secretary-General", "regional", "stability", "confidence",
        "cooperation", "measures", "verification", "in", "to", "for", "with", "its", "their", "United",
        "Nations", "“integrity”", "capacity-building", "peace", "2020", "resolution", "74/50",
    ]
    static let preambular = [
        "Recalling", "Recalling also", "Reaffirming", "Noting with concern", "Bearing in mind",
        "Deeply concerned", "Taking into account", "Having considered", "Welcoming", "Stressing",
        "Mindful", "Convinced", "Aware", "Recognizing",
    ]
    static let operative = [
        "Urges", "Calls upon", "Calls for", "Requests", "Decides", "Encourages", "Welcomes", "Notes",
        "Takes note", "Invites", "Strongly urges", "Further requests", "Expresses the need",
    ]
    static let furniture = ["2/3", "20-16379", "A/RES/75/68", "*2016379*", "20-16379 (E) 141220 *2016379*"]

    static func generate(seed: UInt64) -> (Sample, Layout) {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) / 1000 < p }
        func words(_ n: ClosedRange<Int>) -> [String] {
            var w: [String] = []
            for _ in 0..<Int.random(in: n, using: &rng) {
                w.append(pick(vocabulary))
                if chance(0.08) { w[w.count - 1] += "," }
            }
            return w
        }
        let layout = pick(Layout.allCases)
        var footnoteWords: [String] = []
        var footnoteCount = 0

        // Logical paragraphs: (words as they stand in the input, words expected back).
        var header: [[String]] = [
            ["Seventy-fifth", "session"], ["Agenda", "item", "103", "(oo)"],
            ["General", "and", "complete", "disarmament:"] + words(3...12),
            ["Resolution", "adopted", "by", "the", "General", "Assembly", "on", "7", "December", "2020"],
            ["[on", "the", "report", "of", "the", "First", "Committee", "(A/75/399,", "para.", "96)]"],
            ["75/68."] + ["Strengthening"] + words(4...14),
        ]
        if chance(0.3) { header.insert(["Distr.:", "General"], at: 0) }  // furniture, not expected
        var body: [(opening: String, words: [String], number: String?, footnote: [String]?)] = []
        body.append(("", ["The", "General", "Assembly,"], nil, nil))
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            var w = words(2...30)
            var fn: [String]?
            if chance(0.2), layout != .runTogether, !w.isEmpty {
                footnoteCount += 1
                w[w.count / 2] += (w[w.count / 2].hasSuffix(",") ? "" : ",") + "\(footnoteCount)"
                fn = ["United", "Nations,", "Treaty", "Series,", "vol.", "\(100 + footnoteCount)."]
            }
            body.append((pick(preambular), w + ["peace,"], nil, fn))
        }
        let opCount = Int.random(in: 1...8, using: &rng)
        for k in 1...opCount {
            let hasSubs = chance(0.2) && layout != .runTogether
            body.append((pick(operative), words(2...30) + [hasSubs ? "following:" : (k == opCount ? "peace." : "peace;")], "\(k).", nil))
            if hasSubs {
                for letter in ["a", "b", "c"].prefix(Int.random(in: 1...3, using: &rng)) {
                    body.append(("To", words(1...12) + ["report;"], "(\(letter))", nil))
                }
            }
        }

        // Expected words, in order.
        var expected: [String] = []
        for h in header where h != ["Distr.:", "General"] { expected += h }
        for p in body {
            if let n = p.number { expected.append(n) }
            expected += p.opening.split(separator: " ").map(String.init)
            expected += p.words.map { stripMarker($0) }
        }
        expected += ["37th", "plenary", "meeting", "7", "December", "2020"]
        for p in body { if let f = p.footnote { footnoteWords += [p.words.first { $0.contains(",") && $0.last?.isNumber == true }.map { String($0.reversed().prefix(while: \.isNumber).reversed()) } ?? ""] + f } }

        // Render.
        let wrap = layout == .hardWrapped || layout == .indentedNoBlanks
        let gap = layout == .indentedNoBlanks ? "\n" : "\n\n"
        let nl = chance(0.3) ? "\r\n" : (chance(0.1) ? "\r" : "\n")
        var out = chance(0.2) ? "\u{FEFF}" : ""
        if chance(0.3) { out += "Skip to main content\nHome | Documents | Resolutions\n\n" }
        out += header.map { $0.joined(separator: " ") }.joined(separator: "\n\n") + "\n\n"
        var pendingFootnotes: [String] = []
        for (i, p) in body.enumerated() {
            let opening = p.opening.isEmpty ? "" : p.opening
            let marked = layout == .gluedMarkup && !opening.isEmpty ? "*\(opening)*" : opening
            let text = ([p.number, marked].compactMap { $0?.isEmpty == false ? $0 : nil } + p.words).joined(separator: " ")
            if layout == .runTogether && p.number == nil {
                out += text + (body.indices.contains(i + 1) && body[i + 1].number == nil ? " " : "\n\n")
                continue
            }
            if layout == .gluedMarkup && p.number == nil && i > 0 && body[i + 1 < body.count ? i + 1 : i].number == nil
                && p.footnote == nil {
                out += text
                continue
            }
            if wrap {
                out += hardWrap(text, indent: p.number?.hasPrefix("(") == true ? 10 : 6, width: 70, rng: &rng,
                                furniture: chance(0.3) ? pick(furniture) : nil, tabs: chance(0.2))
            } else {
                out += text.replacingOccurrences(of: " the ", with: chance(0.2) ? " the\u{00A0}" : " the ")
            }
            out += gap
            if let f = p.footnote {
                pendingFootnotes.append("\(footnoteCount > 0 ? stripNumber(p.words) : "") " + f.joined(separator: " "))
            }
            if !pendingFootnotes.isEmpty && (chance(0.5) || i == body.count - 1) {
                out += "\n____________\n" + pendingFootnotes.joined(separator: "\n") + "\n\n"
                pendingFootnotes = []
            }
        }
        if !pendingFootnotes.isEmpty { out += "\n____________\n" + pendingFootnotes.joined(separator: "\n") + "\n\n" }
        out += "\n37th plenary meeting\n7 December 2020\n"
        if chance(0.3) { out += "\nTerms of use\n© United Nations\n" }
        if nl != "\n" { out = out.replacingOccurrences(of: "\n", with: nl) }
        return (Sample(input: out, bodyWords: expected, footnoteWords: footnoteWords), layout)
    }

    /// "States,3" → "States,".
    static func stripMarker(_ w: String) -> String {
        guard let comma = w.lastIndex(of: ","), w[w.index(after: comma)...].allSatisfy(\.isNumber) else { return w }
        return String(w[...comma])
    }

    /// The footnote number glued in `words`.
    static func stripNumber(_ words: [String]) -> String {
        for w in words { if let c = w.lastIndex(of: ","), !w[w.index(after: c)...].isEmpty, w[w.index(after: c)...].allSatisfy(\.isNumber) { return String(w[w.index(after: c)...]) } }
        return ""
    }

    /// Wraps `text` near `width` columns with a first-line indent; breaks a long hyphenated
    /// word after its hyphen; may put page furniture between two lines (no blank lines around).
    static func hardWrap(_ text: String, indent: Int, width: Int, rng: inout SplitMix64,
                         furniture: String?, tabs: Bool) -> String {
        var lines: [String] = []
        var line = String(repeating: " ", count: indent)
        if tabs && indent >= 8 { line = "\t" + String(repeating: " ", count: indent - 8) }
        for word in text.split(separator: " ") {
            let w = String(word)
            if line.trimmingSpaces().isEmpty || line.count + 1 + w.count <= width {
                line += (line.trimmingSpaces().isEmpty ? "" : " ") + w
            } else if let h = w.firstIndex(of: "-"), line.count + 1 + w.distance(from: w.startIndex, to: h) < width,
                      w[w.index(after: h)...].first?.isLetter == true {
                lines.append(line + " " + w[...h])
                line = String(w[w.index(after: h)...])
            } else {
                lines.append(line)
                line = w
            }
        }
        lines.append(line)
        if let f = furniture, lines.count >= 2 {
            let at = 1 + Int(rng.next() % UInt64(lines.count - 1))
            lines.insert(f, at: at)
        }
        return lines.joined(separator: "\n")
    }

    static func outputWords(_ r: Resolution) -> (body: [String], footnotes: [String]) {
        var body: [String] = []
        for l in r.header.lines { body += l.split(whereSeparator: \.isWhitespace).map(String.init) }
        for p in r.paragraphs {
            if let n = p.number, p.kind == .operative { body.append(n + ".") }
            if let n = p.number, p.kind == .subparagraph { body.append("(\(n))") }
            body += p.text.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        var footnotes: [String] = []
        for f in r.footnotes { footnotes += [f.marker] + f.text.split(whereSeparator: \.isWhitespace).map(String.init) }
        return (body, footnotes)
    }

    @Test("every word of a generated resolution comes back, in order", arguments: 0..<300)
    func property(seed: Int) {
        let (sample, layout) = Self.generate(seed: UInt64(seed))
        let r = Resolution(parsing: sample.input)
        let (body, footnotes) = Self.outputWords(r)
        let expected = sample.bodyWords.map { $0.replacingOccurrences(of: "*", with: "") }
        if body != expected {
            let i = zip(body, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(body.count, expected.count)
            Issue.record("""
                seed \(seed), layout \(layout): word \(i) differs
                  got:      \(body[max(0, i - 5)..<min(body.count, i + 5)].joined(separator: " "))
                  expected: \(expected[max(0, i - 5)..<min(expected.count, i + 5)].joined(separator: " "))
                \(ProcessInfo.processInfo.environment["RESODIFF_DUMP"] == "1" ? sample.input : "")
                """)
        }
        #expect(footnotes == sample.footnoteWords, "seed \(seed), layout \(layout)")
        #expect(Set(r.paragraphs.map(\.label)).count == r.paragraphs.count, "labels are unique, seed \(seed)")
        #expect(r.paragraphs.filter { $0.kind == .operative }.count == sample.bodyWords.filter { $0.hasSuffix(".") && $0.dropLast().allSatisfy(\.isNumber) && !$0.dropLast().isEmpty }.count - 0, "seed \(seed)")
    }
}
