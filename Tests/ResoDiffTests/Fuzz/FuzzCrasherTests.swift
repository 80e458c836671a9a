import Foundation
import Testing
@testable import ResoDiff

/// The folder where the fuzz targets' crashing inputs are kept: `Tests/Fuzz/crashers/`.
let crashersDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/crashers")

/// Replays the inputs that made a fuzz target (Tests/Fuzz) fail, through the
/// same path as the target, with the target's checks as expectations; each
/// crasher is named here after the bug it found.
@Suite("Fuzz crashers stay fixed")
struct FuzzCrasherTests {
    /// The bytes of a kept crasher.
    func crasher(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: crashersDirectory.appendingPathComponent(name)))
    }

    /// Decodes as the command line does; refused bytes are read leniently,
    /// as a library user may pass any String.
    func text(_ bytes: ArraySlice<UInt8>) -> String {
        (try? InputDecoder.decode(Array(bytes), path: "fuzz")) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// PipelineFuzz.swift's path: split at the first NUL (else the middle),
    /// parse both, compare with the threshold the size picks, check, render.
    func pipeline(_ bytes: [UInt8]) {
        let cut = bytes.firstIndex(of: 0)
        let (a, b) = cut.map { (bytes[..<$0], bytes[($0 + 1)...]) }
            ?? (bytes[..<(bytes.count / 2)], bytes[(bytes.count / 2)...])
        let threshold = [0.5, 0.05, 1.0, 0.3][bytes.count % 4]
        let comparison = Aligner(options: .init(threshold: threshold))
            .compare(Resolution(parsing: text(a)), Resolution(parsing: text(b)))
        for change in comparison.changes {
            guard let words = change.rewording?.words else { continue }
            let old = TextNormalizer.collapsingWhitespace(change.old.map(\.text).joined(separator: " "))
            let new = TextNormalizer.collapsingWhitespace(change.new.map(\.text).joined(separator: " "))
            #expect(words.filter { $0.operation != .insert }.map(\.text).joined() == old,
                    "words of \(ReportVocabulary.place(of: change)) do not rebuild the old text")
            #expect(words.filter { $0.operation != .delete }.map(\.text).joined() == new,
                    "words of \(ReportVocabulary.place(of: change)) do not rebuild the new text")
        }
        _ = TextRenderer().render(comparison)
        _ = TextRenderer(options: .init(color: true)).render(comparison)
        _ = HTMLRenderer().render(comparison)
        _ = MarkdownRenderer().render(comparison)
        _ = JSONRenderer().render(comparison)
    }

    @Test("spacing next to punctuation that differs (full% and / full%and) no longer breaks the word runs")
    func spacingNextToPunctuation() throws {
        pipeline(try crasher("pipeline-crash-d2ec285999e2abdc4ff84464073a7306fedc21d8"))
    }
}
