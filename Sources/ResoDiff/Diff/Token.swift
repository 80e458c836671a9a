/// A word-level token of paragraph text: a word, a number or symbol, or one
/// punctuation character.
///
/// Words keep their internal joiners, so `non-proliferation`,
/// `seventy-fifth`, `A/75/399`, `1,000` and `States’` are single tokens, and
/// the combining marks after their letters, so that `été` written with
/// `e` and U+0301 is one word, equal to `été` written with `é`;
/// white space is not a token, only a flag on the token after it, so that
/// re-wrapping a paragraph never changes its tokens.
struct Token: Hashable, Sendable {
    /// The token's characters.
    var text: Substring
    /// Whether white space stood before the token in the source.
    var spaceBefore: Bool

    /// Tokens compare by their characters only: spacing is presentation.
    static func == (lhs: Token, rhs: Token) -> Bool { lhs.text == rhs.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension Token {
    /// Splits text into tokens.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func tokenize(_ text: String) -> [Token] {
        tokenize(text[...])
    }

    /// Splits text into tokens.
    ///
    /// Works on the UTF-8 bytes: ASCII characters are classified by
    /// comparison, and only non-ASCII scalars are decoded and looked up.
    /// - Complexity: O(n) in the length of `text`.
    static func tokenize(_ text: Substring) -> [Token] {
        let utf8 = text.utf8
        // O(1): the UTF-8 view of a native string is indexed by offset.
        func index(_ k: Int) -> Substring.Index { utf8.index(utf8.startIndex, offsetBy: k) }
        return UTF8Scan.withBytes(text) { u in
            var tokens: [Token] = []
            tokens.reserveCapacity(u.count / 5)
            scan(u) { start, end, space, _ in
                tokens.append(Token(text: text[index(start)..<index(end)], spaceBefore: space))
            }
            return tokens
        }
    }

    /// Finds the tokens of the UTF-8 bytes `u`, as `tokenize(_:)`
    /// does, without building them: `body` gets each token's byte range
    /// `start..<end`, whether white space stood before it, and its first scalar.
    ///
    /// - Complexity: O(n) in the number of bytes.
    @inline(__always)
    static func scan(_ u: UnsafeBufferPointer<UInt8>,
                     _ body: (_ start: Int, _ end: Int, _ spaceBefore: Bool, _ first: Unicode.Scalar) -> Void) {
        // ASCII bytes are classified on the byte (the same answers as the
        // scalar tests below give for ASCII scalars); other scalars are decoded.
        let n = u.count
        var i = 0
        var space = false
        // Invariant: `i` is the start of a scalar.
        while i < n {
            let b = u[i]
            let s: Unicode.Scalar
            let length: Int
            if b < 0x80 {
                if isWhitespaceByte(b) { space = true; i += 1; continue }
                (s, length) = (Unicode.Scalar(b), 1)
            } else {
                (s, length) = UTF8Scan.scalar(u, at: i)
                if ScalarClass.isWhitespace(s) {
                    space = true
                    i += length
                    continue
                }
            }
            let start = i
            i += length
            if isWordScalar(s) {
                while i < n {
                    // Eight bytes at a time while they are all ASCII letters and digits.
                    if i + 8 <= n {
                        let nonWord = nonWordBytes(UInt64(littleEndian: UnsafeRawPointer(u.baseAddress! + i)
                            .loadUnaligned(as: UInt64.self)))
                        if nonWord == 0 { i += 8; continue }
                        i += nonWord.trailingZeroBitCount >> 3
                    }
                    let c = u[i]
                    if c < 0x80 {
                        if isWordByte(c) { i += 1; continue }
                        // A joiner stays inside the word when a word character follows it.
                        guard isJoinerByte(c), i + 1 < n else { break }
                        let d = u[i + 1]
                        if d < 0x80 {
                            if isWordByte(d) { i += 2; continue }
                            break
                        }
                        let (e, m) = UTF8Scan.scalar(u, at: i + 1)
                        if isWordScalar(e) { i += 1 + m; continue }
                        break
                    }
                    let (c2, k) = UTF8Scan.scalar(u, at: i)
                    if ScalarClass.continuesWord(c2) { i += k; continue }
                    if isJoiner(c2) {
                        let next = i + k
                        if next < n {
                            let (d, m) = UTF8Scan.scalar(u, at: next)
                            if isWordScalar(d) {
                                i = next + m
                                continue
                            }
                        }
                    }
                    break
                }
            }
            body(start, i, space, s)
            space = false
        }
    }

    /// The high bit of each byte of `word` (eight bytes, the first in the
    /// low bits) that is not an ASCII letter or digit (a byte at or above
    /// 0x80 included): `isWordByte` of eight bytes at once. No sum below
    /// carries out of its byte, as every byte is masked to 7 bits first.
    @inline(__always)
    private static func nonWordBytes(_ word: UInt64) -> UInt64 {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let x = word & 0x7F7F_7F7F_7F7F_7F7F
        let lower = x | 0x2020_2020_2020_2020
        // lower ≥ 0x61 and lower < 0x7B: a letter (either case).
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        // x ≥ 0x30 and x < 0x3A: a digit.
        let digit = (x &+ 0x5050_5050_5050_5050) & ~(x &+ 0x4646_4646_4646_4646)
        let wordBytes = (letter | digit) & ~word & highBits
        return ~wordBytes & highBits
    }

    /// `ScalarClass.isWhitespace` of an ASCII byte: tab, LF, VT, FF, CR, space.
    @inline(__always)
    private static func isWhitespaceByte(_ b: UInt8) -> Bool {
        b == 0x20 || b &- 0x09 < 5
    }

    /// `isWordScalar` of an ASCII byte: a digit or a letter.
    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
    }

    /// `isJoiner` of an ASCII byte: - / ' . ,
    @inline(__always)
    private static func isJoinerByte(_ b: UInt8) -> Bool {
        b == 0x2D || b == 0x2F || b == 0x27 || b == 0x2E || b == 0x2C
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isWordScalar(s)
    }

    private static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2F, 0x27, 0x2019, 0x2E, 0x2C, 0x2010, 0x2011: true  // - / ' ’ . , hyphens
        default: false
        }
    }

    /// Joins tokens back into display text, with one space wherever the
    /// source had white space.
    ///
    /// - Parameter leading: whether to keep the space before the first token.
    static func join<S: Sequence>(_ tokens: S, leading: Bool = false) -> String where S.Element == Token {
        var out = ""
        var first = true
        for token in tokens {
            if token.spaceBefore && (!first || leading) { out += " " }
            out += token.text
            first = false
        }
        return out
    }
}
