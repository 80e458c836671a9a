import Foundation
import Testing
@testable import ResoDiff

/// The sample pairs every renderer is held to: a change in any report is a
/// reviewed change of its golden file.
enum SamplePairs {
    static let pairs: [(old: String, new: String)] = [
        ("A-RES-73-illustrative.txt", "A-RES-75-68.txt"),
        ("A-RES-75-68.txt", "A-RES-77-illustrative.txt"),
        ("A-RES-73-illustrative.txt", "A-RES-77-illustrative.txt"),
        ("A-RES-75-68.txt", "A-RES-75-68-hardwrapped.txt"),
    ]

    static func load(_ name: String) throws -> Resolution {
        Resolution(parsing: try String(contentsOf: samplesDirectory.appendingPathComponent(name), encoding: .utf8))
    }

    /// The comparison of a pair, named by file names only so goldens do not depend on paths.
    static func comparison(_ old: String, _ new: String) throws -> Comparison {
        Aligner().compare(try load(old), try load(new), oldName: old, newName: new)
    }

    /// "73-75", "75-77", "75-75-hardwrapped" …
    static func stem(_ old: String, _ new: String) -> String {
        func short(_ name: String) -> String {
            name.replacingOccurrences(of: "A-RES-", with: "").replacingOccurrences(of: ".txt", with: "")
                .replacingOccurrences(of: "-illustrative", with: "").replacingOccurrences(of: "-68", with: "")
        }
        return "\(short(old))-\(short(new))"
    }
}

@Suite("Golden reports on the samples")
struct SampleGoldenTests {
    @Test("every renderer on every sample pair", arguments: SamplePairs.pairs)
    func renderers(old: String, new: String) throws {
        let comparison = try SamplePairs.comparison(old, new)
        let stem = SamplePairs.stem(old, new)
        expectGolden(TextRenderer().render(comparison), named: "sample-\(stem)", ext: "txt")
        expectGolden(TextRenderer(options: .init(color: true, context: 1)).render(comparison),
                     named: "sample-\(stem)-color", ext: "ansi")
        expectGolden(HTMLRenderer().render(comparison), named: "sample-\(stem)", ext: "html")
        expectGolden(MarkdownRenderer().render(comparison), named: "sample-\(stem)", ext: "md")
        expectGolden(JSONRenderer().render(comparison), named: "sample-\(stem)", ext: "json")
    }

    @Test("the parse of every sample", arguments: [
        "A-RES-73-illustrative.txt", "A-RES-75-68-hardwrapped.txt", "A-RES-77-illustrative.txt",
    ])
    func parses(name: String) throws {
        let resolution = try SamplePairs.load(name)
        let stem = name.replacingOccurrences(of: ".txt", with: "")
        expectGolden(ParseReport.text(resolution), named: "parse-\(stem)", ext: "txt")
        expectGolden(ParseReport.json(resolution), named: "parse-\(stem)", ext: "json")
    }

    @Test("the history of the three sample versions")
    func history() throws {
        let names = ["A-RES-73-illustrative.txt", "A-RES-75-68.txt", "A-RES-77-illustrative.txt"]
        let history = History(versions: try names.map { ($0, try SamplePairs.load($0)) })
        expectGolden(HistoryTextRenderer().render(history), named: "history-73-75-77", ext: "txt")
    }
}
