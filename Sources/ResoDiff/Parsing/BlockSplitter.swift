/// The second stage: lines to blocks.
///
/// A block ends at a blank line. Without blank lines, a new block starts at a
/// line that (after a line ending in `, ; : .`) starts with a paragraph number
/// (`2. Requests`), a sub-paragraph letter (`(b)`), or an opening phrase; or
/// at an indented first line: a line indented two or more columns deeper than
/// the continuation lines of the block before (the 1990s layout).
/// Afterwards a block that starts with a lowercase letter is a paragraph cut
/// by a page break or a footnote zone, and is joined back to the block before.
enum BlockSplitter {
    /// Groups the lines of `lines` into blocks.
    ///
    /// Every test reads a line's bytes in place: the first and last scalars
    /// that are not white space or markup, a paragraph number or letter at
    /// its start, its indentation. Only a line that may open with a phrase
    /// of the vocabulary after a line ending in `,` `;` or `:` is made a
    /// string, for the phrase matcher.
    /// - Complexity: O(n) in the total length of the lines.
    static func split(_ lines: LineTable) -> BlockTable {
        lines.bytes.withUnsafeBufferPointer { all in
            var splitter = Splitter(lines: lines, all: all)
            splitter.run()
            return splitter.blocks
        }
    }

    /// The splitter's state: a struct with mutating steps rather than nested
    /// functions over local variables, which the compiler would box and check
    /// on every access.
    private struct Splitter {
        let lines: LineTable
        let all: UnsafeBufferPointer<UInt8>
        var blocks: BlockTable
        /// The block being gathered: its first line, second line and last line, and its size.
        var first = -1, second = -1, last = -1, size = 0
        /// The last line of the last block kept, or -1 before the first.
        var previousLast = -1
        /// A blank line separates the current block from the previous one.
        var gapBefore = false

        init(lines: LineTable, all: UnsafeBufferPointer<UInt8>) {
            self.lines = lines
            self.all = all
            blocks = BlockTable(lines: lines)
        }

        func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            let span = lines.spans[k]
            return UnsafeBufferPointer(rebasing: all[span.start..<span.end])
        }

        mutating func flush() {
            guard size > 0 else { return }
            if gapBefore, previousLast >= 0, joinsPrevious(bytes(first), previousLast: bytes(previousLast)) {
                // A paragraph cut by a page break or a footnote zone: its lines go on the block before.
            } else {
                blocks.startBlock()
            }
            // A blank line ends a block: its lines are every line from `first` to `last`.
            for k in first...last { blocks.add(line: k) }
            previousLast = last
            (first, second, last, size) = (-1, -1, -1, 0)
        }

        mutating func run() {
            for k in 0..<lines.count {
                if lines.isBlank(k) {
                    flush()
                    gapBefore = true
                    continue
                }
                if size > 0,
                   startsNewBlock(bytes(k), indent: lines.indent(k), after: bytes(last), size: size,
                                  first: bytes(first), firstIndent: lines.indent(first),
                                  secondIndent: second >= 0 ? lines.indent(second) : 0,
                                  text: { lines.text(k) }) {
                    flush()
                    gapBefore = false
                }
                if size == 0 && previousLast < 0 { gapBefore = false }
                if size == 0 { first = k } else if size == 1 { second = k }
                last = k
                size += 1
            }
            flush()
        }
    }

    /// True when a block opening with the line `opening`, after a blank line, goes on
    /// the block before, whose last line is `previousLast`.
    private static func joinsPrevious(_ opening: UnsafeBufferPointer<UInt8>,
                                      previousLast: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowercase = firstSignificantScalar(opening).map(ScalarClass.isLowercase) ?? false
        if lowercase, !endsParagraph(previousLast) { return true }
        if lowercase, startsWithContinuationWord(opening) { return true }
        // "Secretary-" | page break | "General": the word goes on.
        if endsWithWordHyphen(previousLast), firstSignificantScalar(opening).map(ScalarClass.isAlphabetic) == true {
            return true
        }
        // "… entered into force in" | page break | "1994, and …"
        if endsMidSentence(previousLast), startsWithBareNumber(opening) { return true }
        return false
    }

    /// The first scalar of `u` that is neither white space nor a markup asterisk.
    ///
    /// - Complexity: O(k), where k is the length of the leading white space and markup.
    static func firstSignificantScalar(_ u: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var i = 0
        while i < u.count {
            let (s, n) = UTF8Scan.scalar(u, at: i)
            if s != "*" && !ScalarClass.isWhitespace(s) { return s }
            i += n
        }
        return nil
    }

    /// The last scalar of `u` that is neither white space nor a markup asterisk.
    ///
    /// - Complexity: O(k), where k is the length of the trailing white space and markup.
    static func lastSignificantScalar(_ u: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var i = u.count
        while i > 0 {
            let start = UTF8Scan.start(before: i, in: u)
            let s = UTF8Scan.scalar(u, at: start).scalar
            if s != "*" && !ScalarClass.isWhitespace(s) { return s }
            i = start
        }
        return nil
    }

    /// True when the last line of a block, `u`, reads as a finished paragraph: it ends in `;`
    /// or `.` — a lowercase block after it is a new piece of text, not the rest of it.
    /// A comma does not finish one: a page often breaks after a comma.
    private static func endsParagraph(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let s = lastSignificantScalar(u) else { return false }
        return s == ";" || s == "."
    }

    /// True when the last line of a block, `u`, ends in a letter: a sentence cut in the middle.
    private static func endsMidSentence(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !u.isEmpty else { return false }
        return ScalarClass.isLowercase(UTF8Scan.scalar(u, before: u.count))
    }

    /// True when the last line of a block, `u`, ends in a hyphen right after a letter.
    static func endsWithWordHyphen(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count >= 2, u[u.count - 1] == UInt8(ascii: "-") else { return false }
        return ScalarClass.isAlphabetic(UTF8Scan.scalar(u, before: u.count - 1))
    }

    /// True when `u` starts with a number that is not a paragraph number ("1994, and …").
    private static func startsWithBareNumber(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = u.first, f >= 0x30, f <= 0x39 else { return false }
        return TextScan.leadingNumberBounds(u) == nil
    }

    /// The lowercase words that cannot start a paragraph of their own.
    private static let continuationWords: Set<String> = [
        "and", "or", "the", "of", "to", "in", "for", "with", "by", "on", "that", "which",
    ]

    /// True when `u` starts with a lowercase word that cannot start a paragraph of its own.
    private static func startsWithContinuationWord(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // The word is the run of letters at the start. Up to its first byte that is not an
        // ASCII letter, an ASCII byte ends it; a non-ASCII one (a letter, or a mark joining
        // the letter before) leaves it to the character test.
        var i = 0
        while i < u.count, (u[i] | 0x20) >= 0x61 && (u[i] | 0x20) <= 0x7A { i += 1 }
        if i < u.count, u[i] >= 0x80 {
            let text = String(decoding: u, as: UTF8.self)
            return continuationWords.contains(String(text.prefix(while: { $0.isLetter })))
        }
        return i <= 5 && continuationWords.contains(String(decoding: UnsafeBufferPointer(rebasing: u[..<i]), as: UTF8.self))
    }

    /// True when `line` (at column `indent`) starts a new block after the line `previous`,
    /// in a block of `size` lines that opens with `first`.
    private static func startsNewBlock(_ line: UnsafeBufferPointer<UInt8>, indent: Int,
                                       after previous: UnsafeBufferPointer<UInt8>, size: Int,
                                       first: UnsafeBufferPointer<UInt8>, firstIndent: Int, secondIndent: Int,
                                       text: () -> String) -> Bool {
        guard let end = lastSignificantScalar(previous) else { return false }
        let previousEnds = TextScan.isClausePunctuation(end)
        if previousEnds {
            if TextScan.leadingNumberBounds(line) != nil { return true }
            if TextScan.hasLeadingSubMarker(line) { return true }
            if end != ".", mayOpenWithPhrase(line),
               OpeningPhrases.match(in: Substring(text()).drop(while: { $0 == "*" })) != nil {
                return true
            }
        }
        // An indented first line: deeper than the block's continuation lines.
        if size >= 2, previousEnds, indent >= secondIndent + 2 { return true }
        if size == 1, previousEnds, indent >= firstIndent + 2,
           TextScan.leadingNumberBounds(first) == nil, !TextScan.hasLeadingSubMarker(first) {
            return true
        }
        return false
    }

    /// False when `u`, without its leading asterisks, cannot open with a phrase of the
    /// vocabulary: a phrase's first letter is uppercase, so an ASCII byte other than a
    /// capital, after any spaces, settles it.
    private static func mayOpenWithPhrase(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count, u[i] == UInt8(ascii: "*") { i += 1 }
        while i < u.count, u[i] == 0x20 { i += 1 }
        guard i < u.count else { return false }
        return u[i] >= 0x80 || (u[i] >= 0x41 && u[i] <= 0x5A)
    }
}
