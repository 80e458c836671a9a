@testable import ResoDiff

// The line stages as they were before lines became byte ranges of one buffer
// (`LineTable`, `BlockTable`): the oracles of the front end's equivalence test.

extension Reference {
    /// `FootnoteExtractor.extract` as it was, on lines held as strings.
    static func extractFootnotes(_ lines: [SourceLine]) -> (lines: [SourceLine], footnotes: [Footnote]) {
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        var footnotes: [Footnote] = []
        var inZone = false
        var afterBlank = true
        var current: (marker: String, text: String)?

        func flush() {
            if let c = current {
                footnotes.append(Footnote(marker: c.marker, text: TextScan.display(c.text)))
            }
            current = nil
        }

        for line in lines {
            if line.isBlank {
                afterBlank = true
                out.append(line)
                continue
            }
            if Reference.isRule(line.text) {
                flush()
                inZone = true
                afterBlank = false
                out.append(.blank)
                continue
            }
            let plainAllowed = inZone
            if let (marker, rest) = FootnoteExtractor.leadingMarker(line.text, allowPlain: plainAllowed),
               inZone || afterBlank {
                // Inside a zone, a plain number must follow the previous marker, so a
                // wrapped footnote line starting with a year is not taken for a new one.
                let isSequel = current.map { Int(marker) == (Int($0.marker) ?? -1) + 1 } ?? true
                if !plainAllowed || isSequel || !isPlainFootnoteStyle(line.text) {
                    flush()
                    inZone = true
                    current = (marker, String(rest))
                    afterBlank = false
                    out.append(.blank)
                    continue
                }
            }
            if inZone && !afterBlank {
                if current != nil {
                    current?.text += "\n" + line.text
                }
                out.append(.blank)
                continue
            }
            // A blank line followed by a line without a marker closes the zone.
            flush()
            inZone = false
            afterBlank = false
            out.append(line)
        }
        flush()
        return (out, footnotes)
    }

    /// `FootnoteExtractor.isPlainStyle` as it was.
    private static func isPlainFootnoteStyle(_ text: String) -> Bool {
        guard let f = text.utf8.first, f >= 0x30, f <= 0x39 else { return false }
        let afterDigits = text.utf8.drop(while: { $0 >= 0x30 && $0 <= 0x39 })
        return afterDigits.first == UInt8(ascii: " ")
    }
}

/// `Block` as it was: a run of lines that the splitter holds to be one paragraph.
struct ReferenceBlock: Hashable, Sendable {
    /// The block's lines, in order, none blank.
    var lines: [SourceLine]

    /// The lines joined: a line ending in a hyphen after a letter continues the same
    /// word on the next line when that line starts with a letter (`nuclear-test-` +
    /// `ban` gives `nuclear-test-ban`, `Secretary-` + `General` gives `Secretary-General`);
    /// other lines are joined with a space. A dash standing as punctuation has a space before it.
    ///
    /// - Complexity: O(n) in the block's length.
    var text: String {
        if lines.count == 1 { return lines[0].text }
        // Gathered as bytes and made a string once: appending to a `String` re-checks
        // its capacity and ASCII-ness on every append.
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for line in lines {
            UTF8Scan.withBytes(line.text) { u in
                if !out.isEmpty {
                    // The last two scalars of `out` are "-" and a letter, and the line opens with a letter.
                    var hyphenated = false
                    if out.count >= 2, out[out.count - 1] == UInt8(ascii: "-"), !u.isEmpty,
                       ScalarClass.isAlphabetic(UTF8Scan.scalar(u, at: 0).scalar) {
                        hyphenated = out.withUnsafeBufferPointer {
                            ScalarClass.isAlphabetic(UTF8Scan.scalar($0, before: $0.count - 1))
                        }
                    }
                    if !hyphenated { out.append(0x20) }
                }
                out.append(contentsOf: u)
            }
        }
        return UTF8Scan.string(out)
    }
}

/// `BlockSplitter` as it was, on lines held as strings.
///
/// A block ends at a blank line. Without blank lines, a new block starts at a
/// line that (after a line ending in `, ; : .`) starts with a paragraph number
/// (`2. Requests`), a sub-paragraph letter (`(b)`), or an opening phrase; or
/// at an indented first line: a line indented two or more columns deeper than
/// the continuation lines of the block before (the 1990s layout).
/// Afterwards a block that starts with a lowercase letter is a paragraph cut
/// by a page break or a footnote zone, and is joined back to the block before.
enum ReferenceBlockSplitter {
    /// Groups `lines` into blocks.
    ///
    /// - Complexity: O(n) in the total length of the lines.
    static func split(_ lines: [SourceLine]) -> [ReferenceBlock] {
        var blocks: [ReferenceBlock] = []
        var current: [SourceLine] = []
        var gapBefore = false  // a blank line separates `current` from the previous block

        func flush() {
            guard !current.isEmpty else { return }
            let block = ReferenceBlock(lines: current)
            current = []
            if gapBefore, let previous = blocks.last, TextScan.startsLowercase(block.lines[0].text),
               !endsParagraph(previous) {
                blocks[blocks.count - 1].lines.append(contentsOf: block.lines)
            } else if gapBefore, blocks.last != nil, TextScan.startsLowercase(block.lines[0].text),
                      startsWithContinuationWord(block.lines[0].text) {
                blocks[blocks.count - 1].lines.append(contentsOf: block.lines)
            } else if gapBefore, let previous = blocks.last, endsWithWordHyphen(previous),
                      TextScan.firstSignificantScalar(block.lines[0].text).map(ScalarClass.isAlphabetic) == true {
                // "Secretary-" | page break | "General": the word goes on.
                blocks[blocks.count - 1].lines.append(contentsOf: block.lines)
            } else if gapBefore, let previous = blocks.last, endsMidSentence(previous),
                      startsWithBareNumber(block.lines[0].text) {
                // "… entered into force in" | page break | "1994, and …"
                blocks[blocks.count - 1].lines.append(contentsOf: block.lines)
            } else {
                blocks.append(block)
            }
        }

        for line in lines {
            if line.isBlank {
                flush()
                gapBefore = true
                continue
            }
            if let previous = current.last, startsNewBlock(line, after: previous, in: current) {
                flush()
                gapBefore = false
            }
            if current.isEmpty && blocks.isEmpty { gapBefore = false }
            current.append(line)
        }
        flush()
        return blocks
    }

    /// True when `previous` reads as a finished paragraph: its last line ends in `;` or `.`
    /// — a lowercase block after it is a new piece of text, not the rest of it.
    /// A comma does not finish one: a page often breaks after a comma.
    private static func endsParagraph(_ block: ReferenceBlock) -> Bool {
        guard let last = block.lines.last, let s = TextScan.lastSignificantScalar(last.text) else { return false }
        return s == ";" || s == "."
    }

    /// True when the block's last line ends in a letter: a sentence cut in the middle.
    private static func endsMidSentence(_ block: ReferenceBlock) -> Bool {
        guard let last = block.lines.last, let s = last.text.unicodeScalars.last else { return false }
        return ScalarClass.isLowercase(s)
    }

    /// True when the block's last line ends in a hyphen right after a letter.
    static func endsWithWordHyphen(_ block: ReferenceBlock) -> Bool {
        guard let last = block.lines.last else { return false }
        // On the bytes first: a line that does not end in "-" after an ASCII byte is settled there.
        let u = last.text.utf8
        guard u.last == UInt8(ascii: "-") else { return false }
        if u.count >= 2, let b = u.dropLast().last, b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        let s = Array(last.text.unicodeScalars.suffix(2))
        return s.count == 2 && s[1] == "-" && ScalarClass.isAlphabetic(s[0])
    }

    /// True when `text` starts with a number that is not a paragraph number ("1994, and …").
    private static func startsWithBareNumber(_ text: String) -> Bool {
        guard let f = text.utf8.first, f >= 0x30, f <= 0x39 else { return false }
        return TextScan.leadingNumber(Substring(text)) == nil
    }

    /// A lowercase word that cannot start a paragraph of its own.
    private static func startsWithContinuationWord(_ text: String) -> Bool {
        let first = text.prefix(while: { $0.isLetter })
        return ["and", "or", "the", "of", "to", "in", "for", "with", "by", "on", "that", "which"]
            .contains(String(first))
    }

    private static func startsNewBlock(_ line: SourceLine, after previous: SourceLine, in block: [SourceLine]) -> Bool {
        guard let end = TextScan.lastSignificantScalar(previous.text) else { return false }
        let previousEnds = TextScan.isClausePunctuation(end)
        let text = Substring(line.text)
        if previousEnds {
            if TextScan.leadingNumber(text) != nil { return true }
            if TextScan.leadingSubMarker(text) != nil { return true }
            if end != ".", OpeningPhrases.match(in: text.drop(while: { $0 == "*" })) != nil { return true }
        }
        // An indented first line: deeper than the block's continuation lines.
        if block.count >= 2, previousEnds, line.indent >= block[1].indent + 2 { return true }
        if block.count == 1, previousEnds, line.indent >= block[0].indent + 2,
           TextScan.leadingNumber(Substring(block[0].text)) == nil,
           TextScan.leadingSubMarker(Substring(block[0].text)) == nil {
            return true
        }
        return false
    }
}
