/// A resolution as a drafter reads it: header, then the body paragraphs in
/// document order (chapeau, PP1…, OP1…, sub-paragraphs, closing, annexes),
/// with footnotes kept apart.
///
/// Build one with ``init(parsing:)``, which is total: any text gives a
/// `Resolution`, in the worst case one of generic paragraphs.
public struct Resolution: Hashable, Sendable {
    /// The header fields that were recognized.
    public var header: Header
    /// The body, in document order. Every word of the input that is not in
    /// the header or a footnote is in exactly one paragraph.
    public var paragraphs: [Paragraph]
    /// Footnote texts, kept apart from the paragraphs they annotate.
    public var footnotes: [Footnote]
    /// Things a reader should know about how the text was understood, one line each
    /// (for example that no resolution structure was recognized).
    public var notices: [String]

    /// Creates a resolution from parts already parsed.
    public init(header: Header = Header(), paragraphs: [Paragraph], footnotes: [Footnote] = [],
                notices: [String] = []) {
        self.header = header
        self.paragraphs = paragraphs
        self.footnotes = footnotes
        self.notices = notices
    }

    /// True when the text had recognizable resolution structure (preambular
    /// or operative paragraphs), false when it was read as plain paragraphs.
    public var isStructured: Bool {
        paragraphs.contains { $0.kind == .preambular || $0.kind == .operative }
    }
}
