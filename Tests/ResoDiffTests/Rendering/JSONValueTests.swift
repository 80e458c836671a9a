import Foundation
import Testing
@testable import ResoDiff

@Suite("JSON writer")
struct JSONValueTests {
    @Test("strings escape quotes, backslashes and control characters", arguments: [
        "plain", "\"quoted\"", "back\\slash", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}",
        "الجمعية العامة 大会 Генеральная", "emoji 🇺🇳", "</script>",
    ])
    func stringEscaping(text: String) throws {
        let literal = JSONValue.quoted(text)
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
        let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed)
        #expect(back as? String == text)
    }

    @Test("empty arrays and objects are written compactly")
    func emptyContainers() {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .null), ("d", .bool(true))])
        #expect(value.serialized() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": null,\n  \"d\": true\n}")
    }

    /// The byte-level writer against the scalar-by-scalar one it replaced, on
    /// random text from every class of character it treats apart.
    @Test("the byte-level writer agrees with the scalar one", arguments: [UInt64(1), 2, 3])
    func agreesWithScalarWriter(seed: UInt64) {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "Urges ", "\"", "\\", "\n", "\r\n", "\t", "\u{08}", "\u{0C}", "\u{0}", "\u{1B}", "\u{7F}",
                      "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2020}", "—", "“", "é", "e\u{301}", "大", "🇺🇳", "/"]
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(JSONValue.quoted(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
