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
    /// Takes the footnotes out of `lines`: their lines become blank lines.
    ///
    /// Lines are read on their bytes: a footnote line starts with a digit or
    /// `[` (or is a rule), so any other line is settled by its first byte, and
    /// a string is made only for the lines that may hold a marker.
    /// - Returns: the footnotes, in order.
    /// - Complexity: O(n) in the total length of the lines.
    static func extract(from lines: inout LineTable) -> [Footnote] {
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

        for k in 0..<lines.count {
            if lines.isBlank(k) {
                afterBlank = true
                continue
            }
            let (isRule, mayHoldMarker) = lines.withBytes(k) { u in
                (PageFurniture.isRule(u), mayStartWithMarker(u, allowPlain: inZone))
            }
            if isRule {
                flush()
                inZone = true
                afterBlank = false
                lines.blank(k)
                continue
            }
            let plainAllowed = inZone
            // A marker's shape (digits, then `]`, `/` or a space) is checked on the bytes first.
            if mayHoldMarker, inZone || afterBlank {
                let text = lines.text(k)
                if let (marker, rest) = leadingMarker(text, allowPlain: plainAllowed) {
                    // Inside a zone, a plain number must follow the previous marker, so a
                    // wrapped footnote line starting with a year is not taken for a new one.
                    let isSequel = current.map { Int(marker) == (Int($0.marker) ?? -1) + 1 } ?? true
                    if !plainAllowed || isSequel || !isPlainStyle(text) {
                        flush()
                        inZone = true
                        current = (marker, String(rest))
                        afterBlank = false
                        lines.blank(k)
                        continue
                    }
                }
            }
            if inZone && !afterBlank {
                if current != nil {
                    current?.text += "\n" + lines.text(k)
                }
                lines.blank(k)
                continue
            }
            // A blank line followed by a line without a marker closes the zone.
            flush()
            inZone = false
            afterBlank = false
        }
        flush()
        return footnotes
    }

    /// False when the line `u` cannot start with a marker (see ``leadingMarker(_:allowPlain:)``):
    /// one to three digits, in brackets, or followed by `/` (or by a space when
    /// `allowPlain`). Every byte looked at is ASCII; the rest of the test is the
    /// marker reader's, on the line as a string.
    private static func mayStartWithMarker(_ u: UnsafeBufferPointer<UInt8>, allowPlain: Bool) -> Bool {
        var i = 0
        let bracketed = u[0] == UInt8(ascii: "[")
        if bracketed { i = 1 }
        let start = i
        while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
        guard i > start, i - start <= 3, i < u.count else { return false }
        if bracketed { return u[i] == UInt8(ascii: "]") }
        return u[i] == UInt8(ascii: "/") || (allowPlain && u[i] == 0x20)
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
    ///
    /// Every marker holds an ASCII digit, so a text without one is returned
    /// as it is. Otherwise the pass works on UTF-8 bytes: the characters the
    /// rules test (digits, brackets, `/`, space, ASCII punctuation) are single
    /// bytes, and a scalar is decoded only where a rule asks about letters,
    /// white space or curly quotes.
    /// - Complexity: O(n) in the length of `text`.
    static func removingMarkers(from text: String, known: Set<String>) -> String {
        UTF8Scan.withBytes(text) { u in
            guard UTF8Scan.containsASCIIDigit(u) else { return text }
            // Without known markers, only `[1]` and ` 1/` are ever removed.
            if known.isEmpty && !mayHoldBracketOrSlashMarker(u) { return text }
            return UTF8Scan.string(removingMarkers(u, known: known))
        }
    }

    /// False when `u` holds no `[` and no `/` after one to three digits after a
    /// space: then neither a `[1]` nor a ` 1/` marker is there to remove.
    private static func mayHoldBracketOrSlashMarker(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        if UTF8Scan.contains(u, byte: UInt8(ascii: "[")) { return true }
        guard UTF8Scan.contains(u, byte: UInt8(ascii: "/")) else { return false }
        for k in 1..<max(u.count, 1) where u[k] == UInt8(ascii: "/") {
            var j = k - 1, digits = 0
            while j >= 0, isDigit(u[j]), digits < 4 { j -= 1; digits += 1 }
            if digits >= 1, digits <= 3, j >= 0, u[j] == 0x20 { return true }
        }
        return false
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// True when the scalar at byte `k` ends a marker: the end, white space, or closing punctuation.
    private static func isBoundary(_ u: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        guard k < u.count else { return true }
        let b = u[k]
        if b < 0x80 {
            return b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
                || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: ")")
                || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "*")
        }
        let c = UTF8Scan.scalar(u, at: k).scalar
        return ScalarClass.isWhitespace(c) || c == "”" || c == "’"
    }

    private static func removingMarkers(_ s: UnsafeBufferPointer<UInt8>, known: Set<String>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        // Invariant: `i` is the start of a scalar; every branch below moves it
        // over whole scalars (ASCII bytes, or the bytes copied from `i`).
        while i < s.count {
            let c = s[i]
            // [12]
            if c == UInt8(ascii: "[") {
                var j = i + 1
                while j < s.count, isDigit(s[j]), j - i <= 3 { j += 1 }
                if j > i + 1, j < s.count, s[j] == UInt8(ascii: "]") {
                    i = j + 1
                    if out.last == 0x20, i < s.count, s[i] == 0x20 { i += 1 }
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
                    if before == 0x20, j < s.count, s[j] == UInt8(ascii: "/"), isBoundary(s, j + 1), i >= 2,
                       s[i - 2] != UInt8(ascii: "/") {
                        while out.last == 0x20 { out.removeLast() }
                        i = j + 1
                        continue
                    }
                    if isBoundary(s, j),
                       known.contains(String(decoding: UnsafeBufferPointer(rebasing: s[i..<j]), as: UTF8.self)),
                       gluedMarkerContext(s, at: i) {
                        i = j
                        continue
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
                i = j
                continue
            }
            if c < 0x80 {
                out.append(c)
                i += 1
            } else {
                let n = UTF8Scan.length(lead: c)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<(i + n)]))
                i += n
            }
        }
        return out
    }

    /// True when the digits starting at byte `i` are glued to a word or to punctuation after one.
    private static func gluedMarkerContext(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        // Byte offsets of scalar starts; -1 stands before the text.
        func previous(_ k: Int) -> Int { k > 0 ? UTF8Scan.start(before: k, in: s) : -1 }
        var k = previous(i)
        let before = UTF8Scan.scalar(s, at: k).scalar
        let beforeIsAlphabetic = ScalarClass.isAlphabetic(before)
        if beforeIsAlphabetic {
            // The word before must be at least three letters and not a code like G77.
        } else if ",;:)”’\".".unicodeScalars.contains(before) {
            k = previous(k)
            guard k >= 0 else { return false }
        } else {
            return false
        }
        var letters = 0
        var allLower = true
        while k >= 0 {
            let scalar = UTF8Scan.scalar(s, at: k).scalar
            guard ScalarClass.isAlphabetic(scalar) else { break }
            let p = previous(k)
            if ScalarClass.isUppercase(scalar) {
                if p < 0 || ScalarClass.isAlphabetic(UTF8Scan.scalar(s, at: p).scalar) { allLower = false }
                if before == "." { allLower = false }
            }
            letters += 1
            k = p
        }
        if before == "." { return letters >= 3 && allLower }
        if beforeIsAlphabetic { return letters >= 3 && allLower }
        // After punctuation: the word before may be anything but a number ("1,000").
        guard letters == 0 else { return true }
        guard k >= 0 else { return false }
        let c = UTF8Scan.scalar(s, at: k).scalar
        if c.value >= 0x30 && c.value <= 0x39 {
            // "2020,1": a year or a number glued to its footnote; "1,000" has three digits after.
            var j = i
            while j < s.count, isDigit(s[j]) { j += 1 }
            return j - i < 3
        }
        return c == ")" || c == "”" || c == "\"" || c == "’" || c == "]"
    }
}
