// libFuzzer target: bytes → InputDecoder.decode → Resolution(parsing:), and
// bytes → Resolution(decoding:path:) against it.
//
// Not part of any SwiftPM target (Tests/Fuzz is outside the test targets'
// paths); Tests/Fuzz/run.sh compiles it together with every library source
// into one module, so internal declarations are visible without an import.
//
// Besides "no crash, no hang", it checks invariants that are cheap to test:
// - decoding is total: a value or an InputError, and a refusal is for a reason
//   the bytes show (a NUL, bad UTF-8, size);
// - the parser is total over *any* String, not only decoded files (a library
//   user can pass text with NULs or U+FFFD), so refused bytes are parsed too,
//   decoded leniently;
// - labels are unique and non-empty; paragraph texts have no line breaks and
//   no runs of white space; each key is the text's comparison key;
// - parsing is deterministic, and a document compared with itself has no
//   differences;
// - the staged parse (StagedParse) gives the same: every block cut as a run of
//   its own and the runs finished together, and two inputs parsed at once on
//   two threads, each what it gives alone.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The command's path, parsing the bytes without a whole string, gives what
    // decoding and parsing the text gives: the same resolution or the same error.
    let direct = Result { () throws(InputError) in try Resolution(decoding: bytes, path: "fuzz") }
    let viaText = Result { () throws(InputError) in Resolution(parsing: try InputDecoder.decode(bytes, path: "fuzz")) }
    require(direct == viaText, "Resolution(decoding:) differs from decoding and parsing the text")
    let both = Resolution.decoding(count: 2) { _ in (bytes, "fuzz") }
    require(both == [direct, direct], "two inputs parsed at once differ from each alone")
    let text: String
    do {
        text = try InputDecoder.decode(bytes, path: "fuzz")
    } catch {
        // Refused: the refusal must be explainable from the bytes.
        switch error {
        case .binary:
            require(bytes.contains(0), "binary without a NUL byte")
        case .invalidUTF8(_, let offset):
            require(offset >= 0 && offset <= bytes.count, "invalid UTF-8 offset \(offset) outside 0...\(bytes.count)")
        case .tooLarge:
            require(bytes.count > InputDecoder.sizeLimit, "too large at \(bytes.count) bytes")
        case .notFound, .isDirectory, .unreadable:
            fatalError("decode threw a file-system error: \(error)")
        }
        FuzzChecks.parse(String(decoding: bytes, as: UTF8.self))
        return 0
    }
    FuzzChecks.parse(text)
    FuzzChecks.blockByBlock(text)
    return 0
}

enum FuzzChecks {
    static func parse(_ text: String) {
        let resolution = Resolution(parsing: text)
        checkInvariants(resolution)
        let again = Resolution(parsing: text)
        require(again == resolution, "parsing is not deterministic")
        let comparison = Aligner().compare(resolution, resolution)
        require(!comparison.hasDifferences, "a document differs from itself")
        require(comparison.changes.count == resolution.paragraphs.count,
                     "self-comparison has \(comparison.changes.count) changes for \(resolution.paragraphs.count) paragraphs")
    }

    /// Each block's pieces depend on the block alone: a run a block, finished
    /// together, is the text parsed at once.
    static func blockByBlock(_ text: String) {
        let parser = ResolutionParser()
        let front = parser.front(of: LineReader.read(text))
        let runs = (0..<front.blockCount).map { parser.pieces(of: front, blocks: $0..<($0 + 1)) }
        require(parser.finish(front, pieces: PieceList(runs: runs)) == parser.parse(text),
                "a run a block differs from the whole parse")
    }

    static func checkInvariants(_ resolution: Resolution) {
        var labels = Set<String>()
        for p in resolution.paragraphs {
            require(!p.label.isEmpty, "empty label")
            require(labels.insert(p.label).inserted, "duplicate label \(p.label)")
            require(p.key == TextNormalizer.comparisonKey(p.text), "stale key for \(p.label)")
            require(!p.text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "line break in \(p.label)")
            require(!p.text.contains("  "), "double space in \(p.label)")
        }
        for f in resolution.footnotes {
            require(!f.marker.isEmpty, "footnote without a marker")
        }
    }
}

/// `precondition` that keeps its message in -O builds, so a crasher says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #file, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
