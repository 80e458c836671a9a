/// The first parsing stage: raw text to clean physical lines.
///
/// It strips a UTF-8 byte-order mark, accepts LF, CRLF and CR line ends (and
/// the Unicode line separators), turns tabs and non-breaking spaces into
/// plain spaces, cuts a line at emphasis runs used as separators (`**` or
/// `***` glued between two pieces of text, as in `agreements**Resolution`),
/// and blanks every line that ``PageFurniture`` recognizes. Only a line with
/// two asterisks in a row can hold a separator run.
enum LineReader {
    /// Reads `text` into lines.
    ///
    /// Works on the UTF-8 bytes: ASCII bytes (line ends, tabs, spaces and
    /// text) are handled by comparison, and only non-ASCII scalars are
    /// decoded, to find the byte-order mark, Unicode line ends and white space.
    /// - Parameter text: the source text, any line-end convention.
    /// - Returns: the lines, furniture lines replaced by blank ones.
    /// - Complexity: O(n) in the length of `text`.
    static func read(_ text: String) -> LineTable {
        UTF8Scan.withBytes(text, read)
    }

    /// Reads the UTF-8 text `u` into lines, as ``read(_:)-(String)`` reads the same text.
    static func read(_ u: UnsafeBufferPointer<UInt8>) -> LineTable {
        var reader = Reader(u: u)
        reader.run()
        return reader.lines
    }

    /// The reader's state: a struct with mutating steps rather than nested functions
    /// over local variables, which the compiler would box and check on every access.
    private struct Reader {
        let u: UnsafeBufferPointer<UInt8>
        var lines = LineTable()
        /// A line is usually a stretch of the text as it stands: it is then kept as
        /// `verbatim` bounds, and copied into `current` only when a character must
        /// change (a tab, a Unicode space).
        var verbatim: (start: Int, end: Int)?
        var current: [UInt8] = []
        var indent = 0
        var atLineStart = true
        var lastWasCR = false

        init(u: UnsafeBufferPointer<UInt8>) {
            self.u = u
            // About one line per 64 bytes of text (hard-wrapped text 72 columns, with blank lines
            // between paragraphs): growing the array from empty copied it a dozen times.
            lines.reserve(lines: u.count / 64 + 16, bytes: u.count)
            current.reserveCapacity(256)
        }

        /// Leaves verbatim mode: the line so far goes into `current`.
        mutating func materialize() {
            guard let v = verbatim else { return }
            current.append(contentsOf: UnsafeBufferPointer(rebasing: u[v.start..<v.end]))
            verbatim = nil
        }

        /// Adds the line `content` (trimmed): a blank line when it is empty or furniture,
        /// and cut at separator runs first.
        mutating func add(_ content: UnsafeBufferPointer<UInt8>) {
            if content.isEmpty {
                lines.appendBlank()
                return
            }
            let marks = UTF8Scan.lineMarks(content)
            if !marks.starPair {
                // No cut to make: the line is its only piece (already trimmed). Most lines are
                // settled on their bytes; the others are asked as a string.
                if PageFurniture.cannotBeFurniture(content, marks: marks)
                    || !PageFurniture.isFurniture(String(decoding: content, as: UTF8.self),
                                                  mayHavePipeOrGap: marks.pipe || marks.spacePair) {
                    lines.append(content, indent: indent)
                } else {
                    lines.appendBlank()
                }
            } else {
                for piece in splitAtSeparatorRuns(String(decoding: content, as: UTF8.self)) {
                    if piece.isEmpty || PageFurniture.isFurniture(piece) {
                        lines.appendBlank()
                    } else {
                        lines.append(piece.utf8, indent: indent)
                    }
                }
            }
        }

        mutating func emit() {
            if var v = verbatim {
                while v.end > v.start, u[v.end - 1] == 0x20 { v.end -= 1 }
                add(UnsafeBufferPointer(rebasing: u[v.start..<v.end]))
                verbatim = nil
            } else {
                while current.last == 0x20 { current.removeLast() }
                // A copy (one retain, no bytes copied): `add` changes `self`, so it cannot
                // run while `self.current` is borrowed for its bytes.
                let line = current
                line.withUnsafeBufferPointer { add($0) }
            }
            current.removeAll(keepingCapacity: true)
            indent = 0
            atLineStart = true
        }

        mutating func run() {
            var i = 0
            // A byte-order mark is dropped only as the very first scalar.
            if u.count >= 3, u[0] == 0xEF, u[1] == 0xBB, u[2] == 0xBF { i = 3 }
            while i < u.count {
                let b = u[i]
                var n = 1
                var isSpace = false
                var isTab = false
                if b < 0x80 {
                    switch b {
                    case 0x0D:
                        emit()
                        lastWasCR = true
                        i += 1
                        continue
                    case 0x0A:
                        i += 1
                        if lastWasCR { lastWasCR = false; continue }
                        emit()
                        continue
                    case 0x0B, 0x0C:
                        lastWasCR = false
                        emit()
                        i += 1
                        continue
                    case 0x09:
                        isTab = true
                        isSpace = true
                    case 0x20:
                        isSpace = true
                    default:
                        break
                    }
                } else {
                    let decoded = UTF8Scan.scalar(u, at: i)
                    n = decoded.length
                    switch decoded.scalar.value {
                    case 0x85, 0x2028, 0x2029:
                        lastWasCR = false
                        emit()
                        i += n
                        continue
                    default:
                        isSpace = ScalarClass.isWhitespace(decoded.scalar) || decoded.scalar.value == 0x200B
                    }
                }
                lastWasCR = false
                if atLineStart {
                    if isSpace {
                        indent = isTab ? (indent / 8 + 1) * 8 : indent + 1
                        i += n
                        continue
                    }
                    atLineStart = false
                    verbatim = (i, i)
                }
                if b >= 0x20 && b < 0x80 || b >= 0x80 && !isSpace && !UTF8Scan.isSpaceLead(b) {
                    // A run of printable ASCII (spaces included) is kept as it stands, and so is
                    // one of text in another script, up to a byte that may start white space.
                    var j = b < 0x80 ? UTF8Scan.endOfPrintableASCII(u, from: i + 1) : i + n
                    if j < u.count && u[j] >= 0x80 && !UTF8Scan.isSpaceLead(u[j]) { j = UTF8Scan.endOfPlainText(u, from: j) }
                    if verbatim != nil {
                        verbatim!.end = j
                    } else {
                        current.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j]))
                    }
                    i = j
                    continue
                }
                if isSpace {
                    materialize()
                    current.append(0x20)
                    if isTab { current.append(0x20) }
                } else if verbatim != nil {
                    verbatim!.end = i + n
                } else if n == 1 {
                    current.append(b)
                } else {
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<(i + n)]))
                }
                i += n
            }
            if !current.isEmpty || !atLineStart { emit() }
        }
    }

    /// Cuts `line` at every run of two or more asterisks that has text glued on
    /// both sides, putting an empty piece (a blank line) between the parts.
    ///
    /// A run with white space on one side is emphasis markup and stays.
    /// - Complexity: O(n) in the length of `line`.
    static func splitAtSeparatorRuns(_ line: String) -> [String] {
        // On the bytes: `*` is one byte and never part of another scalar, and the
        // characters on either side of a run are decoded only to ask if they are white space.
        UTF8Scan.withBytes(line) { u in
            /// The bytes `a ..< b` without leading and trailing plain spaces.
            func piece(_ a: Int, _ b: Int) -> String {
                var a = a, b = b
                while a < b, u[a] == 0x20 { a += 1 }
                while b > a, u[b - 1] == 0x20 { b -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self)
            }
            var pieces: [String] = []
            var start = 0
            var i = 0
            while i < u.count {
                guard u[i] == UInt8(ascii: "*") else { i += 1; continue }
                var j = i
                while j < u.count, u[j] == UInt8(ascii: "*") { j += 1 }
                if j - i >= 2, i > 0, j < u.count,
                   !ScalarClass.isWhitespace(UTF8Scan.scalar(u, before: i)),
                   !ScalarClass.isWhitespace(UTF8Scan.scalar(u, at: j).scalar) {
                    pieces.append(piece(start, i))
                    pieces.append("")
                    start = j
                }
                i = j
            }
            pieces.append(piece(start, u.count))
            return pieces
        }
    }
}

extension String {
    /// The string without leading and trailing plain spaces.
    func trimmingSpaces() -> String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 }) else { return "" }
        // `last(where:)` exists because `first` does.
        let last = u.lastIndex(where: { $0 != 0x20 }) ?? first
        return String(self[first...last])
    }
}
