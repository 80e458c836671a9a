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
    /// - Complexity: O(n) in the length of `text`.
    static func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var space = false
        while i < scalars.endIndex {
            let s = scalars[i]
            if ScalarClass.isWhitespace(s) {
                space = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            if isWordScalar(s) {
                i = scalars.index(after: i)
                while i < scalars.endIndex {
                    let c = scalars[i]
                    if isWordScalar(c) { i = scalars.index(after: i); continue }
                    // A joiner stays inside the word when a word character follows it.
                    if isJoiner(c) {
                        let next = scalars.index(after: i)
                        if next < scalars.endIndex && isWordScalar(scalars[next]) {
                            i = scalars.index(after: next)
                            continue
                        }
                    }
                    break
                }
            } else {
                i = scalars.index(after: i)
            }
            tokens.append(Token(text: Substring(scalars[start..<i]), spaceBefore: space))
            space = false
        }
        return tokens
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
