/// The first parsing stage: raw text to clean physical lines.
///
/// It strips a UTF-8 byte-order mark, accepts LF, CRLF and CR line ends (and
/// the Unicode line separators), turns tabs and non-breaking spaces into
/// plain spaces, cuts a line at emphasis runs used as separators (`**` or
/// `***` glued between two pieces of text, as in `agreements**Resolution`),
/// and blanks every line that ``PageFurniture`` recognizes.
enum LineReader {
    /// Reads `text` into lines.
    ///
    /// - Parameter text: the source text, any line-end convention.
    /// - Returns: the lines, furniture lines replaced by blank ones.
    /// - Complexity: O(n) in the length of `text`.
    static func read(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var indent = 0
        var atLineStart = true
        var lastWasCR = false
        var isFirst = true

        func emit() {
            while let last = current.last, last == " " { current.removeLast() }
            for piece in splitAtSeparatorRuns(String(current)) {
                if piece.isEmpty {
                    lines.append(.blank)
                } else if PageFurniture.isFurniture(piece) {
                    lines.append(.blank)
                } else {
                    lines.append(SourceLine(text: piece, indent: indent))
                }
            }
            current = String.UnicodeScalarView()
            indent = 0
            atLineStart = true
        }

        for s in text.unicodeScalars {
            if isFirst {
                isFirst = false
                if s == "\u{FEFF}" { continue }
            }
            switch s.value {
            case 0x0D:
                emit()
                lastWasCR = true
                continue
            case 0x0A:
                if lastWasCR { lastWasCR = false; continue }
                emit()
                continue
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                lastWasCR = false
                emit()
                continue
            default:
                lastWasCR = false
            }
            let isTab = s == "\t"
            let isSpace = isTab || s.properties.isWhitespace || s.value == 0x200B
            if atLineStart {
                if isSpace {
                    indent = isTab ? (indent / 8 + 1) * 8 : indent + 1
                    continue
                }
                atLineStart = false
            }
            if isSpace {
                current.append(" ")
                if isTab { current.append(" ") }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty || !atLineStart { emit() }
        return lines
    }

    /// Cuts `line` at every run of two or more asterisks that has text glued on
    /// both sides, putting an empty piece (a blank line) between the parts.
    ///
    /// A run with white space on one side is emphasis markup and stays.
    /// - Complexity: O(n) in the length of `line`.
    static func splitAtSeparatorRuns(_ line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "*" else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j] == "*" { j += 1 }
            if j - i >= 2, i > 0, j < scalars.count,
               !scalars[i - 1].properties.isWhitespace, !scalars[j].properties.isWhitespace {
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[start..<i])
                pieces.append(String(piece).trimmingSpaces())
                pieces.append("")
                start = j
            }
            i = j
        }
        var last = String.UnicodeScalarView()
        last.append(contentsOf: scalars[start...])
        pieces.append(String(last).trimmingSpaces())
        return pieces
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
