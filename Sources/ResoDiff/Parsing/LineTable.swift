/// The physical lines of a text, as the stages after ``LineReader`` see them:
/// byte ranges of one buffer instead of a string a line.
///
/// Each line's bytes have its line end, leading white space and trailing
/// white space removed, tabs and other white space turned into plain
/// spaces; inner runs of spaces are kept so that layout gaps stay visible
/// to the furniture filter. A blank line (or one emptied because it was
/// furniture or a footnote) has no bytes. Every line's bytes are whole
/// UTF-8 scalars.
///
/// One buffer and one array of ranges cost two allocations for the whole
/// text, where a string a line cost one a line; the stages read the bytes in
/// place and make a string only for the few lines a character-level test must
/// look at, and for each block's text (``BlockTable``).
struct LineTable {
    /// One line: its bytes in ``bytes``, and the column its content starts at.
    struct Span {
        var start: Int
        var end: Int
        /// The column at which the content starts (a tab advances to the next multiple of 8).
        var indent: Int
    }

    /// Every line's bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// The lines, in order.
    private(set) var spans: [Span] = []

    init() {}

    /// A table of `lines` as they are (for tests and the header's short pieces).
    init(_ lines: [SourceLine]) {
        for line in lines { append(line.text.utf8, indent: line.indent) }
    }

    /// The number of lines.
    var count: Int { spans.count }

    /// Reserves room for about `lines` lines of `bytes` bytes in all.
    mutating func reserve(lines: Int, bytes: Int) {
        spans.reserveCapacity(lines)
        self.bytes.reserveCapacity(bytes)
    }

    /// Adds a line holding `content` (trimmed, no line end); an empty one is a blank line.
    mutating func append(_ content: some Collection<UInt8>, indent: Int) {
        guard !content.isEmpty else { appendBlank(); return }
        let start = bytes.count
        bytes.append(contentsOf: content)
        spans.append(Span(start: start, end: bytes.count, indent: indent))
    }

    /// Adds a blank line.
    mutating func appendBlank() {
        spans.append(Span(start: bytes.count, end: bytes.count, indent: 0))
    }

    /// True when line `k` holds nothing.
    func isBlank(_ k: Int) -> Bool { spans[k].start == spans[k].end }

    /// The column line `k` starts at.
    func indent(_ k: Int) -> Int { spans[k].indent }

    /// Makes line `k` a blank line (a footnote line taken out of the flow).
    mutating func blank(_ k: Int) {
        spans[k] = Span(start: spans[k].start, end: spans[k].start, indent: 0)
    }

    /// Calls `body` with the bytes of line `k`.
    func withBytes<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let span = spans[k]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    }

    /// The text of line `k`.
    func text(_ k: Int) -> String {
        // A line's bytes are whole scalars of valid UTF-8: no repair is ever made.
        withBytes(k) { String(decoding: $0, as: UTF8.self) }
    }

    /// The lines as strings, blank ones empty.
    var sourceLines: [SourceLine] {
        spans.indices.map { isBlank($0) ? .blank : SourceLine(text: text($0), indent: spans[$0].indent) }
    }
}
