import Testing
@testable import ResoDiff

@Suite("Parse report")
struct ParseReportTests {
    @Test("JSON strings are escaped")
    func escaping() {
        #expect(ParseReport.quoted("a\"b\\c\nd\te\u{01}“f”") == "\"a\\\"b\\\\c\\nd\\te\\u0001“f”\"")
    }

    @Test("reports are deterministic and end in a newline")
    func deterministic() {
        let text = "The General Assembly,\n\nRecalling its resolution,1\n\n__________\n1 A/75/1.\n\n1. Urges all;"
        let a = Resolution(parsing: text), b = Resolution(parsing: text)
        #expect(ParseReport.json(a) == ParseReport.json(b))
        #expect(ParseReport.text(a) == ParseReport.text(b))
        #expect(ParseReport.json(a).hasSuffix("}\n"))
        #expect(ParseReport.text(a).contains("[1] A/75/1."))
    }

    @Test("a fallback parse reports its notice")
    func notice() {
        let r = Resolution(parsing: "Minutes of the meeting\n\nThe meeting rose at noon.")
        expectGolden(ParseReport.text(r) + "\n" + ParseReport.json(r), named: "parse-not-a-resolution", ext: "txt")
    }
}
