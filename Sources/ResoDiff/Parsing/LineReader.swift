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
    static func read(_ text: String) -> [SourceLine] {
        UTF8Scan.withBytes(text) { u in
            var lines: [SourceLine] = []
            // About one line per 64 bytes of text (hard-wrapped text 72 columns, with blank lines
            // between paragraphs): growing the array from empty copied it a dozen times.
            lines.reserveCapacity(u.count / 64 + 16)
            // A line is usually a stretch of the text as it stands: it is then kept as
            // `verbatim` bounds, and copied into `current` only when a character must
            // change (a tab, a Unicode space).
            var verbatim: (start: Int, end: Int)?
            var current: [UInt8] = []
            current.reserveCapacity(256)
            var indent = 0
            var atLineStart = true
            var lastWasCR = false

            /// Leaves verbatim mode: the line so far goes into `current`.
            func materialize() {
                guard let v = verbatim else { return }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: u[v.start..<v.end]))
                verbatim = nil
            }

            func emit() {
                let line: String
                let marks: UTF8Scan.LineMarks
                if var v = verbatim {
                    while v.end > v.start, u[v.end - 1] == 0x20 { v.end -= 1 }
                    // Copied from the bytes: a stretch between line ends (or spaces) holds whole
                    // scalars, and building from bytes skips the index checks of a substring.
                    line = String(decoding: UnsafeBufferPointer(rebasing: u[v.start..<v.end]), as: UTF8.self)
                    marks = UTF8Scan.lineMarks(UnsafeBufferPointer(rebasing: u[v.start..<v.end]))
                    verbatim = nil
                } else {
                    while current.last == 0x20 { current.removeLast() }
                    line = UTF8Scan.string(current)
                    marks = current.withUnsafeBufferPointer(UTF8Scan.lineMarks)
                }
                if line.isEmpty {
                    lines.append(.blank)
                } else if !marks.starPair {
                    // No cut to make: the line is its only piece (already trimmed).
                    let furniture = !PageFurniture.cannotBeFurniture(line, marks: marks)
                        && PageFurniture.isFurniture(line, mayHavePipeOrGap: marks.pipe || marks.spacePair)
                    lines.append(furniture ? .blank : SourceLine(text: line, indent: indent))
                } else {
                    for piece in splitAtSeparatorRuns(line) {
                        if piece.isEmpty || PageFurniture.isFurniture(piece) {
                            lines.append(.blank)
                        } else {
                            lines.append(SourceLine(text: piece, indent: indent))
                        }
                    }
                }
                current.removeAll(keepingCapacity: true)
                indent = 0
                atLineStart = true
            }

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
                        isSpace = decoded.scalar.properties.isWhitespace || decoded.scalar.value == 0x200B
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
                if b >= 0x20 && b < 0x80 {
                    // A run of printable ASCII (spaces included) is kept as it stands.
                    let j = UTF8Scan.endOfPrintableASCII(u, from: i + 1)
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
            return lines
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
