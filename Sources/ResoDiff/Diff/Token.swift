/// A word-level token of paragraph text: a word, a number or symbol, or one
/// punctuation character.
///
/// Words keep their internal joiners, so `non-proliferation`,
/// `seventy-fifth`, `A/75/399`, `1,000` and `States’` are single tokens;
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
        var i = 0
        var space = false
        // Invariant: `i` is the start of a scalar.
        while i < u.count {
            let (s, length) = UTF8Scan.scalar(u, at: i)
            if ScalarClass.isWhitespace(s) {
                space = true
                i += length
                continue
            }
            let start = i
            i += length
            if isWordScalar(s) {
                while i < u.count {
                    let (c, n) = UTF8Scan.scalar(u, at: i)
                    if isWordScalar(c) { i += n; continue }
                    // A joiner stays inside the word when a word character follows it.
                    if isJoiner(c) {
                        let next = i + n
                        if next < u.count {
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
