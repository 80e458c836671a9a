import Testing
@testable import ResoDiff

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("escaping covers the five characters and XML-illegal controls", arguments: [
        ("a & b", "a &amp; b"), ("<p>", "&lt;p&gt;"), ("\"'", "&quot;&#39;"), ("tab\tnew\nline", "tab\tnew\nline"),
        ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"), ("大会 Ассамблея", "大会 Ассамблея"),
    ])
    func escaping(input: String, output: String) {
        #expect(HTMLEscaping.escape(input) == output)
    }

    @Test("escaped text never holds markup or a raw quote")
    func noMarkup() {
        let escaped = HTMLEscaping.escape(RenderingFixtures.hostileText)
        for forbidden in ["<", ">", "\"", "'"] { #expect(!escaped.contains(forbidden)) }
        #expect(escaped.contains("الجمعية العامة 大会 Генеральная Ассамблея"))
    }

    /// The byte-level escaping against the scalar-by-scalar one it replaced.
    @Test("the byte-level escaping agrees with the scalar one", arguments: [UInt64(1), 2, 3])
    func agreesWithScalarEscaping(seed: UInt64) {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "Urges ", "&", "<", ">", "\"", "'", "\t", "\n", "\r\n", "\u{0}", "\u{7}", "\u{1F}", "\u{7F}",
                      "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FFEF}", "\u{EFBF}", "—", "“", "é", "e\u{301}", "大", "🇺🇳"]
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(HTMLEscaping.escape(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
