import Testing
@testable import ResoDiff

/// Undoes ``MarkdownRenderer/escape(_:)``: backslash escapes and the three
/// entities, as a Markdown renderer would when showing the text.
private func unescape(_ markdown: String) -> String {
    var out = ""
    var escaped = false
    for c in markdown {
        if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
    }
    return out.replacingEntities()
}

private extension String {
    func replacingEntities() -> String {
        var out = ""
        var rest = Substring(self)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if rest.hasPrefix("&lt;") { out += "<"; rest = rest.dropFirst(4) }
            else if rest.hasPrefix("&gt;") { out += ">"; rest = rest.dropFirst(4) }
            else if rest.hasPrefix("&amp;") { out += "&"; rest = rest.dropFirst(5) }
            else { out += "&"; rest = rest.dropFirst() }
        }
        return out + rest
    }
}

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    @Test("golden: changes only")
    func golden() {
        expectGolden(MarkdownRenderer().render(RenderingFixtures.sample), named: "MarkdownRenderer-sample", ext: "md")
    }

    @Test("golden: one paragraph of context")
    func goldenContext() {
        let renderer = MarkdownRenderer(options: .init(context: 1))
        expectGolden(renderer.render(RenderingFixtures.sample), named: "MarkdownRenderer-context", ext: "md")
    }

    @Test("heading, summary table, header changes, and each change with label and kind")
    func structure() {
        let markdown = MarkdownRenderer().render(RenderingFixtures.sample)
        #expect(markdown.hasPrefix("## A-RES-74-50.txt → A-RES-75-68.txt\n"))
        #expect(markdown.contains("| Change | Count |\n|:--|--:|\n| unchanged | 2 |\n| ↳ renumbered | 1 |\n"))
        #expect(markdown.contains("| ↳ technical | 2 |"))
        #expect(markdown.contains("- session: ~~Seventy-fourth session~~ → **Seventy-fifth session**"))
        #expect(markdown.contains("- committee report: *(none)* → **A/75/399, para. 96**"))
        #expect(markdown.contains("#### OP1 — reworded\n\n*substantive; verb: encourages → urges, stronger · similarity 0.714*\n\n"
            + "~~Encourages~~**Urges** all States to ratify the Treaty **without delay**;\n"))
        #expect(markdown.contains("#### PP2 — added\n\n**Welcoming the report of the Secretary-General,**\n"))
        #expect(markdown.contains("#### OP3 — removed\n\n~~Welcomes the efforts of regional organizations;~~\n"))
        #expect(markdown.contains("#### OP2 → OP3, OP4 — split"))
        #expect(markdown.contains("#### OP4, OP5 → OP5 — merged"))
        #expect(markdown.contains("*… 2 unchanged paragraphs*") == false)
        #expect(markdown.contains("*… 1 unchanged paragraph*"))
    }

    @Test("punctuation next to a word falls back to <ins> and <del>, which GitHub also renders")
    func flankingFallback() {
        let renderer = MarkdownRenderer()
        #expect(renderer.wordDiff([WordEdit(.equal, "the Treaty"), WordEdit(.delete, ";"), WordEdit(.insert, ".")])
            == "the Treaty<del>;</del>**.**")
        #expect(renderer.wordDiff([WordEdit(.equal, "Assembly"), WordEdit(.insert, "; Also requests"), WordEdit(.equal, " to")])
            == "Assembly<ins>; Also requests</ins> to")
        #expect(renderer.wordDiff([WordEdit(.equal, "the"), WordEdit(.insert, " new"), WordEdit(.equal, " report")])
            == "the **new** report")
        #expect(renderer.wordDiff([WordEdit(.equal, "report"), WordEdit(.delete, " (2019)"), WordEdit(.equal, "; and")])
            == "report ~~(2019)~~; and")
    }

    @Test("hostile text is made inert and non-Latin text survives")
    func hostile() {
        let markdown = MarkdownRenderer(options: .init(full: true)).render(RenderingFixtures.hostile)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("</style>"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("\\[click\\](javascript:alert(1))"))
        #expect(!markdown.contains("k](javascript"), "the link's brackets stay escaped")
        #expect(markdown.contains("\\*bold\\* \\_em\\_ \\~\\~gone\\~\\~ \\`code\\` \\# \\| \\$x\\$ \\\\"))
        #expect(markdown.contains("&amp; \"quotes\" 'apostrophes'"))
        for script in ["الجمعية العامة", "大会", "Генеральная Ассамблея"] { #expect(markdown.contains(script)) }
        // The only raw tags are the renderer's own.
        let tags = markdown.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(tags.allSatisfy { ["br/", "ins", "/ins", "del", "/del"].contains(String($0)) }, "\(tags)")
    }

    @Test("escaping round-trips: the rendered text is the document text", arguments: [
        RenderingFixtures.hostileText, "plain words", "a\\b", "&lt; is not <", "**", "1. 2) - + = > #",
    ])
    func escapeRoundTrip(text: String) {
        let escaped = MarkdownRenderer.escape(text)
        #expect(unescape(escaped) == text)
        #expect(!escaped.contains("<") && !escaped.contains(">"))
    }

    @Test("text that would open a block at a line start is guarded", arguments: [
        ("- not a list", "\\- not a list"), ("+ plus", "\\+ plus"), ("= under", "\\= under"),
        ("1. Decides", "1\\. Decides"), ("12) Item", "12\\) Item"), ("1999 was", "1999 was"),
        ("    indented", "indented"), ("Decides", "Decides"),
    ])
    func lineStart(line: String, guarded: String) {
        #expect(MarkdownRenderer.guardingLineStart(line) == guarded)
    }

    @Test("a paragraph opening with a number does not become a list")
    func numberedParagraph() {
        let old = Paragraph(kind: .generic, label: "P1", text: "1. Decides to act;")
        let comparison = Comparison(oldName: "a", newName: "b", old: Resolution(paragraphs: []),
                                    new: Resolution(paragraphs: [old]), headerChanges: [],
                                    changes: [Change(kind: .added, old: [], new: [old])])
        #expect(MarkdownRenderer().render(comparison).contains("\n**1. Decides to act;**\n"))
        let removed = Comparison(oldName: "a", newName: "b", old: Resolution(paragraphs: [old]),
                                 new: Resolution(paragraphs: []), headerChanges: [],
                                 changes: [Change(kind: .removed, old: [old], new: [])])
        #expect(MarkdownRenderer().render(removed).contains("\n~~1. Decides to act;~~\n"))
    }

    @Test("aligner output renders every difference")
    func aligned() {
        let comparison = RenderingFixtures.aligned
        let markdown = MarkdownRenderer().render(comparison)
        for change in comparison.changes where change.isDifference {
            #expect(markdown.contains("— \(change.kind.rawValue)"))
        }
    }

    /// The byte-level escaping against the scalar-by-scalar one it replaced.
    @Test("the byte-level escaping agrees with the scalar one", arguments: [UInt64(1), 2, 3])
    func escapingAgreesWithScalarCode(seed: UInt64) {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\", "`", "*", "_", "~", "[", "]", "#", "|", "$":
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
                case "\u{00}"..."\u{1F}": out += "\u{FFFD}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "Urges ", "\\", "`", "*", "_", "~", "[", "]", "#", "|", "$", "&", "<", ">", "\n", "\r\n", "\t",
                      "\u{0B}", "\u{0C}", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{84}", "\u{C5}", "\u{2028}", "\u{2029}",
                      "\u{2027}", "—", "“", "é", "e\u{301}", "大", "🇺🇳"]
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(MarkdownRenderer.escape(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
