/// Reads resolution text into a ``Resolution``: the last stage, which places
/// the pieces cut by the earlier ones in the structure.
///
/// Stages, in order: ``LineReader`` (line ends, BOM, spaces, separator runs,
/// page furniture) → ``FootnoteExtractor`` (footnote zones out) →
/// ``BlockSplitter`` (blank lines, indentation, numbers; page breaks rejoined)
/// → ``ParagraphSplitter`` (glued paragraphs, run-together preambles) →
/// ``HeaderParser`` (pieces before the chapeau) → classification here.
///
/// Classification: a chapeau, a section letter ("A") and the section title
/// after it, a numbered paragraph (operative), a lettered one (sub-paragraph
/// of the last operative), an unnumbered paragraph opening with a preambular
/// phrase before any operative one (preambular) or with an operative verb
/// (operative, counted), the closing, an "Annex" heading and the annex text
/// after it; anything else is generic. A text with no preambular or operative
/// paragraph is read as generic paragraphs, with a notice.
struct ResolutionParser {
    /// A piece of text on its way to becoming a paragraph or a header piece.
    struct Piece {
        /// The text with its markup, lines joined.
        var raw: String
        /// The block the piece is the whole of, if it is: the header reads a block's
        /// lines (a piece cut out of a block is its only line).
        var block: Int?
        /// Display text: markup removed, white space collapsed (paragraph number still in).
        var display: String
        /// What one pass found in `display`, when the raw text was display text already.
        var traits: UTF8Scan.CollapsedTraits?
    }

    /// Parses `text`. Total: any text gives a resolution.
    ///
    /// - Complexity: O(n) in the length of `text`.
    func parse(_ text: String) -> Resolution {
        UTF8Scan.withBytes(text, parse(utf8:))
    }

    /// Parses the UTF-8 text `u`: the resolution ``parse(_:)`` gives for the same text.
    ///
    /// - Complexity: O(n) in the length of `u`.
    func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> Resolution {
        parse(lines: LineReader.read(u))
    }

    /// Parses a text from its lines as ``LineReader`` read them (which hold
    /// their own bytes: the text itself can go before the parse goes on).
    ///
    /// - Complexity: O(n) in the length of the lines.
    func parse(lines: consuming LineTable) -> Resolution {
        let front = front(of: lines)
        let pieces = pieces(of: front, blocks: 0..<front.blockCount)
        return finish(front, pieces: PieceList(runs: [pieces]))
    }

    /// A text read as far as its blocks: the first of a parse's three stages.
    ///
    /// A parse is ``front(of:)`` (footnotes out, lines into blocks), then
    /// ``pieces(of:blocks:)`` for every block (each block cut into pieces on
    /// its own, so that runs of blocks can go to different threads: see
    /// ``StagedParse``), then ``finish(_:pieces:)`` on all the pieces in
    /// order (the header, and the classification, which reads them in turn).
    struct Front {
        fileprivate let blocks: BlockTable
        fileprivate let footnotes: [Footnote]
        /// The number of blocks, which ``pieces(of:blocks:)`` takes in runs.
        var blockCount: Int { blocks.count }
    }

    /// The first stage: footnote zones out of `lines`, the rest cut into blocks.
    ///
    /// - Complexity: O(n) in the length of the lines.
    func front(of lines: consuming LineTable) -> Front {
        let footnotes = FootnoteExtractor.extract(from: &lines)
        return Front(blocks: BlockSplitter.split(lines), footnotes: footnotes)
    }

    /// The second stage: blocks `range` of `front` cut into pieces, in order.
    /// Each block is cut on its own, so any runs of blocks give, put back in
    /// order, the pieces of the whole.
    ///
    /// - Complexity: O(n) in the length of the blocks.
    func pieces(of front: Front, blocks range: Range<Int>) -> [Piece] {
        let blocks = front.blocks
        var pieces: [Piece] = []
        pieces.reserveCapacity(range.count + range.count / 2)  // glued paragraphs make more pieces than blocks
        var parts: [String] = []
        for k in range {
            let joined = blocks.text(of: k)
            ParagraphSplitter.split(joined, into: &parts)
            if parts.count == 1 {
                let (display, traits) = TextScan.displayWithTraits(parts[0])
                pieces.append(Piece(raw: parts[0], block: k, display: display, traits: traits))
            } else {
                for p in parts {
                    let (display, traits) = TextScan.displayWithTraits(p)
                    pieces.append(Piece(raw: p, block: nil, display: display, traits: traits))
                }
            }
        }
        return pieces
    }

    /// The last stage: the header read from the pieces before the body, the
    /// body's pieces placed in the structure. `pieces` are every block's, in order.
    ///
    /// The lines and blocks go before the pieces are classified, so that they
    /// never stand beside the paragraphs in memory.
    ///
    /// - Complexity: O(n) in the length of the pieces.
    func finish(_ front: consuming Front, pieces: PieceList) -> Resolution {
        let footnotes = front.footnotes
        let markers = Set(footnotes.map(\.marker))
        var (header, bodyStart, topClosings) = headerAndBody(pieces, blocks: front.blocks)
        _ = consume front
        var paragraphs = classify(pieces, from: bodyStart ?? pieces.startIndex, topClosings: topClosings,
                                  markers: markers)
        var notices: [String] = []
        if !paragraphs.contains(where: { $0.kind == .preambular || $0.kind == .operative }) {
            paragraphs = pieces.enumerated().map { i, p in
                    Paragraph(kind: .generic, label: "P\(i + 1)",
                              text: TextScan.display(FootnoteExtractor.removingMarkers(from: p.display, known: markers)))
                }
            header = Header()
            notices.append("no resolution structure recognized (no preambular or operative paragraphs): "
                + "read as \(paragraphs.count) plain paragraph\(paragraphs.count == 1 ? "" : "s")")
        }
        return Resolution(header: header, paragraphs: paragraphs, footnotes: footnotes, notices: notices)
    }

    /// Where the body starts among `pieces`, and the header read from the
    /// pieces before it (closing lines found there set aside).
    private func headerAndBody(_ pieces: PieceList, blocks: BlockTable)
        -> (header: Header, bodyStart: PieceList.Index?, topClosings: [Piece]) {
        func sourceLines(of p: Piece) -> [String] { p.block.map { blocks.lineTexts(of: $0) } ?? [p.raw] }

        // Where the body starts: the chapeau, or the first paragraph that opens like one.
        let hasChapeau = pieces.contains { ParagraphSplitter.isChapeau($0.display) }
        var bodyStart: PieceList.Index?
        for i in pieces.indices {
            let p = pieces[i]
            if Self.isClosing(p.display) { continue }
            if ParagraphSplitter.isChapeau(p.display) || (hasChapeau && Self.isSectionLetter(p.display))
                || Self.opensParagraph(p) {
                bodyStart = i
                break
            }
        }

        var header = Header()
        var topClosings: [Piece] = []
        if let b = bodyStart {
            var headerPieces: [[String]] = []
            for p in pieces[..<b] {
                if Self.isClosing(p.display) { topClosings.append(p) } else { headerPieces.append(sourceLines(of: p)) }
            }
            header = HeaderParser.parse(headerPieces)
        }
        return (header, bodyStart, topClosings)
    }

    /// "37th plenary meeting" (and the date after it).
    static func isClosing(_ display: String) -> Bool {
        // Cheap tests on the bytes first: most paragraphs start with an ASCII letter,
        // and an operative one with a number and a full stop ("12."), never an ordinal.
        let settled: Bool? = UTF8Scan.withBytes(display) { u in
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            guard i < u.count else { return false }
            // A character opening with a scalar beyond ASCII is a number when that scalar
            // is (`Character.isNumber`): only then does the general test decide.
            guard u[i] < 0x80 else { return ScalarClass.isNumeric(UTF8Scan.scalar(u, at: i).scalar) ? nil : false }
            guard u[i] >= 0x30 && u[i] <= 0x39 else { return false }  // ASCII, alone a character, not a number
            while i < u.count, u[i] >= 0x30 && u[i] <= 0x39 { i += 1 }
            // ASCII digits then an ASCII byte other than a letter: the first word is not an ordinal.
            if i < u.count, u[i] < 0x80, (u[i] | 0x20) < 0x61 || (u[i] | 0x20) > 0x7A { return false }
            return closingWords(u, from: i)
        }
        if let settled { return settled }
        guard let f = display.first(where: { $0 != " " }), f.isNumber else { return false }
        let words = display.split(separator: " ", maxSplits: 3)
        guard words.count >= 3, words[1].lowercased() == "plenary", words[2].lowercased().hasPrefix("meeting") else {
            return false
        }
        let w = words[0]
        let digits = w.prefix(while: \.isNumber)
        return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count)))
    }

    /// The rest of ``isClosing(_:)`` on bytes, from `i`, just after the leading
    /// digits: an ordinal suffix, then "plenary" and a word starting with "meeting"
    /// (in any case). Nil when a byte of those words is not ASCII (a combining
    /// mark may join a character there): a character test decides then.
    private static func closingWords(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool? {
        /// The end of the word from `i` (the next space), or nil when it holds a non-ASCII byte.
        func wordEnd(_ i: Int) -> Int? {
            var i = i
            while i < u.count, u[i] != 0x20 {
                if u[i] >= 0x80 { return nil }
                i += 1
            }
            return i
        }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func equals(_ r: Range<Int>, _ s: StaticString, prefix: Bool) -> Bool {
            let n = s.utf8CodeUnitCount
            guard prefix ? r.count >= n : r.count == n else { return false }
            return (0..<n).allSatisfy { lower(u[r.lowerBound + $0]) == s.utf8Start[$0] }
        }
        // The ordinal's suffix, then two more words, each after one or more spaces.
        guard let suffixEnd = wordEnd(start) else { return nil }
        var words: [Range<Int>] = []
        var i = suffixEnd
        while words.count < 2 {
            while i < u.count, u[i] == 0x20 { i += 1 }
            guard i < u.count else { return false }  // fewer than three words
            guard let end = wordEnd(i) else { return nil }
            words.append(i..<end)
            i = end
        }
        let suffix = UnsafeBufferPointer(rebasing: u[start..<suffixEnd])
        let ordinal = suffix.count == 2 && (suffix.elementsEqual("st".utf8) || suffix.elementsEqual("nd".utf8)
                                            || suffix.elementsEqual("rd".utf8) || suffix.elementsEqual("th".utf8))
        return ordinal && equals(words[0], "plenary", prefix: false) && equals(words[1], "meeting", prefix: true)
    }

    /// A lone section letter: "A", "B.".
    static func isSectionLetter(_ display: String) -> Bool {
        let u = display.utf8
        guard let first = u.first, u.count == 1 || (u.count == 2 && u.last == UInt8(ascii: ".")) else { return false }
        return first >= 0x41 && first <= 0x5A
    }

    /// What the first bytes of a piece rule out, before the tests that would
    /// each read them again: most paragraphs open with a plain word.
    struct RuledOut {
        /// Not a closing line (``isClosing(_:)``): it opens with an ASCII letter.
        var closing = false
        /// Not an annex heading, a section letter nor a chapeau (``annexSuffix(_:)``,
        /// `isSectionLetter`, ``ParagraphSplitter/isChapeau(_:)``): three bytes or
        /// more, opening with an ASCII letter or digit other than "A" and "T".
        var heading = false
        /// No paragraph number or sub-paragraph marker (``TextScan/leadingNumber(_:)``,
        /// ``TextScan/leadingSubMarker(_:)``): the raw text opens with an ASCII letter.
        var marker = false

        /// What the first byte of `display` and of `raw` rule out.
        init(display: String, raw: String) {
            let d = display.utf8
            if let first = d.first {
                let letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
                let digit = first >= 0x30 && first <= 0x39
                closing = letter
                heading = (letter || digit) && first != UInt8(ascii: "A") && first != UInt8(ascii: "T") && d.count >= 3
            }
            if let first = raw.utf8.first { marker = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A }
        }
    }

    /// "Annex", "Annex I", "ANNEX II": the suffix for labels ("", "I", "II"), or nil.
    static func annexSuffix(_ display: String) -> String? {
        // The first word must be "Annex" or "ANNEX": read on the bytes where they settle it
        // (`UTF8Scan.startsWithCharacters`), else on characters.
        let settled = UTF8Scan.withBytes(display) { u -> Bool? in
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            let rest = UnsafeBufferPointer(rebasing: u[i...])
            let lower = UTF8Scan.startsWithCharacters(rest, "Annex"), upper = UTF8Scan.startsWithCharacters(rest, "ANNEX")
            if lower == true || upper == true { return true }
            return lower == nil || upper == nil ? nil : false
        }
        guard settled ?? { let t = display.drop(while: { $0 == " " }); return t.hasPrefix("Annex") || t.hasPrefix("ANNEX") }()
        else { return nil }
        let words = display.split(separator: " ")
        guard let f = words.first, f == "Annex" || f == "ANNEX", words.count <= 2 else { return nil }
        if words.count == 1 { return "" }
        let n = words[1]
        guard n.allSatisfy({ "IVXLC0123456789".contains($0) }) else { return nil }
        return String(n)
    }

    /// True when the piece opens like a body paragraph: a number and a verb, or a phrase of the vocabulary.
    private static func opensParagraph(_ p: Piece) -> Bool {
        if let (_, rest) = TextScan.leadingNumber(Substring(p.raw)) {
            return OpeningPhrases.match(in: Substring(TextScan.display(rest))) != nil
        }
        return OpeningPhrases.match(in: Substring(p.display)) != nil
    }

    /// Places the body pieces in the structure and labels them.
    private func classify(_ pieces: PieceList, from start: PieceList.Index, topClosings: [Piece],
                          markers: Set<String>) -> [Paragraph] {
        let bodyCount = pieces.distance(from: start, to: pieces.endIndex)
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(bodyCount + topClosings.count)
        var section: String?
        var counters = Array(repeating: 0, count: Paragraph.Kind.allCases.count)
        var sawOperative = false
        var lastOperativeNumber = 0
        var parentLabel: String?
        var currentLetter: String?
        var romanAtTop = false
        var inSectionTitle = false
        var annex: String?
        /// A new body starts (a section, or a chapeau after operative paragraphs):
        /// a preamble may follow, and nothing hangs from the paragraphs before.
        func startBody() {
            sawOperative = false
            lastOperativeNumber = 0
            parentLabel = nil
            currentLetter = nil
            romanAtTop = false
        }

        /// Display text without footnote markers, from text that is already display text.
        /// Display text is a fixed point of `TextScan.display`, so when no marker was
        /// removed the second `display` is skipped. Marker removal only ever drops
        /// bytes, so an unchanged byte count means an unchanged text.
        func clean(_ display: String) -> String {
            let removed = FootnoteExtractor.removingMarkers(from: display, known: markers)
            return removed.utf8.count == display.utf8.count ? display : TextScan.display(removed)
        }
        /// `clean` with the comparison key when one pass settled both: display text
        /// in collapsed ASCII without a digit holds no marker, and without `_` its
        /// key is a prefix of it.
        func cleaned(_ display: String, _ traits: UTF8Scan.CollapsedTraits?) -> (text: String, key: ComparisonKey?) {
            if let traits, !traits.hasDigit {
                return (display, traits.hasUnderscore ? nil : TextNormalizer.comparisonKeyForm(ofCollapsedASCII: display))
            }
            let text = clean(display)
            return (text, TextNormalizer.comparisonKeyForm(ofDisplayText: text))
        }
        func cleaned(_ raw: Substring) -> (text: String, key: ComparisonKey?) {
            let (display, traits) = TextScan.displayWithTraits(raw)
            return cleaned(display, traits)
        }
        func cleaned(_ display: (text: String, traits: UTF8Scan.CollapsedTraits?)) -> (text: String, key: ComparisonKey?) {
            cleaned(display.text, display.traits)
        }
        /// The k-th use of a label gets "-k" from the second on ("PP1", "PP1-2", …). Labels
        /// built below never hold a "-" (numbers, letters, roman numerals, dots and
        /// parentheses), so a suffixed label can be neither a built one nor another
        /// label's suffixed form: counting uses is enough to keep every label unique.
        // Room for half the pieces' labels: a resolution's are all distinct, and it
        // grows the table once; a compilation repeats some ("PP1" once a resolution)
        // but not others (its generic paragraphs, "P1" to "P7331", are counted
        // through), and growing the table four times cost 0.3 % of a comparison.
        var uses = LabelUses(capacity: (bodyCount + topClosings.count) / 2)
        func unique(_ label: String) -> String {
            assert(!label.utf8.contains(UInt8(ascii: "-")), "labels are built without hyphens")
            let k = uses.use(label)
            return k == 1 ? label : Self.label(label, "-", k)
        }
        func next(_ kind: Paragraph.Kind) -> Int {
            let k = Self.counterIndex(kind)
            counters[k] += 1
            return counters[k]
        }
        var prefix: String { section.map { $0 + "." } ?? "" }
        func add(_ kind: Paragraph.Kind, _ label: String, number: String? = nil, opening: String? = nil, text: String,
                 key: ComparisonKey? = nil) {
            paragraphs.append(Paragraph(kind: kind, label: unique(label), number: number, opening: opening,
                                        text: text, section: section, comparisonKey: key))
        }
        // Each piece read in place, a field at a time: copying a piece retains each of its strings.
        var following = start
        while following < pieces.endIndex {
            let i = following
            following = pieces.index(after: i)
            let display = pieces[i].display
            let ruledOut = Self.RuledOut(display: display, raw: pieces[i].raw)
            if !ruledOut.closing && Self.isClosing(display) {
                add(.closing, prefix + "Closing", text: clean(display))
                continue
            }
            if !ruledOut.heading, let suffix = Self.annexSuffix(display) {
                annex = suffix
                add(.heading, Self.label(prefix, "H", next(.heading)), text: clean(display))
                continue
            }
            if let a = annex {
                add(.annex, "Annex\(a).P\(next(.annex))", opening: OpeningPhrases.match(in: Substring(clean(display)))?.phrase,
                    text: clean(display))
                continue
            }
            if !ruledOut.heading && Self.isSectionLetter(display) {
                section = String(display.prefix(1))
                counters = Array(repeating: 0, count: counters.count)
                startBody()
                inSectionTitle = true
                add(.heading, Self.label(prefix, "H", next(.heading)), number: section, text: clean(display))
                continue
            }
            if !ruledOut.heading && ParagraphSplitter.isChapeau(display) {
                inSectionTitle = false
                if sawOperative {
                    // A chapeau after operative paragraphs opens another body (the next
                    // resolution of a compilation, a part of a resolution): its preamble
                    // is read as one, numbered from PP1 again (labels made unique by use).
                    counters[Self.counterIndex(.preambular)] = 0
                    startBody()
                }
                add(.chapeau, prefix + "Chapeau", text: clean(display))
                continue
            }
            if inSectionTitle {
                add(.heading, Self.label(prefix, "H", next(.heading)), text: clean(display))
                continue
            }
            if !ruledOut.marker, let (number, rest) = TextScan.leadingNumber(Substring(pieces[i].raw)) {
                // A piece in collapsed ASCII (then its raw text is its display text) needs
                // only its digits and `_` looked for after the number.
                let (text, key) = pieces[i].traits.map { cleaned(TextScan.displayWithTraits(rest, partOf: $0)) } ?? cleaned(rest)
                sawOperative = true
                lastOperativeNumber = Int(number) ?? lastOperativeNumber + 1
                let label = prefix + "OP" + number
                parentLabel = label
                currentLetter = nil
                romanAtTop = false
                let (p, o) = OpeningPhrases.openings(in: Substring(text))
                add(.operative, label, number: number, opening: (o ?? OpeningPhrases.longer(p, o))?.phrase, text: text,
                    key: key)
                continue
            }
            if !ruledOut.marker, let (marker, rest) = TextScan.leadingSubMarker(Substring(pieces[i].raw)) {
                let (text, key) = cleaned(rest)
                let base = parentLabel ?? Self.label(prefix, "P", next(.generic))
                if parentLabel == nil { parentLabel = base }
                let label: String
                let isRoman = TextScan.isRoman(marker)
                if isRoman && marker == "i" && currentLetter == nil {
                    romanAtTop = true
                }
                if isRoman && !romanAtTop, let letter = currentLetter, marker != Self.successor(of: letter) {
                    label = "\(base)(\(letter))(\(marker))"
                } else {
                    if !(isRoman && romanAtTop) || currentLetter == nil { currentLetter = marker }
                    if isRoman && romanAtTop { currentLetter = marker }
                    label = "\(base)(\(marker))"
                }
                add(.subparagraph, label, number: marker, opening: OpeningPhrases.match(in: Substring(text))?.phrase,
                    text: text, key: key)
                continue
            }
            let (text, key) = cleaned(display, pieces[i].traits)
            // Both vocabularies read once: the category and the phrase come from the same matches.
            let (preambularMatch, operativeMatch) = OpeningPhrases.openings(in: Substring(text))
            switch OpeningPhrases.category(preambularMatch, operativeMatch) {
            case .preambular? where !sawOperative:
                let label = Self.label(prefix, "PP", next(.preambular))
                parentLabel = label
                currentLetter = nil
                romanAtTop = false
                add(.preambular, label, opening: preambularMatch?.phrase, text: text, key: key)
            case .operative?:
                sawOperative = true
                lastOperativeNumber += 1
                let label = Self.label(prefix, "OP", lastOperativeNumber)
                parentLabel = label
                currentLetter = nil
                romanAtTop = false
                add(.operative, label, opening: operativeMatch?.phrase, text: text, key: key)
            default:
                add(.generic, Self.label(prefix, "P", next(.generic)),
                    opening: OpeningPhrases.longer(preambularMatch, operativeMatch)?.phrase, text: text, key: key)
            }
        }

        // A closing found above the header (web copies) goes where a reader expects it:
        // after the body, before any annex.
        if !topClosings.isEmpty {
            let at = paragraphs.firstIndex { $0.kind == .annex }.map { max(0, $0 - 1) } ?? paragraphs.count
            section = nil
            var moved: [Paragraph] = []
            for p in topClosings {
                moved.append(Paragraph(kind: .closing, label: unique("Closing"), text: clean(p.display)))
            }
            paragraphs.insert(contentsOf: moved, at: at)
        }
        return paragraphs
    }

    /// `prefix`, `tag` and `number` (in decimal, at least 0) as one label, "A.OP12",
    /// "OP12-3": written as bytes into the new string, which costs a fraction of
    /// appending the parts (or of an interpolation) and of `Int.description`.
    private static func label(_ prefix: String, _ tag: StaticString, _ number: Int) -> String {
        precondition(number >= 0)
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return UTF8Scan.withBytes(prefix) { head in
            String(unsafeUninitializedCapacity: head.count + tag.utf8CodeUnitCount + digits) { out in
                var count = 0
                for b in head { out[count] = b; count += 1 }
                for k in 0..<tag.utf8CodeUnitCount { out[count] = tag.utf8Start[k]; count += 1 }
                var n = number
                for k in (count..<(count + digits)).reversed() {
                    out[k] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                    n /= 10
                }
                return count + digits
            }
        }
    }

    /// The position of `kind` among the paragraph counters.
    private static func counterIndex(_ kind: Paragraph.Kind) -> Int {
        switch kind {
        case .chapeau: 0
        case .preambular: 1
        case .operative: 2
        case .subparagraph: 3
        case .heading: 4
        case .annex: 5
        case .closing: 6
        case .generic: 7
        }
    }

    /// The letter after `letter` ("h" → "i"), to tell a letter from a roman numeral.
    private static func successor(of letter: String) -> String? {
        guard letter.unicodeScalars.count == 1, let s = letter.unicodeScalars.first,
              let n = Unicode.Scalar(s.value + 1) else { return nil }
        return String(Character(n))
    }
}
