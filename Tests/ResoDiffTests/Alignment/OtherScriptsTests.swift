import Testing
@testable import ResoDiff

/// The sample pair (75/68 against the illustrative 77th-session version)
/// turned word by word into accented Latin, Cyrillic and CJK ideographs by
/// `Benchmarks/translit.py` (`Fixtures/scripts/`): the paths beyond ASCII of
/// the parser and of the key and word interning, held to reports recorded
/// when they matched the build before those paths (round sixteen,
/// Guides/Performance.md), and to string equality where bytes differ.
@Suite("Texts in other scripts")
struct OtherScriptsTests {
    static func load(_ name: String) throws -> Resolution {
        Resolution(parsing: try fixture("scripts/\(name)"))
    }

    @Test("reports of the pair in each script, as recorded", arguments: ["fr", "ru", "zh"])
    func reports(script: String) throws {
        let old = "\(script)-75.txt", new = "\(script)-77.txt"
        let comparison = Aligner().compare(try Self.load(old), try Self.load(new), oldName: old, newName: new)
        #expect(!comparison.changes.isEmpty)
        expectGolden(TextRenderer(options: .init(full: true)).render(comparison), named: "scripts-\(script)", ext: "txt")
        expectGolden(JSONRenderer().render(comparison), named: "scripts-\(script)", ext: "json")
    }

    @Test("accents written decomposed (e and U+0301) compare as the composed text")
    func decomposedAccents() throws {
        let composed = try Self.load("fr-77.txt"), decomposed = try Self.load("fr-77-decomposed.txt")
        // The bytes differ, so keys beyond ASCII are compared as strings (not all keys are NFC-stable).
        #expect(composed.paragraphs.map { Array($0.text.utf8) } != decomposed.paragraphs.map { Array($0.text.utf8) })
        #expect(decomposed.paragraphs.contains { $0.comparisonKey.stableHash == nil })
        let same = Aligner().compare(composed, decomposed, oldName: "fr-77.txt", newName: "fr-77-decomposed.txt")
        #expect(!same.hasDifferences, "\(Summary(same))")
        #expect(same.changes.allSatisfy { $0.kind == .unchanged })
        // Against the older version, the decomposed text gives the composed text's report.
        let old = try Self.load("fr-75.txt")
        let a = Aligner().compare(old, composed, oldName: "old", newName: "new")
        let b = Aligner().compare(old, decomposed, oldName: "old", newName: "new")
        #expect(Summary(a) == Summary(b))
        #expect(a.changes.map(\.kind) == b.changes.map(\.kind))
    }
}
