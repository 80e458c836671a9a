/// Finds footnote texts among the lines and takes them out of the flow, and
/// removes footnote markers from paragraph text.
///
/// A footnote zone opens at a rule of underscores (the PDF layout) or at a
/// line that starts with an unambiguous marker after a blank line (`1/ ` as
/// in the texts of the 1990s, `[1] ` as on web pages). Inside a zone, a line
/// starting with a marker (`1 `, `1/ `, `[1] `) starts a footnote, other lines
/// continue it; the zone closes at a blank line followed by a line that does
/// not start with a marker. Zone lines become blank lines, so the paragraph
/// interrupted by a page's footnotes is rejoined by ``BlockSplitter``.
enum FootnoteExtractor {
    /// Splits `lines` into body lines (footnote lines blanked) and footnotes.
    ///
    /// - Complexity: O(n) in the total length of the lines.
    static func extract(_ lines: [SourceLine]) -> (lines: [SourceLine], footnotes: [Footnote]) {
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        var footnotes: [Footnote] = []
        var inZone = false
        var afterBlank = true
        var current: (marker: String, text: String)?

        func flush() {
            if let c = current {
                footnotes.append(Footnote(marker: c.marker, text: TextScan.display(c.text)))
            }
            current = nil
        }

        for line in lines {
            if line.isBlank {
                afterBlank = true
                out.append(line)
                continue
            }
            if PageFurniture.isRule(line.text) {
                flush()
                inZone = true
                afterBlank = false
                out.append(.blank)
                continue
            }
            let plainAllowed = inZone
            if let (marker, rest) = leadingMarker(line.text, allowPlain: plainAllowed),
               inZone || afterBlank {
                // Inside a zone, a plain number must follow the previous marker, so a
                // wrapped footnote line starting with a year is not taken for a new one.
                let isSequel = current.map { Int(marker) == (Int($0.marker) ?? -1) + 1 } ?? true
                if !plainAllowed || isSequel || !isPlainStyle(line.text) {
                    flush()
                    inZone = true
                    current = (marker, String(rest))
                    afterBlank = false
                    out.append(.blank)
                    continue
                }
            }
            if inZone && !afterBlank {
                if current != nil {
                    current?.text += "\n" + line.text
                }
                out.append(.blank)
                continue
            }
            // A blank line followed by a line without a marker closes the zone.
            flush()
            inZone = false
            afterBlank = false
            out.append(line)
        }
        flush()
        return (out, footnotes)
    }

    /// True when the line's marker is a bare number (`1 Text`), not `1/` or `[1]`.
    private static func isPlainStyle(_ text: String) -> Bool {
        guard let f = text.utf8.first, f >= 0x30, f <= 0x39 else { return false }
        let afterDigits = text.utf8.drop(while: { $0 >= 0x30 && $0 <= 0x39 })
        return afterDigits.first == UInt8(ascii: " ")
    }

    /// Reads a footnote marker at the start of a line: `1/ `, `[1] `, or, when
    /// `allowPlain`, `1 ` followed by text. Returns the marker and the rest.
    static func leadingMarker(_ text: String, allowPlain: Bool) -> (String, Substring)? {
        let u = text.utf8
        var i = u.startIndex
        var bracketed = false
        if i < u.endIndex, u[i] == UInt8(ascii: "[") { bracketed = true; i = u.index(after: i) }
        let start = i
        var digits = 0
        while i < u.endIndex, u[i] >= 0x30, u[i] <= 0x39 { i = u.index(after: i); digits += 1 }
        guard digits >= 1, digits <= 3, i < u.endIndex else { return nil }
        let marker = String(decoding: u[start..<i], as: UTF8.self)
        if bracketed {
            guard u[i] == UInt8(ascii: "]") else { return nil }
            i = u.index(after: i)
        } else if u[i] == UInt8(ascii: "/") {
            i = u.index(after: i)
            guard i < u.endIndex, u[i] == UInt8(ascii: " ") else { return nil }
        } else if !(allowPlain && u[i] == UInt8(ascii: " ")) {
            return nil
        }
        let rest = text[i...].drop(while: { $0 == " " })
        guard !rest.isEmpty else { return nil }
        return (marker, rest)
    }

    /// Removes footnote markers from paragraph text: `[1]` and ` 1/` always, and a
    /// number glued to a word or to punctuation after a word (`Refugees,1`,
    /// `Rights2`) when a footnote with that marker exists.
    ///
    /// A glued number after a period counts only when the word before is
    /// lowercase, so `Add.1` and `L.78` stay.
    /// - Complexity: O(n) in the length of `text`.
    static func removingMarkers(from text: String, known: Set<String>) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func boundary(_ k: Int) -> Bool {
            k >= s.count || s[k].properties.isWhitespace || ",;:.)”’\"'*".unicodeScalars.contains(s[k])
        }
        while i < s.count {
            let c = s[i]
            // [12]
            if c == "[" {
                var j = i + 1
                while j < s.count, isDigit(s[j]), j - i <= 3 { j += 1 }
                if j > i + 1, j < s.count, s[j] == "]" {
                    i = j + 1
                    if out.last == " ", i < s.count, s[i] == " " { i += 1 }
                    continue
                }
            }
            if isDigit(c), i == 0 || !isDigit(s[i - 1]) {
                var j = i
                while j < s.count, isDigit(s[j]) { j += 1 }
                let n = j - i
                if n <= 3, i > 0 {
                    let before = s[i - 1]
                    // " 1/" followed by a boundary: 1990s style.
                    if before == " ", j < s.count, s[j] == "/", boundary(j + 1), i >= 2, s[i - 2] != "/" {
                        while let last = out.last, last == " " { out.removeLast() }
                        i = j + 1
                        continue
                    }
                    var marker = String.UnicodeScalarView()
                    marker.append(contentsOf: s[i..<j])
                    if boundary(j), known.contains(String(marker)), gluedMarkerContext(s, at: i) {
                        i = j
                        continue
                    }
                }
                // One scalar at a time: UnicodeScalarView.append(contentsOf:) rebuilds
                // the whole view (String + String), which made a paragraph with many
                // numbers quadratic.
                for k in i..<j { out.append(s[k]) }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// True when the digits starting at `i` are glued to a word or to punctuation after one.
    private static func gluedMarkerContext(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let before = s[i - 1]
        var k = i - 1
        if before.properties.isAlphabetic {
            // The word before must be at least three letters and not a code like G77.
        } else if ",;:)”’\".".unicodeScalars.contains(before) {
            k -= 1
            guard k >= 0 else { return false }
        } else {
            return false
        }
        var letters = 0
        var allLower = true
        while k >= 0, s[k].properties.isAlphabetic {
            if s[k].properties.isUppercase && (k == 0 || s[k - 1].properties.isAlphabetic) { allLower = false }
            if s[k].properties.isUppercase && before == "." { allLower = false }
            letters += 1
            k -= 1
        }
        if before == "." { return letters >= 3 && allLower }
        if before.properties.isAlphabetic { return letters >= 3 && allLower }
        // After punctuation: the word before may be anything but a number ("1,000").
        guard letters == 0 else { return true }
        guard k >= 0 else { return false }
        let c = s[k]
        if c.value >= 0x30 && c.value <= 0x39 {
            // "2020,1": a year or a number glued to its footnote; "1,000" has three digits after.
            var j = i
            while j < s.count, s[j].value >= 0x30, s[j].value <= 0x39 { j += 1 }
            return j - i < 3
        }
        return c == ")" || c == "”" || c == "\"" || c == "’" || c == "]"
    }
}
