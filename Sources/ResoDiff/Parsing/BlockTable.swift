/// The blocks ``BlockSplitter`` found: runs of lines it holds to be one
/// paragraph (or one header piece), as lists of line numbers of a ``LineTable``.
///
/// Every block's line numbers sit back to back in one array, so a text's
/// blocks cost two arrays, not one a block; a block joined to the one before
/// (a paragraph cut by a page break) only extends the last block's run.
struct BlockTable {
    /// The lines the blocks are made of.
    let lines: LineTable
    /// The line numbers of every block, block after block; none is blank.
    private(set) var members: [Int] = []
    /// Where each block's line numbers start in ``members``.
    private(set) var starts: [Int] = []

    init(lines: LineTable) {
        self.lines = lines
    }

    /// The number of blocks.
    var count: Int { starts.count }

    /// The positions in ``members`` of block `b`'s line numbers.
    private func range(of b: Int) -> Range<Int> {
        starts[b]..<(b + 1 < starts.count ? starts[b + 1] : members.count)
    }

    /// Starts a new block.
    mutating func startBlock() { starts.append(members.count) }

    /// Adds line `k` to the last block.
    mutating func add(line k: Int) { members.append(k) }

    /// The line numbers of block `b`.
    func lineNumbers(of b: Int) -> ArraySlice<Int> { members[range(of: b)] }

    /// The lines of block `b` as strings.
    func lineTexts(of b: Int) -> [String] { lineNumbers(of: b).map { lines.text($0) } }

    /// Block `b`'s text, its lines joined (see ``join(_:in:)``).
    ///
    /// - Complexity: O(n) in the block's length.
    func text(of b: Int) -> String {
        let numbers = lineNumbers(of: b)
        return lines.bytes.withUnsafeBufferPointer { all in
            if numbers.count == 1 {
                let span = lines.spans[numbers.first!]
                return String(decoding: UnsafeBufferPointer(rebasing: all[span.start..<span.end]), as: UTF8.self)
            }
            return Self.join(numbers.lazy.map { lines.spans[$0] }, in: all)
        }
    }

    /// `lines` joined as a block's are (``text(of:)``).
    static func joined(_ lines: [String]) -> String {
        let table = LineTable(lines.map { SourceLine(text: $0, indent: 0) })
        return table.bytes.withUnsafeBufferPointer { join(table.spans, in: $0) }
    }

    /// The lines `spans` of `all` joined: a line ending in a hyphen after a letter
    /// continues the same word on the next line when that line starts with a letter
    /// (`nuclear-test-` + `ban` gives `nuclear-test-ban`, `Secretary-` + `General`
    /// gives `Secretary-General`); other lines are joined with a space. A dash
    /// standing as punctuation has a space before it.
    ///
    /// - Complexity: O(n) in the lines' length.
    private static func join(_ spans: some Sequence<LineTable.Span>, in all: UnsafeBufferPointer<UInt8>) -> String {
        // Gathered as bytes and made a string once: appending to a `String` re-checks
        // its capacity and ASCII-ness on every append.
        var out: [UInt8] = []
        out.reserveCapacity(spans.reduce(0) { $0 + $1.end - $1.start + 1 })
        for span in spans {
            let u = UnsafeBufferPointer(rebasing: all[span.start..<span.end])
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
        return UTF8Scan.string(out)
    }
}
