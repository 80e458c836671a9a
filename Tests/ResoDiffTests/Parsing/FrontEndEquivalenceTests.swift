import Foundation
import Testing
@testable import ResoDiff

/// The line stages on byte ranges (`LineTable`, footnotes blanked in place,
/// `BlockTable`) against the same stages on lines held as strings, as they
/// were (`Support/ReferenceBlocks.swift`): the same blocks, block texts,
/// block lines and footnotes, on seeded random texts shaped like resolutions
/// copied from PDF, Word and web pages.
@Suite("Line stages on byte ranges agree with the string stages")
struct FrontEndEquivalenceTests {
    /// Whole lines that exercise a rule of the stages: footnote zones and markers,
    /// rules, numbers and letters, openings after clause punctuation, continuations
    /// after a page break, hyphens at a line end, furniture.
    static let lines: [String] = [
        "Recalling its resolution 74/12 of 10 December 2019,", "Recalling also", "*Noting* with concern,",
        "1. Urges all States to", "2. *Requests* the Secretary-General;", "12. Decides to remain seized.",
        "(a) To promote", "(b) To ensure;", "(iv) measures", "(aa) items", "The General Assembly,",
        "__________", "-----", "1 Official Records of the General Assembly,", "2/ Ibid.", "[3] See A/75/1.",
        "1 Ibid.", "2 Ibid., para. 4.", "2020, Supplement No. 27.", "1994, and other", "in 1994",
        "and the other", "or the", "which is", "the States concerned;", "and\u{301}ere", "été continued",
        "Secretary-", "General", "nuclear-test-", "ban treaty", "word -", "Émile-", "Éric",
        "A/RES/75/68", "20-16379 (E) 141220", "*2016379*", "2/3", "Page 2", "Home | About | Contact us",
        "Copyright (c) United Nations", "Distr.: General", "Strengthening the system   A/RES/75/68",
        "agreements**Resolution adopted", "a very long line of ordinary text that goes on and on,",
        "States,", "States;", "States:", "States.", "States", "“Quoted” text,", "Ünited Nations,",
        "* Recalling", "** **", "*", "1.", "3. ", "٣. Urges", "(a)", "\u{A0}indented by a space",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...30, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1: text += "\n"  // a blank line
            case 2: text += FastPathEquivalenceTests.randomText(&rng, maxPieces: 8) + "\n"
            default:
                let indent = ["", "", "", " ", "  ", "    ", "\t", "      "].randomElement(using: &rng)!
                text += indent + lines.randomElement(using: &rng)!
                text += ["\n", "\n", "\n", "\r\n", "\r", "  \n", "\u{2028}"].randomElement(using: &rng)!
            }
        }
        return text
    }

    /// What the stages make of `text`: each block's text and lines, and the footnotes.
    struct Result: Equatable {
        var texts: [String]
        var lines: [[String]]
        var footnotes: [Footnote]
    }

    static func current(_ text: String) -> Result {
        var table = LineReader.read(text)
        let footnotes = FootnoteExtractor.extract(from: &table)
        let blocks = BlockSplitter.split(table)
        return Result(texts: (0..<blocks.count).map { blocks.text(of: $0) },
                      lines: (0..<blocks.count).map { blocks.lineTexts(of: $0) }, footnotes: footnotes)
    }

    static func reference(_ text: String) -> Result {
        let (lines, footnotes) = Reference.extractFootnotes(Reference.read(text))
        let blocks = ReferenceBlockSplitter.split(lines)
        return Result(texts: blocks.map(\.text), lines: blocks.map { $0.lines.map(\.text) }, footnotes: footnotes)
    }

    @Test("blocks, block texts and footnotes", arguments: FastPathEquivalenceTests.seeds)
    func blocks(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 400)
        for _ in 0..<600 {
            let text = Self.randomText(&rng)
            #expect(Self.current(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test("the sample resolutions")
    func samples() throws {
        for name in ["A-RES-75-68", "A-RES-75-68-hardwrapped", "A-RES-73-illustrative", "A-RES-77-illustrative"] {
            let text = try String(contentsOf: samplesDirectory.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let result = Self.current(text)
            #expect(result == Self.reference(text), "\(name)")
            #expect(result.texts.count > 20, "\(name)")
        }
    }

    @Test("a footnote zone after a rule is taken out, and the paragraph it cut is rejoined")
    func zoneAndRejoin() {
        let text = "1. Urges all States to take\n\n__________\n1 Official Records.\n\nmeasures to that end;\n2. Decides;\n"
        let result = Self.current(text)
        #expect(result.texts == ["1. Urges all States to take measures to that end;", "2. Decides;"])
        #expect(result.footnotes == [Footnote(marker: "1", text: "Official Records.")])
    }
}
