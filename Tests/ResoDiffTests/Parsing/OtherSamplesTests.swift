import Foundation
import Testing
@testable import ResoDiff

/// The illustrative samples are written elsewhere; when they are present in
/// `Samples/`, their structure is checked against their README.
@Suite("Other samples, when present")
struct OtherSamplesTests {
    @Test("paragraph counts and header", arguments: [
        ("A-RES-75-68-hardwrapped.txt", 11, 13, "75/68"),
        ("A-RES-73-illustrative.txt", 10, 14, "73/55"),
        ("A-RES-77-illustrative.txt", 13, 13, "77/71"),
    ])
    func counts(_ name: String, _ pp: Int, _ op: Int, _ symbol: String) throws {
        let url = samplesDirectory.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let r = Resolution(parsing: text)
        #expect(r.paragraphs.filter { $0.kind == .preambular }.count == pp)
        #expect(r.paragraphs.filter { $0.kind == .operative }.count == op)
        #expect(r.paragraphs.filter { $0.kind == .generic }.isEmpty)
        #expect(r.header.symbol == symbol)
        #expect(r.header.title == "Strengthening and developing the system of arms control, disarmament and non-proliferation treaties and agreements")
        #expect(r.paragraphs.last?.kind == .closing)
    }

    @Test("the hard-wrapped layout reads exactly as the real text")
    func hardWrapped() throws {
        let url = samplesDirectory.appendingPathComponent("A-RES-75-68-hardwrapped.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let wrapped = Resolution(parsing: text)
        let real = try SampleTests.sample()
        #expect(wrapped.paragraphs.map(\.label) == real.paragraphs.map(\.label))
        #expect(wrapped.paragraphs.map(\.key) == real.paragraphs.map(\.key))
        for field in Header.Field.allCases {
            #expect(wrapped.header[field] == real.header[field], "\(field)")
        }
        for (w, r) in zip(wrapped.paragraphs, real.paragraphs) where w.text != r.text {
            Issue.record("\(w.label): \(w.text) != \(r.text)")
        }
    }
}
