/// The third stage: cuts a block into the paragraphs glued together in it.
///
/// A block is cut
/// - after a chapeau at its start (`The General Assembly, Having taken note …`);
/// - before emphasis markup around an opening phrase that follows `, ; : .`
///   (`…relevant resolutions,*Recognizing* the common…`);
/// - in a run-together preamble (a piece that itself opens with a preambular
///   phrase), before a capitalized preambular opening that follows `, ` or `; `
///   — an ordinary comma is followed by a lowercase word or by a word outside
///   the vocabulary, so it never cuts;
/// - before a paragraph number followed by an operative opening, after `, ; : .`
///   (`…security, 1. Urges …`);
/// - before a sub-paragraph letter after `:` or `;` (`…as follows: (a) To …`).
enum ParagraphSplitter {
    /// The words that make a short "The …," line a chapeau.
    static let chapeauBodies = ["Assembly", "Council", "Conference", "Commission", "Committee", "Board", "Meeting"]

    /// True when `display` (markup removed, white space collapsed) is a chapeau: "The General Assembly,".
    static func isChapeau(_ display: String) -> Bool {
        // The first byte settles most paragraphs: "The " starts with an ASCII "T",
        // and an ASCII byte is a character (with any marks after it) of its own.
        let startsWithThe = UTF8Scan.withBytes(display) { UTF8Scan.startsWithCharacters($0, "The ") } ?? display.hasPrefix("The ")
        guard startsWithThe, display.hasSuffix(",") || display.hasSuffix(":") else { return false }
        // Plain ASCII: words and prefixes on the bytes, where they are the same as on characters.
        let ascii: Bool? = UTF8Scan.withBytes(display) { u in
            guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
            var words = 0
            var hasBody = false
            var i = 0
            while i < u.count {
                while i < u.count, u[i] == 0x20 { i += 1 }
                guard i < u.count else { break }
                let start = i
                while i < u.count, u[i] != 0x20 { i += 1 }
                words += 1
                let word = UnsafeBufferPointer(rebasing: u[start..<i])
                if !hasBody { hasBody = chapeauBodies.contains { word.starts(with: $0.utf8) } }
            }
            return words <= 8 && hasBody
        }
        if let ascii { return ascii }
        let words = display.split(separator: " ")
        guard words.count <= 8 else { return false }
        return words.contains { w in chapeauBodies.contains { w.hasPrefix($0) } }
    }

    /// True when `rest` (what follows an opening phrase) starts with "and", "or" or
    /// punctuation: "…, Convinced and determined, …" is a list inside a sentence.
    static func continuesWithConjunction(_ rest: Substring) -> Bool {
        // On the bytes when what is looked at is plain ASCII (then bytes are characters).
        let settled: Bool? = UTF8Scan.withBytes(rest) { u in
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            guard i < u.count else { return true }
            let r = UnsafeBufferPointer(rebasing: u[i...])
            guard !r.prefix(5).contains(where: { $0 >= 0x80 }) else { return nil }
            let f = r[0]
            if f == UInt8(ascii: ",") || f == UInt8(ascii: ";") || f == UInt8(ascii: ".") { return true }
            return r.starts(with: "and ".utf8) || r.starts(with: "or ".utf8)
        }
        if let settled { return settled }
        let r = rest.drop(while: { $0 == " " })
        guard let f = r.first else { return true }
        if f == "," || f == ";" || f == "." { return true }
        return r.hasPrefix("and ") || r.hasPrefix("or ")
    }

    /// True when the text just before byte `end` is `,` or `;`, possibly followed by a
    /// footnote marker (`,[1]`, `,1`, `, 1/`).
    ///
    /// Every character looked at is ASCII, so the bytes are compared directly:
    /// a byte of a multi-byte scalar is never one of them, and stops the look-back.
    static func followsClauseComma(_ u: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var k = end - 1
        var skipped = 0
        while k >= 0, skipped < 6 {
            let c = u[k]
            if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") { return true }
            guard c == UInt8(ascii: "]") || c == UInt8(ascii: "[") || c == UInt8(ascii: "/") || c == 0x20
                    || (c >= 0x30 && c <= 0x39) else { return false }
            k -= 1
            skipped += 1
        }
        return false
    }

    /// The run of lowercase ASCII letters and spaces that starts the eight
    /// bytes at `i`: how many bytes it holds (0 to 8), and its last letter
    /// (nil when it holds none).
    ///
    /// Little-endian: byte `k` of the run is bits `8k ..< 8k+8` of the word.
    /// A byte's tests are exact when every byte below it is ASCII (adding
    /// less than 0x80 to an ASCII byte never carries into the next), and
    /// the run ends at the first byte that is not a lowercase letter or a
    /// space, at the latest at the first non-ASCII one; so every byte of
    /// the run, and the byte that ends it, is tested exactly.
    @inline(__always)
    private static func lowercaseOrSpaceRun(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (count: Int, last: UInt8?) {
        let ones = UTF8Scan.ones, highs = UTF8Scan.highs
        let x = UTF8Scan.word(u, at: i)
        let lower = (x &+ ones &* 0x1F) & ~(x &+ ones &* 0x05) & highs  // 0x61 ... 0x7A
        let space = UTF8Scan.zeroBytes(x ^ (ones &* 0x20))
        let other = ~((lower | space) & ~x) & highs  // the high bit of each byte outside the run's kind
        let count = other.trailingZeroBitCount / 8  // 8 when there is none
        let letters = count == 8 ? lower : lower & ((1 << UInt64(8 * count)) - 1)
        guard letters != 0 else { return (count, nil) }
        let top = 63 - letters.leadingZeroBitCount  // the high bit of the last letter's byte
        return (count, UInt8(truncatingIfNeeded: x >> UInt64(top - 7)))
    }

    /// True when a scalar of `u` from `start` to `end` (both at scalar starts) is a letter.
    ///
    /// - Complexity: O(k) up to the first letter.
    private static func containsLetter(_ u: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        while i < end {
            let b = u[i]
            if b < 0x80 {
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return true }
                i += 1
            } else {
                let (s, length) = UTF8Scan.scalar(u, at: i)
                if ScalarClass.isAlphabetic(s) { return true }
                i += length
            }
        }
        return false
    }

    /// True for the bytes of `, ; : .`.
    @inline(__always)
    private static func isClausePunctuation(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    /// Cuts `text` into paragraphs; the pieces keep their markup.
    ///
    /// The scan runs over the UTF-8 bytes; positions (cuts, piece starts)
    /// are byte offsets, always at the start of a scalar. Every rule looks at
    /// ASCII punctuation, digits and spaces, which are single bytes; a
    /// non-ASCII scalar is decoded only to ask whether it is an uppercase
    /// letter or a letter.
    /// - Complexity: O(n) in the length of `text`: each position is looked at a
    ///   constant number of times, and a phrase is matched only at the few
    ///   positions that follow the right punctuation.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        split(text, into: &parts)
        return parts
    }

    /// ``split(_:)`` into `parts`, emptied first with its capacity kept: one array
    /// serves every block of a text, where an array a block cost an allocation each.
    static func split(_ text: String, into parts: inout [String]) {
        parts.removeAll(keepingCapacity: true)
        UTF8Scan.withBytes(text) { u in split(text, bytes: u, into: &parts) }
    }

    private static func split(_ text: String, bytes u: UnsafeBufferPointer<UInt8>, into pieces: inout [String]) {
        let n = u.count
        let utf8 = text.utf8
        // O(1): a native string's UTF-8 view is indexed by offset.
        func index(_ k: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: k) }
        let star = UInt8(ascii: "*"), space = UInt8(0x20)
        var cuts: [Int] = []

        // A chapeau at the start.
        var firstBody = 0
        while firstBody < n, u[firstBody] == star || u[firstBody] == space { firstBody += 1 }
        // "The " is four one-byte scalars, so a fifth scalar exists exactly when a fifth byte does.
        if firstBody + 4 < n,
           UTF8Scan.startsWithCharacters(UnsafeBufferPointer(rebasing: u[firstBody...]), "The ")
            ?? text[index(firstBody)...].hasPrefix("The ") {
            var k = firstBody
            var scalarsSeen = 0
            while k < n, scalarsSeen < 80, u[k] != UInt8(ascii: ",") {
                k += UTF8Scan.length(lead: u[k])
                scalarsSeen += 1
            }
            if k < n, u[k] == UInt8(ascii: ","),
               isChapeau(TextScan.display(text[index(firstBody)..<index(k + 1)])) {
                var next = k + 1
                while next < n, u[next] == star || u[next] == space { next += 1 }
                if next < n { cuts.append(k + 1) }
            }
        }

        func pieceIsPreambular(from start: Int) -> Bool {
            var k = start
            while k < n, u[k] == star || u[k] == space { k += 1 }
            guard k < n else { return false }
            let rest = text[index(k)...]
            if TextScan.leadingNumber(rest) != nil { return false }
            return OpeningPhrases.matchPreambular(in: rest) != nil
        }

        var pieceStart = cuts.last ?? 0
        // Whether the piece opens with a preambular phrase, read when a cut first asks
        // (most pieces never hold a capital after `, ` and never ask).
        var preambularPiece: Bool?
        func preambular() -> Bool {
            if let known = preambularPiece { return known }
            let found = pieceIsPreambular(from: pieceStart)
            preambularPiece = found
            return found
        }
        // The last byte that is not a space or `*`; 0xFF stands for a non-ASCII scalar.
        var lastSignificant: UInt8?
        var pieceHasLetters = false  // a piece made of a number alone ("1.") is never cut
        var i = 0
        func cut(at k: Int) {
            guard k > pieceStart else { return }
            cuts.append(k)
            pieceStart = k
            pieceHasLetters = false
            preambularPiece = nil
        }
        // Every rule cuts within a few bytes after clause punctuation: `afterClause`
        // needs it as the last significant byte, and a preambular cut a `,` or `;`
        // at most seven bytes back (`followsClauseComma`). Bytes up to `windowEnd`
        // are walked one by one; past it, while no clause punctuation is the last
        // significant byte, the walk jumps to the next `, ; : .`, and of the bytes
        // jumped over only whether one is a letter is kept (`lastSignificant` is set
        // again at the punctuation itself, where no rule applies).
        var windowEnd = -1
        // Invariant: `i` is the start of a scalar.
        while i < n {
            if i > windowEnd, !(lastSignificant.map(isClausePunctuation) ?? false) {
                let next = UTF8Scan.firstClausePunctuation(u, from: i)
                if !pieceHasLetters { pieceHasLetters = containsLetter(u, from: i, to: next) }
                i = next
                if i >= n { break }
            }
            let b = u[i]
            // Inside a window too, most bytes are lowercase ASCII letters and spaces: no
            // rule can cut before them, so only the state is updated (as the general path
            // below would).
            if b >= 0x61 && b <= 0x7A || b == space {
                // Eight at a time, up to the first byte of another kind.
                let start = i
                while i + 8 <= n {
                    let (count, last) = lowercaseOrSpaceRun(u, at: i)
                    if let last { lastSignificant = last; pieceHasLetters = true }
                    i += count
                    if count < 8 { break }
                }
                if i != start { continue }  // the byte at `i` is read afresh
                if b != space { lastSignificant = b; pieceHasLetters = true }
                i += 1
                continue
            }
            let (c, length) = b < 0x80 ? (Unicode.Scalar(b), 1) : UTF8Scan.scalar(u, at: i)
            let afterClause = lastSignificant.map(isClausePunctuation) ?? false
            if i > pieceStart, pieceHasLetters {
                if b == star, afterClause {
                    var j = i
                    while j < n, u[j] == star { j += 1 }
                    if j < n, ScalarClass.isUppercase(UTF8Scan.scalar(u, at: j).scalar),
                       let m = OpeningPhrases.match(in: text[index(j)...]) {
                        // The phrase is a prefix of the text at `j`: its bytes end where it does.
                        let end = j + m.phrase.utf8.count
                        if end < n, u[end] == star {
                            cut(at: i)
                            i = end
                            lastSignificant = nil
                            continue
                        }
                    }
                } else if ScalarClass.isUppercase(c), i >= 2, u[i - 1] == space,
                          followsClauseComma(u, before: i - 1), preambular(),
                          let m = OpeningPhrases.matchPreambular(in: text[index(i)...]),
                          !continuesWithConjunction(text[index(i)...].dropFirst(m.length)) {
                    cut(at: i)
                } else if afterClause, b >= 0x30, b <= 0x39, i >= 1, u[i - 1] == space || u[i - 1] == star,
                          let (_, rest) = TextScan.leadingNumber(text[index(i)...]),
                          OpeningPhrases.matchOperative(in: rest.drop(while: { $0 == " " || $0 == "*" })) != nil {
                    var k = i
                    while k > pieceStart, u[k - 1] == star { k -= 1 }
                    cut(at: k)
                } else if afterClause, b == UInt8(ascii: "("),
                          lastSignificant == UInt8(ascii: ":") || lastSignificant == UInt8(ascii: ";"),
                          TextScan.leadingSubMarker(text[index(i)...]) != nil {
                    cut(at: i)
                }
            }
            if b != space && b != star { lastSignificant = b < 0x80 ? b : 0xFF }
            if ScalarClass.isAlphabetic(c) { pieceHasLetters = true }
            if isClausePunctuation(b) { windowEnd = i + 8 }
            i += length
        }

        // No cut, and no spaces to trim (lines are trimmed): the block is its only piece.
        if cuts.isEmpty, n > 0, u[0] != space, u[n - 1] != space {
            if TextScan.hasDisplayText(text) { pieces.append(text) }
            return
        }
        var start = 0
        for k in cuts + [n] {
            let s = String(text[index(start)..<index(k)]).trimmingSpaces()
            if TextScan.hasDisplayText(s) { pieces.append(s) }
            start = k
        }
    }
}
