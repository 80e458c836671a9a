/// The tokens of one text (as `Token.tokenize` finds them) as byte ranges
/// into its UTF-8, with the ids of their texts: what the word diff needs,
/// without a `Substring` a token.
///
/// A substring is built only where a token's characters are asked for as
/// text: a token that is not plain ASCII, for the interner and the
/// technical-token tests. The display runs are copied from the bytes.
struct TokenRanges {
    /// One token.
    struct Span {
        /// Where the token's bytes start in the text's UTF-8.
        var start: Int32
        /// Where they end.
        var end: Int32
        /// Whether white space stood before the token.
        var spaceBefore: Bool
        /// Whether every byte is ASCII.
        var isASCII: Bool
    }

    /// The text.
    private(set) var text: String = ""
    /// The tokens, in order.
    private(set) var spans: [Span] = []
    /// The id of each token's text (``WordInterner`` without case folding:
    /// equal ids, equal texts).
    private(set) var ids: [Int32] = []

    /// The number of tokens.
    var count: Int { spans.count }

    /// Creates an empty list.
    init() {}

    /// Replaces the list with the tokens of `text`, their texts interned with
    /// `interner`; the buffers' capacity is kept.
    ///
    /// - Complexity: O(n) in the text's bytes, plus the interning.
    mutating func tokenize(_ text: String, interner: inout WordInterner) {
        self.text = text
        spans.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        let utf8 = text.utf8
        UTF8Scan.withBytes(text) { u in
            Token.scan(u) { start, end, space, _ in
                var high: UInt8 = 0
                for k in start..<end { high |= u[k] }
                spans.append(Span(start: Int32(start), end: Int32(end), spaceBefore: space, isASCII: high < 0x80))
                ids.append(interner.id(of: UnsafeBufferPointer(rebasing: u[start..<end])) {
                    // O(1): the UTF-8 view of a native string is indexed by offset.
                    text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
                })
            }
        }
    }

    /// The text of token `k`, as `Token.tokenize` gives it.
    ///
    /// - Complexity: O(1) for a native string.
    func substring(_ k: Int) -> Substring {
        let utf8 = text.utf8
        let span = spans[k]
        return text[utf8.index(utf8.startIndex, offsetBy: Int(span.start))..<utf8.index(utf8.startIndex, offsetBy: Int(span.end))]
    }

    /// The tokens as `Token`s (for callers of the token API).
    var tokens: [Token] {
        spans.indices.map { Token(text: substring($0), spaceBefore: spans[$0].spaceBefore) }
    }

    /// Prefix sums of the tokens' display lengths, as ``SemanticCleanup``
    /// measures them: `lengths[k]` is the length of tokens `0..<k`, where a
    /// token counts its Unicode scalars plus one for the space before it,
    /// except the first token, whose space is dropped.
    ///
    /// - Complexity: O(n) in the text's bytes.
    func displayLengths(into lengths: inout [Int]) {
        lengths.removeAll(keepingCapacity: true)
        lengths.append(0)
        UTF8Scan.withBytes(text) { u in
            var total = 0
            for (k, span) in spans.enumerated() {
                var scalars = Int(span.end - span.start)
                if !span.isASCII {
                    scalars = 0
                    for i in Int(span.start)..<Int(span.end) where !UTF8Scan.isContinuation(u[i]) { scalars += 1 }
                }
                total += scalars + (span.spaceBefore && k > 0 ? 1 : 0)
                lengths.append(total)
            }
        }
    }

    /// The display text of tokens `range`, as `Token.join` writes it (the
    /// first token's space dropped from the list): one space before each
    /// token that had white space before it, except the range's first token
    /// unless `leading`.
    ///
    /// - Complexity: O(n) in the bytes written.
    func join(_ range: Range<Int>, leading: Bool, buffer: inout [UInt8]) -> String {
        buffer.removeAll(keepingCapacity: true)
        UTF8Scan.withBytes(text) { u in
            for k in range {
                let span = spans[k]
                if span.spaceBefore && k > 0 && (k != range.lowerBound || leading) { buffer.append(0x20) }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: u[Int(span.start)..<Int(span.end)]))
            }
        }
        // The bytes are whole scalars of a valid string, and spaces.
        return String(decoding: buffer, as: UTF8.self)
    }
}
