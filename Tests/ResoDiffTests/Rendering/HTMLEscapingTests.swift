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
}
