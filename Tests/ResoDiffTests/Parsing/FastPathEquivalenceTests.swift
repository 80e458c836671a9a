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
        "1.", "12.", "(a)", "(b)", "(iv)", "[1]", "1/", "123/", "1234/", "Refugees,1", "rights2", "2020,1", "1,000",
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
            // The key as a paragraph holds it (a length of the text, or a string) gives the same bytes.
            let form = TextNormalizer.comparisonKeyForm(text)
            #expect(form.withBytes(of: text) { Array($0) } == Array(Reference.comparisonKey(text).utf8),
                    "\(text.debugDescription)")
            #expect(TextNormalizer.collapsingWhitespace(text) == Reference.collapsingWhitespace(text))
            Self.expectTraitsAgree(text)
            Self.expectTraitsAgree(String(text.prefix(9)))
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
            #expect(LineReader.read(text).sourceLines == Reference.read(text), "\(text.debugDescription)")
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            #expect(PageFurniture.isFurniture(line) == Reference.isFurniture(line), "\(line.debugDescription)")
            Self.expectPrescreenAgrees(line)
            #expect(ParagraphSplitter.split(line) == Reference.split(line), "\(line.debugDescription)")
            let flat = Reference.display(text)
            #expect(ParagraphSplitter.split(flat) == Reference.split(flat), "\(flat.debugDescription)")
        }
    }

    /// The one-pass traits against the three passes they stand for: display text,
    /// a digit (marker removal), `_` (the comparison key), and the key they settle.
    static func expectTraitsAgree(_ text: String) {
        let traits = UTF8Scan.withBytes(text, UTF8Scan.collapsedASCIITraits)
        let collapsed = UTF8Scan.withBytes(text) { UTF8Scan.isCollapsedASCII($0, allowingUnderscore: true) }
        #expect((traits != nil) == collapsed, "\(text.debugDescription)")
        if let traits {
            #expect(traits.hasDigit == text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(text.debugDescription)")
            #expect(traits.hasUnderscore == text.utf8.contains(UInt8(ascii: "_")), "\(text.debugDescription)")
            if !traits.hasUnderscore {
                #expect(TextNormalizer.comparisonKeyForm(ofCollapsedASCII: text) == TextNormalizer.comparisonKeyForm(text))
            }
        }
        #expect(TextScan.displayWithTraits(text).text == Reference.display(text), "\(text.debugDescription)")
        let sub = text.dropFirst()
        let (display, subTraits) = TextScan.displayWithTraits(sub)
        #expect(display == Reference.display(sub), "\(text.debugDescription)")
        if let subTraits { #expect(subTraits == UTF8Scan.withBytes(display, UTF8Scan.collapsedASCIITraits)) }
    }

    @Test("vector scans agree with byte-by-byte scans", arguments: seeds)
    func vectorScans(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 500)
        // Mostly plain text, with the bytes the scans look for and the edges of their ranges.
        let special: [UInt8] = [0x20, 0x20, 0x2A, 0x7C, 0x5F, 0x30, 0x39, 0x2F, 0x3A, 0x1F, 0x7E, 0x7F, 0x80, 0xC3, 0xFF, 0x00, 0x09]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...80, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
            for _ in 0..<Int.random(in: 0...3, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = special.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng), bytes.count >= 2 {
                let k = Int.random(in: 0..<(bytes.count - 1), using: &rng)
                let b = [UInt8(0x2A), 0x20].randomElement(using: &rng)!
                (bytes[k], bytes[k + 1]) = (b, b)
            }
            bytes.withUnsafeBufferPointer { u in
                let marks = UTF8Scan.lineMarks(u), slow = UTF8Scan.lineMarksByByte(u)
                #expect(marks.starPair == slow.starPair && marks.pipe == slow.pipe && marks.spacePair == slow.spacePair,
                        "\(bytes)")
                #expect(UTF8Scan.collapsedASCIITraits(u) == UTF8Scan.collapsedASCIITraitsByByte(u), "\(bytes)")
                #expect(UTF8Scan.containsDigitByVectors(u) == u.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
            }
        }
    }

    @Test("the text after a paragraph number, given the traits of the whole", arguments: seeds)
    func textAfterNumber(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 900)
        let words = ["Requests", "the", "A/75/1", "2020", "_", "snake_case", "x", "1", "States", "0", "9", "(9)", "a",
                     "Secretary-General", "report,", "session;", "~"]
        var checked = 0
        for _ in 0..<3000 {
            var text = "\(Int.random(in: 1...120, using: &rng))." + (Bool.random(using: &rng) ? " " : "  ")
            for k in 0..<Int.random(in: 0...30, using: &rng) {
                if k > 0 { text += " " }
                text += words.randomElement(using: &rng)!
            }
            // The classifier takes the shortcut only for a piece that is collapsed ASCII.
            guard let whole = UTF8Scan.withBytes(text, UTF8Scan.collapsedASCIITraits),
                  let (_, rest) = TextScan.leadingNumber(Substring(text)) else { continue }
            let fast = TextScan.displayWithTraits(rest, partOf: whole), general = TextScan.displayWithTraits(rest)
            #expect(fast.text == general.text && fast.traits == general.traits, "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test("one-pass traits on plain ASCII with digits and underscores")
    func traitsOnPlainText() {
        var rng = SplitMix64(seed: 77)
        let words = ["States", "the", "A/75/1", "2020", "_", "snake_case", "x", "1", "*", "  ", "~", "\u{7F}", "é", ",",
                     ":", "0", "9", "/", "@", "a:b", "0x", "(9)", "`", "^"]
        for _ in 0..<4000 {
            var text = ""
            for k in 0..<Int.random(in: 0...12, using: &rng) {
                if k > 0 { text += " " }
                text += words.randomElement(using: &rng)!
            }
            Self.expectTraitsAgree(text)
        }
    }

    /// The line reader's byte test never calls a furniture line text.
    static func expectPrescreenAgrees(_ line: String) {
        let trimmed = line.trimmingSpaces()
        let prescreened = UTF8Scan.withBytes(trimmed) { PageFurniture.cannotBeFurniture($0, marks: UTF8Scan.lineMarks($0)) }
        if prescreened {
            #expect(!Reference.isFurniture(trimmed), "\(trimmed.debugDescription)")
        }
    }

    @Test("the furniture pre-screen lets every furniture line through")
    func furniturePrescreen() {
        // Furniture longer than any web line, opening with a letter: each rule that can
        // match such a line is one the pre-screen must leave to the full test.
        let furniture = [
            "Home | About us | Contact us | Sitemap", "Copyright (c) United Nations 2020, all rights",
            "copyright © United Nations, all rights reserved", "A/RES/75/68 20-16379 (E) 141220 *2016379*",
            "Strengthening the system of arms   A/RES/75/68", "Page 2 of the report of the Secretary-General",
            "20-16379 141220 (E) 2/3 A/RES/75/68 *2016379*", "(E) 20-16379 141220 A/RES/75/68 2/3",
            "*2016379* 20-16379 (E) A/RES/75/68", "A/RES/75/68 A/RES/75/68 A/RES/75/68",
        ]
        for line in furniture { Self.expectPrescreenAgrees(line) }
        #expect(furniture.filter { Reference.isFurniture($0) }.count >= 4)
        var rng = SplitMix64(seed: 41)
        for _ in 0..<3000 {
            let line = (["Home", "About", "copyright", "Copyright", "COPYRIGHT", "Copyrights", "Convinced", "A/RES/75/68",
                         "Affirming", "A/", "Page", "Pages", "Distr.", "1.", "12", "20-16379", "141220", "2/3", "+1/3",
                         "2/3.", "1\u{301}", "(E)", "(a)", "(É)", "*2016379*", "*Recalling*", "*", "**", "[on", "[1]",
                         "/...", "-", "_____", "©", "é", "\u{1F}", "Skip to main content", "A", "P", "Pa", "(", "C",
                         "SKIP TO CONTENT", "Agenda", "Zone", "Print", "İ", "K", "Menu", "\u{A0}A/RES/75/68",
                         "\u{3000}A/RES/75/68", "\u{2003}Page", "\u{212A}", "s\u{212A}ip to content", "Réaffirmant",
                         "Призывает", "中文", "©2020", "\u{A0}"]
                .randomElement(using: &rng) ?? "") + (Bool.random(using: &rng) ? " " : "") + Self.randomText(&rng, maxPieces: 10)
            Self.expectPrescreenAgrees(line.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        }
        // Short lines, where the web lines count.
        for line in PageFurniture.webLines.flatMap({ [$0, $0.uppercased(), $0.capitalized] }) + ["A", "Ab", "Zeta", "Agenda item 91"] {
            Self.expectPrescreenAgrees(line)
        }
        let shortHeads = ["[1]", "(E)", "(a)", "2/3", "12", "1.", "42nd plenary meeting", "3 October 2020", "The General Assembly,",
                          "20-16379", "141220", "1412201", "2/+3", "3/4/5", "0/3", "12-34567", "1-2", "+1/3", "2/3 ", "7",
                          "Seventy-fifth session", "Print", "PRINT ", "Faq", "Distr.:", "*2016379*", "A/", "Page 2", "©", "K",
                          "s\u{212A}ip to content", "\u{212A}", "Décide", "Меню", "\u{A0}2/3", "\u{A0}A/RES/75/68", "Prînt"]
        for _ in 0..<3000 {
            let line = (shortHeads.randomElement(using: &rng) ?? "") + (Bool.random(using: &rng) ? " " : "")
                + Self.randomText(&rng, maxPieces: 2)
            let first = line.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            Self.expectPrescreenAgrees(first.trimmingSpaces())
        }
    }

    @Test("separator runs cut on the bytes as on the scalars", arguments: seeds)
    func separatorRuns(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 150)
        for _ in 0..<1500 {
            let line = Self.randomText(&rng, maxPieces: 12)
            #expect(LineReader.splitAtSeparatorRuns(line) == Reference.splitAtSeparatorRuns(line), "\(line.debugDescription)")
        }
    }

    @Test("rules and copyright lines: the byte tests before the character ones change nothing")
    func rulesAndCopyright() {
        var lines = ["_____", "-----", "____", "----", "__-__", "-____", "_____ ", " _____", "——————", "＿＿＿＿＿",
                     "Copyright © 2020 United Nations", "COPYRIGHT (C) UN", "copyright (c)", "copyright ©", "copyright(c)",
                     "Copyrigh", "Copyright", "Copyright ", "C\u{301}opyright © UN", "Copyright\u{301} © UN",
                     "Copyrig\u{212A}t ©", "Cop\u{178}right ©", "COPYRİGHT ©", "Copyright\u{00A0}© UN", "Convinced ©",
                     "© United Nations", "Page 2", "c", "C", ""]
        var rng = SplitMix64(seed: 99)
        let pieces = ["_", "-", "c", "C", "o", "O", "p", "y", "r", "i", "g", "h", "t", " ", "©", "(c)", "\u{301}", "é"]
        for _ in 0..<3000 {
            lines.append((0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
            lines.append("Copyright" + (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for line in lines {
            #expect(PageFurniture.isRule(line) == Reference.isRule(line), "\(line.debugDescription)")
            #expect(PageFurniture.isFurniture(line) == Reference.isFurniture(line), "\(line.debugDescription)")
            Self.expectPrescreenAgrees(line)
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

    /// Every word of the vocabularies, in random case, mixed with words outside
    /// them and with what ends or breaks a word (hyphens, apostrophes, digits,
    /// non-ASCII letters that lowercase to ASCII, curly apostrophes).
    @Test("opening phrases over the whole vocabulary", arguments: seeds)
    func wholeVocabulary(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 250)
        let phrases = OpeningPhrases.adverbs + OpeningPhrases.modifiers + OpeningPhrases.preambularBases
            + OpeningPhrases.operativeBases
        let words = Set(phrases.flatMap { $0.split(separator: " ").map(String.init) }).sorted()
            + ["the", "and", "States", "re", "emphasizes", "x", "-", "'", "’", "1", ",", "*", "\u{212A}",
               "Ta\u{212A}ing", "É", "Über", "note-", "note's", "calls-upon", "  "]
        func cased(_ w: String) -> String {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: w.uppercased()
            case 1: w.prefix(1).uppercased() + w.dropFirst()
            default: w
            }
        }
        for _ in 0..<3000 {
            var text = Bool.random(using: &rng) ? "" : " "
            for k in 0..<Int.random(in: 1...12, using: &rng) {
                if k > 0 { text += [" ", " ", " ", "", "  "].randomElement(using: &rng)! }
                text += cased(words.randomElement(using: &rng)!)
            }
            let t = text[...]
            #expect(OpeningPhrases.matchPreambular(in: t).map { "\($0)" } == Reference.matchPreambular(in: t).map { "\($0)" },
                    "\(text.debugDescription)")
            #expect(OpeningPhrases.matchOperative(in: t).map { "\($0)" } == Reference.matchOperative(in: t).map { "\($0)" },
                    "\(text.debugDescription)")
            #expect(OpeningPhrases.match(in: t).map { "\($0)" } == Reference.match(in: t).map { "\($0)" },
                    "\(text.debugDescription)")
        }
    }

    /// The eight-bytes-at-a-time check against a byte-by-byte one, on short
    /// runs of the bytes it must tell apart, at every alignment.
    @Test("collapsed ASCII check", arguments: seeds)
    func collapsedASCII(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 260)
        let alphabet: [UInt8] = [0x61, 0x41, 0x20, 0x20, 0x2A, 0x5F, 0x7F, 0x7E, 0x1F, 0x09, 0x00, 0x80, 0xC3, 0xA9, 0x21, 0x2E]
        func reference(_ u: [UInt8], _ underscore: Bool) -> Bool {
            guard let first = u.first, let last = u.last, first != 0x20, last != 0x20 else { return u.isEmpty }
            var previous: UInt8 = 0
            for b in u {
                guard b >= 0x20, b < 0x7F, b != 0x2A, underscore || b != 0x5F, !(b == 0x20 && previous == 0x20) else {
                    return false
                }
                previous = b
            }
            return true
        }
        for _ in 0..<20000 {
            let n = Int.random(in: 0...40, using: &rng)
            // Mostly letters, so that the rare bytes land at every position of a word.
            let u = (0..<n).map { _ in Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : 0x61 }
            for underscore in [false, true] {
                let fast = u.withUnsafeBufferPointer { UTF8Scan.isCollapsedASCII($0, allowingUnderscore: underscore) }
                #expect(fast == reference(u, underscore), "\(u)")
            }
        }
    }

    /// The display-text check beyond ASCII against "display text leaves it as
    /// it is", on texts of scalars it must tell apart (white space of every
    /// kind, and scalars that share its lead bytes), at every alignment.
    @Test("collapsed display check beyond ASCII", arguments: seeds)
    func collapsedDisplay(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 265)
        let alphabet: [Unicode.Scalar] = [
            " ", " ", "*", "_", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{01}", "\u{7F}", "\u{85}", "\u{A0}", "\u{A1}",
            "é", "Ж", "\u{1680}", "\u{1681}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{2010}", "\u{2028}", "\u{2029}",
            "\u{202F}", "\u{205F}", "\u{2060}", "\u{2080}", "\u{3000}", "\u{3001}", "中", "😀", "a", "Z", ".",
        ]
        for _ in 0..<20000 {
            let n = Int.random(in: 0...30, using: &rng)
            let scalars = (0..<n).map { _ in Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : "a" }
            let text = String(String.UnicodeScalarView(scalars))
            let fast = UTF8Scan.withBytes(text, UTF8Scan.isCollapsedDisplay)
            #expect(fast == Reference.display(text).utf8.elementsEqual(text.utf8), "\(text.debugDescription)")
        }
    }

    /// The eight-bytes-at-a-time searches against plain loops.
    @Test("byte searches", arguments: seeds)
    func byteSearches(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 270)
        let alphabet: [UInt8] = [0x2A, 0x20, 0x7C, 0x1F, 0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xFF, 0x61, 0x2F, 0x30, 0x39, 0x3A,
                                 0xB0, 0xB9, 0xBA, 0xC2, 0xE1, 0xE2, 0xE3, 0xD0, 0xE4]
        for _ in 0..<20000 {
            let n = Int.random(in: 0...40, using: &rng)
            let u = (0..<n).map { _ in Int.random(in: 0..<5, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : 0x61 }
            let from = Int.random(in: 0...n, using: &rng)
            u.withUnsafeBufferPointer { p in
                for b: UInt8 in [0x2A, 0x20, 0x7C] {
                    #expect(UTF8Scan.contains(p, byte: b) == u.contains(b), "\(u)")
                }
                #expect(UTF8Scan.containsASCIIDigit(p) == u.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(u)")
                let marks = UTF8Scan.lineMarks(p)
                let pair = { (b: UInt8) in zip(u, u.dropFirst()).contains { $0 == b && $1 == b } }
                #expect(marks.starPair == pair(0x2A) && marks.spacePair == pair(0x20) && marks.pipe == u.contains(0x7C), "\(u)")
                let end = u[from...].firstIndex { $0 < 0x20 || $0 >= 0x80 } ?? n
                #expect(UTF8Scan.endOfPrintableASCII(p, from: from) == end, "\(u) from \(from)")
                let plainEnd = u[from...].firstIndex { $0 < 0x20 || [0xC2, 0xE1, 0xE2, 0xE3].contains($0) } ?? n
                #expect(UTF8Scan.endOfPlainText(p, from: from) == plainEnd, "\(u) from \(from)")
            }
        }
    }

    /// Checking long texts in pieces against checking them whole: the same
    /// string for valid UTF-8, nil for invalid, wherever the bad byte falls
    /// (inside a piece, at a cut, in a sequence cut short by the end).
    @Test("UTF-8 validation in pieces", arguments: seeds)
    func validationInPieces(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 280)
        let samples: [[UInt8]] = ["a", " ", "\n", "é", "“", "—", "😀", "中"].map { Array($0.utf8) }
        let bad: [UInt8] = [0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFF]
        for _ in 0..<60 {
            var bytes: [UInt8] = []
            let target = Int.random(in: 4000...12000, using: &rng)
            while bytes.count < target {
                let run = Int.random(in: 0...1500, using: &rng)
                bytes += [UInt8](repeating: 0x61, count: run)
                bytes += samples.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = bad.randomElement(using: &rng)!
            }
            if Int.random(in: 0..<4, using: &rng) == 0 { bytes += [0xE2, 0x80] }  // cut short at the end
            #expect(InputDecoder.validated(bytes[...]) == String(validating: bytes, as: UTF8.self))
            #expect(bytes.withUnsafeBufferPointer(UTF8Scan.isValidUTF8) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }

    /// What the classifier's first-byte screen rules out is never so: on random
    /// pieces, with and without a number, marker or closing in front, as display
    /// text and as raw text.
    @Test("the classifier's first-byte screen", arguments: seeds)
    func classifierScreen(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 310)
        let heads = ["", " ", "*", "**", "1. ", "12.", "(a) ", "(iv) ", "37th plenary meeting", "The General Assembly,",
                     "Annex", "ANNEX II", "A", "B.", "T", "é", "“", "Recalling", "urges", "2", "A/RES"]
        var screened = 0
        for _ in 0..<2000 {
            let raw = heads.randomElement(using: &rng)! + (Bool.random(using: &rng) ? Self.randomText(&rng, maxPieces: 6) : "")
            for display in [raw, TextScan.display(raw)] {
                let ruledOut = ResolutionParser.RuledOut(display: display, raw: raw)
                if ruledOut.closing { #expect(!ResolutionParser.isClosing(display), "\(display.debugDescription)") }
                if ruledOut.heading {
                    #expect(ResolutionParser.annexSuffix(display) == nil, "\(display.debugDescription)")
                    #expect(!ResolutionParser.isSectionLetter(display), "\(display.debugDescription)")
                    #expect(!ParagraphSplitter.isChapeau(display), "\(display.debugDescription)")
                }
                if ruledOut.marker {
                    #expect(TextScan.leadingNumber(Substring(raw)) == nil, "\(raw.debugDescription)")
                    #expect(TextScan.leadingSubMarker(Substring(raw)) == nil, "\(raw.debugDescription)")
                }
                if ruledOut.closing && ruledOut.heading && ruledOut.marker { screened += 1 }
            }
        }
        #expect(screened > 200, "the screen settles many pieces")
    }

    /// The block-at-a-time checks against the standard library's, on short texts
    /// whose non-ASCII characters stand close together (stretches that run on
    /// past their first 64 bytes, cuts next to a bad byte) and on random bytes.
    @Test("UTF-8 validation and the NUL check, a block of ASCII at a time", arguments: seeds)
    func validationByWords(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 300)
        let samples: [[UInt8]] = ["a", " ", "é", "“", "—", "😀", "中", "\u{85}"].map { Array($0.utf8) }
        let bad: [UInt8] = [0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let target = Int.random(in: 0...300, using: &rng)
            while bytes.count < target {
                bytes += [UInt8](repeating: 0x61, count: Int.random(in: 0...20, using: &rng))
                bytes += samples.randomElement(using: &rng)!
            }
            for _ in 0..<Int.random(in: 0...2, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = bad.randomElement(using: &rng)!
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Scan.isValidUTF8) == valid, "\(bytes)")
            var withNUL = bytes
            if !withNUL.isEmpty && Bool.random(using: &rng) { withNUL[Int.random(in: 0..<withNUL.count, using: &rng)] = 0 }
            #expect(withNUL.withUnsafeBufferPointer(UTF8Scan.containsNUL) == withNUL.contains(0), "\(withNUL)")
            let noise = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(noise.withUnsafeBufferPointer(UTF8Scan.isValidUTF8) == (String(validating: noise, as: UTF8.self) != nil),
                    "\(noise)")
        }
    }

    /// Every lead byte with every second byte, followed by continuation bytes,
    /// ASCII or nothing, in ASCII and in Cyrillic context: the sequence check
    /// against the standard library's at each boundary (overlong forms,
    /// surrogates, values above U+10FFFF, sequences cut short).
    @Test("UTF-8 validation of every two-byte start")
    func validationOfEveryStart() {
        var disagreements: [[UInt8]] = []
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8(0)...0xFF {
                for tail: [UInt8] in [[], [0x80], [0x80, 0xBF], [0x41, 0x42]] {
                    for context: [UInt8] in [[0x61], [0xD0, 0x96]] {
                        let bytes = context + [lead, second] + tail + context
                        let fast = bytes.withUnsafeBufferPointer(UTF8Scan.isValidUTF8)
                        if fast != (String(validating: bytes, as: UTF8.self) != nil) { disagreements.append(bytes) }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// The tests that now read bytes first (closing line, annex heading,
    /// chapeau, conjunction after a phrase, paragraph number, a block's
    /// joined text and its word hyphen) against the character-level code
    /// they replaced, on random text that puts resolution openings,
    /// ordinals and non-ASCII marks where the byte tests look.
    @Test("byte-first tests of the classifier and splitters", arguments: seeds)
    func byteFirstTests(seed: UInt64) {
        var rng = SplitMix64(seed: seed &+ 290)
        let heads = ["", " ", "  ", "The ", "The General Assembly,", "37th plenary meeting", "1st Plenary Meeting",
                     "12. ", "123. ", "1234. ", "1.", "*3.* ", "(a) ", "Annex", "ANNEX II", "Annex 3 ", "and ", "or ",
                     ", ", "; ", ". ", "\u{301}", "1\u{301}", "e\u{301}", "٣", "½", "T\u{301}he ", "The\u{301} ",
                     "37th plenary", "2nd  plenary  meetings ", "3rd plenary\u{301} meeting", "4TH plenary meeting",
                     "5th plenary \u{301}meeting", "21st PLENARY MEETING,", "12th\u{301} plenary meeting", "7th  ",
                     "8thplenary meeting", "9 th plenary meeting", "10rd plenary meetingroom", "11st plenary é",
                     "6th plenary meeting\u{301}", "6th plenary meeting\u{301} ",
                     "(b) ", "(iv)*", "(aa) ", "(ab) ", "(xx) ", "(abcdef) ", "*(c) ", " (d)", "(é) ", "(b)\u{301} ",
                     "\u{0410}nnex", "Ann\u{0435}x", "An\u{301}nex", "ANNE\u{0425}", "\u{0422}he ", "Th\u{0435} ", "T\u{0127}e ",
                     "一st plenary meeting", "三 ", "٣٧th plenary meeting", "３７th plenary meeting", "中文 ", "Ж ", "é "]
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text += heads.randomElement(using: &rng)! }
            text += Self.randomText(&rng, maxPieces: 6)
            if Bool.random(using: &rng) { text += [",", ":", "-", " -", "é-"].randomElement(using: &rng)! }
            let sub = text[...]
            #expect(ParagraphSplitter.isChapeau(text) == Reference.isChapeau(text), "\(text.debugDescription)")
            #expect(ParagraphSplitter.continuesWithConjunction(sub) == Reference.continuesWithConjunction(sub),
                    "\(text.debugDescription)")
            let number = TextScan.leadingNumber(sub), oldNumber = Reference.leadingNumber(sub)
            #expect(number?.number == oldNumber?.number && number?.rest == oldNumber?.rest, "\(text.debugDescription)")
            let marker = TextScan.leadingSubMarker(sub), oldMarker = Reference.leadingSubMarker(sub)
            #expect(marker?.marker == oldMarker?.marker && marker?.rest == oldMarker?.rest, "\(text.debugDescription)")
            #expect(ResolutionParser.isClosing(text) == Reference.isClosing(text), "\(text.debugDescription)")
            #expect(ResolutionParser.annexSuffix(text) == Reference.annexSuffix(text), "\(text.debugDescription)")
            // Blocks of one to three of these texts as lines.
            let lines = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                SourceLine(text: [text, "General", "ment", "é", "-", "word-"].randomElement(using: &rng)!, indent: 0)
            }
            #expect(BlockTable.joined(lines.map(\.text)) == Reference.blockText(lines), "\(lines.map(\.text))")
            let last = lines[lines.count - 1].text
            #expect(UTF8Scan.withBytes(last, BlockSplitter.endsWithWordHyphen)
                        == Reference.endsWithWordHyphen(ReferenceBlock(lines: lines)), "\(lines.map(\.text))")
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
