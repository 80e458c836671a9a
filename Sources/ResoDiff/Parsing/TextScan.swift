/// Small scanning helpers shared by the parsing stages.
///
/// They work over `unicodeScalars` or `utf8` so that no stage indexes a
/// `String` character by character in a loop.
enum TextScan {
    /// True for the punctuation that ends a paragraph or a wrapped piece of one: `, ; : .`
    static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == ";" || s == ":" || s == "."
    }

    /// The last scalar of `text` that is neither white space nor a markup asterisk.
    ///
    /// - Complexity: O(k), where k is the length of the trailing white space and markup.
    static func lastSignificantScalar(_ text: String) -> Unicode.Scalar? {
        for s in text.unicodeScalars.reversed() where s != "*" && !ScalarClass.isWhitespace(s) {
            return s
        }
        return nil
    }

    /// The first scalar of `text` that is neither white space nor a markup asterisk.
    ///
    /// - Complexity: O(k), where k is the length of the leading white space and markup.
    static func firstSignificantScalar(_ text: some StringProtocol) -> Unicode.Scalar? {
        for s in text.unicodeScalars where s != "*" && !ScalarClass.isWhitespace(s) {
            return s
        }
        return nil
    }

    /// True when `text` begins (after markup) with a lowercase letter: a continuation, not a paragraph.
    static func startsLowercase(_ text: some StringProtocol) -> Bool {
        guard let s = firstSignificantScalar(text) else { return false }
        return ScalarClass.isLowercase(s)
    }

    /// Display text: markup asterisks removed, white space collapsed to single spaces, trimmed.
    ///
    /// Works on the UTF-8 bytes: ASCII bytes are classified by comparison,
    /// and only non-ASCII scalars are decoded (to ask whether they are white
    /// space); everything else is copied byte for byte.
    /// - Complexity: O(n) in the length of `text`.
    static func display(_ text: String) -> String {
        // Already display text (the usual case for a paragraph without markup): the same string.
        UTF8Scan.withBytes(text) { UTF8Scan.isCollapsedASCII($0, allowingUnderscore: true) || UTF8Scan.isCollapsedDisplay($0) }
            ? text : display(text[...])
    }

    /// Display text of a substring; see ``display(_:)-(String)``.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func display(_ text: Substring) -> String {
        UTF8Scan.withBytes(text) { u in
            // Display text with plain spaces around it (the rest after a paragraph
            // number) is that text: leading and trailing spaces are never shown.
            let (start, end) = trimmedSpaces(u)
            if start < end, UTF8Scan.isCollapsedASCII(UnsafeBufferPointer(rebasing: u[start..<end]), allowingUnderscore: true) {
                // Plain ASCII: copied from the bytes, without a substring's index checks.
                return String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
            }
            if start < end, UTF8Scan.isCollapsedDisplay(UnsafeBufferPointer(rebasing: u[start..<end])) {
                return copy(text, start, end)
            }
            return displayBytes(u)
        }
    }

    /// The bytes `start ..< end` of `text` (at scalar boundaries) as a string of its
    /// own, copied from the substring: no validation of the bytes again.
    private static func copy(_ text: Substring, _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// ``display(_:)-(String)``, and the ``UTF8Scan/CollapsedTraits`` of the
    /// result when `text` was display text already (nil when it was rebuilt).
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func displayWithTraits(_ text: String) -> (text: String, traits: UTF8Scan.CollapsedTraits?) {
        if let traits = UTF8Scan.withBytes(text, UTF8Scan.collapsedASCIITraits) { return (text, traits) }
        // Display text beyond ASCII (the other official languages): the same string.
        if UTF8Scan.withBytes(text, UTF8Scan.isCollapsedDisplay) { return (text, nil) }
        return (display(text[...]), nil)
    }

    /// ``display(_:)-(Substring)``, and the ``UTF8Scan/CollapsedTraits`` of the
    /// result when `text` was display text already, leading and trailing spaces
    /// apart (nil when it was rebuilt).
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func displayWithTraits(_ text: Substring) -> (text: String, traits: UTF8Scan.CollapsedTraits?) {
        UTF8Scan.withBytes(text) { u in
            let (start, end) = trimmedSpaces(u)
            if start < end, let traits = UTF8Scan.collapsedASCIITraits(UnsafeBufferPointer(rebasing: u[start..<end])) {
                return (String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self), traits)
            }
            if start < end, UTF8Scan.isCollapsedDisplay(UnsafeBufferPointer(rebasing: u[start..<end])) {
                return (copy(text, start, end), nil)
            }
            return (displayBytes(u), nil)
        }
    }

    /// ``displayWithTraits(_:)-(Substring)`` for `text`, a part of display
    /// text in collapsed ASCII whose traits are `whole` (the text after a
    /// paragraph number): such a part, trimmed, is collapsed ASCII too, so
    /// only whether it holds a digit or a `_` is looked for, where the
    /// general function checks every byte again.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func displayWithTraits(_ text: Substring, partOf whole: UTF8Scan.CollapsedTraits) -> (text: String, traits: UTF8Scan.CollapsedTraits?) {
        UTF8Scan.withBytes(text) { u in
            let (start, end) = trimmedSpaces(u)
            guard start < end else { return (displayBytes(u), nil) }
            let part = UnsafeBufferPointer(rebasing: u[start..<end])
            let traits = UTF8Scan.CollapsedTraits(hasUnderscore: whole.hasUnderscore && UTF8Scan.contains(part, byte: 0x5F),
                                                  hasDigit: UTF8Scan.containsDigitByVectors(part))
            return (String(decoding: part, as: UTF8.self), traits)
        }
    }

    /// The bounds of `u` without its leading and trailing plain spaces.
    @inline(__always)
    private static func trimmedSpaces(_ u: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0, end = u.count
        while start < end, u[start] == 0x20 { start += 1 }
        while end > start, u[end - 1] == 0x20 { end -= 1 }
        return (start, end)
    }

    private static func displayBytes(_ u: UnsafeBufferPointer<UInt8>) -> String {
        // The result is never longer than the input: written straight into the new string's storage.
        String(unsafeUninitializedCapacity: u.count) { out in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < u.count {
                let b = u[i]
                if b > 0x2A && b < 0x80 {
                    // The common case: an ASCII character that is neither white space nor `*`.
                    if pendingSpace && count > 0 { out[count] = 0x20; count += 1 }
                    pendingSpace = false
                    out[count] = b
                    count += 1
                    i += 1
                    continue
                }
                var n = 1
                if b < 0x80 {
                    if b == 0x2A { i += 1; continue }  // `*`
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = true; i += 1; continue }
                } else {
                    let decoded = UTF8Scan.scalar(u, at: i)
                    n = decoded.length
                    if ScalarClass.isWhitespace(decoded.scalar) { pendingSpace = true; i += n; continue }
                }
                if pendingSpace && count > 0 { out[count] = 0x20; count += 1 }
                pendingSpace = false
                for k in i..<(i + n) { out[count] = u[k]; count += 1 }
                i += n
            }
            return count
        }
    }

    /// True when ``display(_:)-(String)`` of `text` would not be empty: some
    /// scalar is neither white space nor a markup asterisk.
    ///
    /// - Complexity: O(k), where k is the length of the leading white space and markup.
    static func hasDisplayText(_ text: String) -> Bool {
        firstSignificantScalar(text) != nil
    }

    /// The words of `text` (white-space separated), at most `limit` of them.
    static func words(_ text: String, limit: Int = .max) -> [Substring] {
        var result: [Substring] = []
        for w in text.split(whereSeparator: { $0 == " " }) {
            if result.count == limit { break }
            result.append(w)
        }
        return result
    }

    /// Reads a written paragraph number at the start of `text`: `12.` followed by white
    /// space (markup asterisks around it allowed). Returns the number and the rest.
    ///
    /// - Complexity: O(k) in the length of the number.
    static func leadingNumber(_ text: Substring) -> (number: String, rest: Substring)? {
        // Offsets and the number on the bytes (every byte tested is ASCII), then one index for the rest.
        let found = UTF8Scan.withBytes(text) { u -> (number: String, restStart: Int)? in
            guard let (start, end) = leadingNumberBounds(u) else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self), end + 1)
        }
        guard let found else { return nil }
        let u = text.utf8
        return (found.number, text[u.index(u.startIndex, offsetBy: found.restStart)...])
    }

    /// Where the digits of a written paragraph number at the start of `u` are
    /// (see ``leadingNumber(_:)``): the byte offsets of its first digit and of
    /// the full stop after it, or nil.
    ///
    /// - Complexity: O(k) in the length of the number.
    static func leadingNumberBounds(_ u: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        var i = 0
        while i < u.count, u[i] == UInt8(ascii: "*") || u[i] == UInt8(ascii: " ") { i += 1 }
        let start = i
        while i < u.count, u[i] >= 0x30, u[i] <= 0x39, i - start < 4 { i += 1 }
        guard i > start, i - start <= 3, i < u.count, u[i] == UInt8(ascii: ".") else { return nil }
        guard i + 1 < u.count, u[i + 1] == UInt8(ascii: " ") || u[i + 1] == UInt8(ascii: "*") else { return nil }
        return (start, i)
    }

    /// True when ``leadingSubMarker(_:)`` finds a marker at the start of the bytes `u`.
    /// Only a `(` after markup and spaces can open one; the marker is read as text then.
    ///
    /// - Complexity: O(1).
    static func hasLeadingSubMarker(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count, u[i] == UInt8(ascii: "*") || u[i] == UInt8(ascii: " ") { i += 1 }
        guard i < u.count, u[i] == UInt8(ascii: "(") else { return false }
        return leadingSubMarker(Substring(String(decoding: u, as: UTF8.self))) != nil
    }

    /// Reads a sub-paragraph marker at the start of `text`: `(b)`, `(iv)`, `(aa)` followed by
    /// white space. Returns the marker without parentheses and the rest.
    ///
    /// - Complexity: O(1).
    static func leadingSubMarker(_ text: Substring) -> (marker: String, rest: Substring)? {
        // On the bytes (every byte tested is ASCII), then one index for the rest.
        let found = UTF8Scan.withBytes(text) { u -> (marker: String, restStart: Int)? in
            var i = 0
            while i < u.count, u[i] == UInt8(ascii: "*") || u[i] == UInt8(ascii: " ") { i += 1 }
            guard i < u.count, u[i] == UInt8(ascii: "(") else { return nil }
            i += 1
            let start = i
            while i < u.count, u[i] >= 0x61, u[i] <= 0x7A { i += 1 }
            let count = i - start
            guard count >= 1, count <= 5, i < u.count, u[i] == UInt8(ascii: ")") else { return nil }
            let marker = String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self)
            if count > 1 && !isRoman(marker) && !(marker.utf8.allSatisfy { $0 == marker.utf8.first }) { return nil }
            i += 1
            guard i < u.count, u[i] == UInt8(ascii: " ") || u[i] == UInt8(ascii: "*") else { return nil }
            return (marker, i)
        }
        guard let found else { return nil }
        let u = text.utf8
        return (found.marker, text[u.index(u.startIndex, offsetBy: found.restStart)...])
    }

    /// True when `s` is a lowercase roman numeral from i to xx.
    static func isRoman(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 7 else { return false }
        return romanNumerals.contains(s)
    }

    private static let romanNumerals: Set<String> = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ]

    /// Finds a date such as "7 December 2020" in `text`.
    ///
    /// - Complexity: O(w) in the number of words of `text`.
    static func date(in text: String) -> String? {
        // Plain ASCII: the words on the bytes, where they are the same as on characters
        // (an ASCII number character is a digit).
        let settled: String?? = UTF8Scan.withBytes(text) { u -> String?? in
            guard !u.contains(where: { $0 >= 0x80 }) else { return .none }
            func isSeparator(_ b: UInt8) -> Bool {
                b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "[") || b == UInt8(ascii: "*")
            }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            var words: [Range<Int>] = []
            var i = 0
            while i < u.count {
                while i < u.count, isSeparator(u[i]) { i += 1 }
                guard i < u.count else { break }
                let start = i
                while i < u.count, !isSeparator(u[i]) { i += 1 }
                words.append(start..<i)
            }
            guard words.count >= 3 else { return .some(nil) }
            for k in 1..<(words.count - 1) {
                let month = UnsafeBufferPointer(rebasing: u[words[k]])
                guard monthNames.contains(where: { $0.utf8.elementsEqual(month) }) else { continue }
                let day = words[k - 1], year = words[k + 1]
                if day.count <= 2, day.allSatisfy({ isDigit(u[$0]) }), year.count >= 4,
                   (year.lowerBound..<(year.lowerBound + 4)).allSatisfy({ isDigit(u[$0]) }) {
                    var bytes: [UInt8] = []
                    bytes.append(contentsOf: u[day])
                    bytes.append(0x20)
                    bytes.append(contentsOf: month)
                    bytes.append(0x20)
                    bytes.append(contentsOf: u[year.lowerBound..<(year.lowerBound + 4)])
                    return .some(String(decoding: bytes, as: UTF8.self))
                }
            }
            return .some(nil)
        }
        if let settled { return settled }
        return dateByCharacters(in: text)
    }

    /// The month names ``date(in:)`` looks for.
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    /// ``date(in:)`` on characters, for any text.
    static func dateByCharacters(in text: String) -> String? {
        let months: Set<Substring> = [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ]
        let w = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "]" || $0 == "[" || $0 == "*" })
        guard w.count >= 3 else { return nil }
        for k in 1..<(w.count - 1) where months.contains(w[k]) {
            let day = w[k - 1], year = w[k + 1].prefix(4)
            if day.count <= 2, day.allSatisfy(\.isNumber), year.count == 4, year.allSatisfy(\.isNumber) {
                return "\(day) \(w[k]) \(year)"
            }
        }
        return nil
    }
}
