import Testing
@testable import ResoDiff

/// The byte-level passes against the scalar-by-scalar versions they replaced
/// (kept in `Support/Reference.swift`), on seeded random text that mixes
/// resolution vocabulary, markup, footnote markers, furniture and non-ASCII
/// characters (curly quotes, dashes, Unicode spaces and line ends, accented
/// and uppercase non-ASCII letters, non-ASCII digits, combining marks, emoji).
@Suite("Fast paths agree with the reference passes")
struct FastPathEquivalenceTests {
    static let pieces: [String] = [
        "Recalling", "Urges", "Calls upon", "Also", "Further", "with concern", "Deeply concerned",
        "The General Assembly,", "Annex", "Annex II", "A", "B.", "37th plenary meeting", "Page 2",
        "A/RES/75/68", "20-16379", "(E)", "*2016379*", "141220", "2/3", "+1/3", "/...", "|",
        "resolution", "the", "and", "of", "States", "Secretary-", "General", "non-", "proliferation",
        "1.", "12.", "(a)", "(b)", "(iv)", "[1]", "1/", "Refugees,1", "rights2", "2020,1", "1,000",
        "Add.1", "L.78", "G77", "“quoted”", "‘single’", "States’", "«", "»", "–", "—", "\u{2212}",
        "*", "**", "***", "_", ",", ";", ":", ".", "(", ")", "[", "]", "/", "'", "\"", "-", "©",
        "Copyright (c)", "Distr.: General", "___", "-----", "1 ", "[2] ", "2/ ",
        "É", "été", "İstanbul", "Straße", "Σ", "٣", "½", "²", "Ⓐ", "e\u{301}", "中文", "😀",
        "\u{A0}", "\u{2003}", "\u{200B}", "\u{FEFF}", "\u{85}", "\u{2028}", "\u{2029}", "\u{3000}",
        " ", " ", " ", "  ", "   ", "\t", "\n", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\n\n",
    ]

    static func randomText(_ rng: inout SplitMix64, maxPieces: Int = 40) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) {
            text += pieces.randomElement(using: &rng) ?? ""
            if Bool.random(using: &rng) { text += " " }
        }
        return text
    }

    static let seeds: [UInt64] = Array(1...8)

    @Test("display, comparison key and marker removal", arguments: seeds)
    func textPasses(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<1500 {
            let text = Self.randomText(&rng)
            #expect(TextScan.display(text) == Reference.display(text), "\(text.debugDescription)")
            #expect(TextScan.display(text.dropFirst()) == Reference.display(text.dropFirst()))
            #expect(TextNormalizer.comparisonKey(text) == Reference.comparisonKey(text), "\(text.debugDescription)")
            #expect(TextNormalizer.collapsingWhitespace(text) == Reference.collapsingWhitespace(text))
            for known in [Set<String>(), ["1", "2", "12", "3"]] {
                #expect(FootnoteExtractor.removingMarkers(from: text, known: known)
                            == Reference.removingMarkers(from: text, known: known), "\(text.debugDescription)")
            }
        }
    }

    @Test("line reader, furniture and paragraph splitter", arguments: seeds)
    func structuralPasses(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 100)
        for _ in 0..<800 {
            let text = Self.randomText(&rng)
            #expect(LineReader.read(text) == Reference.read(text), "\(text.debugDescription)")
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            #expect(PageFurniture.isFurniture(line) == Reference.isFurniture(line), "\(line.debugDescription)")
            #expect(ParagraphSplitter.split(line) == Reference.split(line), "\(line.debugDescription)")
            let flat = Reference.display(text)
            #expect(ParagraphSplitter.split(flat) == Reference.split(flat), "\(flat.debugDescription)")
        }
    }

    @Test("opening phrases", arguments: seeds)
    func openingPhrases(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 200)
        for _ in 0..<1500 {
            let text = Self.randomText(&rng, maxPieces: 8)[...]
            let p = Reference.matchPreambular(in: text), o = Reference.matchOperative(in: text)
            #expect(OpeningPhrases.matchPreambular(in: text).map { "\($0)" } == p.map { "\($0)" }, "\(text.debugDescription)")
            #expect(OpeningPhrases.matchOperative(in: text).map { "\($0)" } == o.map { "\($0)" }, "\(text.debugDescription)")
            #expect(OpeningPhrases.match(in: text).map { "\($0)" } == Reference.match(in: text).map { "\($0)" })
        }
    }

    @Test("tokenizer", arguments: seeds)
    func tokenizer(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 300)
        for _ in 0..<1500 {
            let text = Self.randomText(&rng)
            let fast = Token.tokenize(text), slow = Reference.tokenize(text[...])
            #expect(fast.map(\.text) == slow.map(\.text), "\(text.debugDescription)")
            #expect(fast.map(\.spaceBefore) == slow.map(\.spaceBefore))
        }
    }
}
