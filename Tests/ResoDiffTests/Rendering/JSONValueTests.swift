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
}
