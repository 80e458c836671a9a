/// Lines that belong to the page or the web page, not to the resolution.
///
/// A line is furniture only when *all* of it is, so a symbol or number cited
/// inside a sentence never matches. What counts, exactly (this list is the
/// definition the no-text-dropped property test relies on):
/// - a line whose every white-space separated token is one of: a document job
///   number (`20-16379`), a language tag (`(E)`), a barcode (`*2016379*`), a
///   page number (`2/3`, both parts of at most three digits, the first not
///   greater), a running symbol (`A/RES/75/68`), or a six-digit date stamp
///   (`141220`), the continuation mark `/...` of 1990s pages — and at least one
///   token is not a date stamp or language tag;
/// - a page line `Page 2`;
/// - a line starting or ending with a running symbol separated from the rest
///   by a layout gap of two or more spaces (`A/RES/75/68   Strengthening …`);
/// - a rule of five or more underscores (the footnote separator);
/// - web-page leftovers: navigation lines made of three or more items separated
///   by `|`, copyright lines, and the fixed lines listed in ``webLines``
///   ("Skip to main content", "Distr.: General", "Original: English", …).
enum PageFurniture {
    /// Exact lines (compared case-insensitively) dropped as web-page or cover-page leftovers.
    static let webLines: Set<String> = [
        "skip to main content", "skip to content", "skip navigation", "back to top", "print",
        "print this page", "share", "menu", "search", "home", "download", "download pdf",
        "terms of use", "privacy notice", "privacy policy", "fraud alert", "contact us",
        "site map", "sitemap", "faq", "copyright", "distr.", "distr.: general", "distr. general",
        "distr.: limited", "distr. limited", "general", "limited", "original: english",
        "original:english",
    ]

    /// True when `line` (already trimmed) is page or web furniture.
    ///
    /// - Complexity: O(n) in the length of `line`.
    static func isFurniture(_ line: String) -> Bool {
        isFurniture(line, mayHavePipeOrGap: true)
    }

    /// ``isFurniture(_:)``, told by the caller (who has read the line's bytes
    /// already) when the line holds neither a `|` nor two spaces in a row.
    ///
    /// - Complexity: O(n) in the length of `line`.
    static func isFurniture(_ line: String, mayHavePipeOrGap: Bool) -> Bool {
        if line.utf8.count <= 24, webLines.contains(line.lowercased()) { return true }
        if isRule(line) { return false }  // rules are the footnote stage's business
        // "©" is C2 A9 in UTF-8: only a line starting with that byte can start with it.
        if line.utf8.first == 0xC2, line.hasPrefix("©") { return true }
        if let f = line.utf8.first, f == UInt8(ascii: "C") || f == UInt8(ascii: "c"), mayStartWithCopyright(line) {
            let head = line.prefix(13).lowercased()
            if head.hasPrefix("copyright ©") || head.hasPrefix("copyright (c)") { return true }
        }
        // One pass over the bytes for the remaining tests' ingredients, after a
        // quicker one: without a `|` or two spaces in a row, only the tokens can tell.
        var pipes = 0, hasSlash = false
        var firstGap = -1, lastGap = -1  // byte offsets of the first and last pair of spaces
        UTF8Scan.withBytes(line) { u in
            guard mayHavePipeOrGap else { return }
            let marks = UTF8Scan.lineMarks(u)
            guard marks.pipe || marks.spacePair else { return }
            var previous: UInt8 = 0
            for k in 0..<u.count {
                let b = u[k]
                if b == UInt8(ascii: "|") { pipes += 1 }
                if b == UInt8(ascii: "/") { hasSlash = true }
                if b == 0x20 && previous == 0x20 {
                    if firstGap < 0 { firstGap = k - 1 }
                    lastGap = k - 1
                }
                previous = b
            }
        }
        if pipes >= 2 { return true }
        if mayStartWithFurnitureToken(line) && firstTokenMayBeFurniture(line) && isFurnitureTokens(line) { return true }
        // A running head: the symbol set off by a layout gap at either end of the line.
        guard hasSlash, firstGap >= 0 else { return false }
        let utf8 = line.utf8
        if isRunningSymbol(line[..<utf8.index(utf8.startIndex, offsetBy: firstGap)]) { return true }
        return isRunningSymbol(line[utf8.index(utf8.startIndex, offsetBy: lastGap + 2)...])
    }

    /// A test on the bytes that settles most lines of text before ``isFurniture(_:mayHavePipeOrGap:)``:
    /// true when the line of bytes `u` (trimmed, with the ``UTF8Scan/LineMarks`` `marks`) cannot be furniture.
    ///
    /// That holds for a line that cannot be one of the ``webLines`` (longer than any,
    /// or opening with an ASCII letter none of them opens with), with no `|` and no
    /// layout gap (so no navigation line and no running head), whose first token
    /// cannot open the other kinds. By its first byte: a copyright line starts with
    /// "copyright" in any case; a furniture token starts with a digit (a job number,
    /// page number or date stamp, tested whole when it opens the line), `*`
    /// and a digit (a barcode), `(` and a capital (a language tag), `A/` (a running
    /// symbol), `Page`, `/...`, or a sign; any other printable ASCII byte opens none.
    /// Control and non-ASCII bytes are left to the full test.
    /// - Complexity: O(k) in the length of the first token.
    static func cannotBeFurniture(_ u: UnsafeBufferPointer<UInt8>, marks: UTF8Scan.LineMarks) -> Bool {
        guard !u.isEmpty, !marks.pipe, !marks.spacePair else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        // A short line may be one of the web lines, compared without case: in plain ASCII,
        // looked up on its bytes (a non-ASCII letter may fold to an ASCII one: the full test).
        if u.count <= 24 {
            if let isWebLine = isASCIIWebLine(u) {
                guard !isWebLine else { return false }
            } else if containsKelvinSign(u) {
                // The one scalar beyond ASCII that lowercases to ASCII ("k"): the full test.
                return false
            }
            // Otherwise a scalar beyond ASCII stays one when lowercased: no web line.
        }
        switch u[0] {
        case 0x30...0x39:
            var i = 0
            while i < u.count, u[i] != 0x20 {
                let b = u[i]
                if !(b >= 0x30 && b <= 0x39) && b != UInt8(ascii: "-") && b != UInt8(ascii: "/") && b != UInt8(ascii: "+") {
                    return true
                }
                i += 1
            }
            // Of the tokens a furniture line is made of, one opening with a digit is a date
            // stamp, a job number or a page number; any other first token ("3" of a date)
            // ends the token test at once.
            let token = Substring(String(decoding: UnsafeBufferPointer(rebasing: u[..<i]), as: UTF8.self))
            return !(isDateStamp(token) || isJobNumber(token) || isPageNumber(token))
        case UInt8(ascii: "A"):
            return u.count >= 2 && u[1] != UInt8(ascii: "/")
        case UInt8(ascii: "P"):
            return u.count >= 4 && !(u[1] == UInt8(ascii: "a") && u[2] == UInt8(ascii: "g") && u[3] == UInt8(ascii: "e"))
        case UInt8(ascii: "C"), UInt8(ascii: "c"):
            let word: StaticString = "copyright"
            guard u.count >= word.utf8CodeUnitCount else { return false }
            var differs = false
            for k in 0..<word.utf8CodeUnitCount {
                guard u[k] < 0x80 else { return false }
                if (isLetter(u[k]) ? u[k] | 0x20 : u[k]) != word.utf8Start[k] { differs = true }
            }
            return differs
        case UInt8(ascii: "("):
            return u.count >= 2 && u[1] >= 0x61 && u[1] <= 0x7A
        case UInt8(ascii: "*"):
            return u.count >= 2 && isLetter(u[1])
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return false
        case 0x21...0x7E:
            return true
        case 0xC2...0xF4:
            // Text of another language: a token opening with a scalar beyond ASCII is no
            // furniture token (they are ASCII, or a symbol after a space separator, which
            // trimming drops), and the line is none of the other kinds unless it opens
            // with "©", or with the Kelvin sign (which lowercases to "k").
            let first = UTF8Scan.scalar(u, at: 0).scalar
            return !(first == "©" || first == "\u{212A}" || ScalarClass.isSpaceSeparator(first))
        default:
            return false
        }
    }

    /// Whether `u` holds U+212A KELVIN SIGN (E2 84 AA).
    private static func containsKelvinSign(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k + 2 < u.count {
            if u[k] == 0xE2 && u[k + 1] == 0x84 && u[k + 2] == 0xAA { return true }
            k += 1
        }
        return false
    }

    /// The ``webLines`` as bytes.
    private static let webLineBytes: [[UInt8]] = webLines.map { Array($0.utf8) }

    /// Whether the line `u` is one of the ``webLines`` without case (as
    /// ``isFurniture(_:)`` compares them), or nil when it holds a non-ASCII byte.
    private static func isASCIIWebLine(_ u: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
        return webLineBytes.contains { web in
            web.count == u.count && web.indices.allSatisfy { k in
                let b = u[k]
                return (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == web[k]
            }
        }
    }

    /// True for `Page 2`, and for a line whose every token is furniture (at
    /// least one of them more than a language tag or a date stamp). Tokens
    /// are read one at a time, so an ordinary line costs its first word only.
    private static func isFurnitureTokens(_ line: String) -> Bool {
        if line.drop(while: { $0 == " " }).hasPrefix("Page") {
            let tokens = line.split(separator: " ")
            if tokens.count == 2, tokens[0] == "Page", tokens[1].allSatisfy(\.isNumber) { return true }
        }
        // A first token that starts with a digit can only be a job number, page
        // number or date stamp: digits, `-`, `/` and a sign. Anything else in it
        // (the `.` of `1.`) settles the line without reading it by characters.
        let bytes = line.utf8.drop(while: { $0 == 0x20 })
        if let f = bytes.first, f >= 0x30, f <= 0x39,
           bytes.prefix(while: { $0 != 0x20 }).contains(where: { b in
               !(b >= 0x30 && b <= 0x39) && b != UInt8(ascii: "-") && b != UInt8(ascii: "/") && b != UInt8(ascii: "+")
           }) {
            return false
        }
        var rest = line[...]
        var strong = false
        while true {
            rest = rest.drop(while: { $0 == " " })
            guard !rest.isEmpty else { break }
            let t = rest.prefix(while: { $0 != " " })
            rest = rest[t.endIndex...]
            if isJobNumber(t) || isBarcode(t) || isPageNumber(t) || isRunningSymbol(t) || t == "/..." {
                strong = true
            } else if !(isLanguageTag(t) || isDateStamp(t)) {
                return false
            }
        }
        return strong
    }

    /// A cheap test on the first byte of `line`: false when its first token
    /// can be none of the furniture tokens (nor `Page`), so that splitting
    /// the line into tokens is skipped for ordinary text. A job number,
    /// date stamp or page number starts with a digit (or a sign, as `Int`
    /// parses one), a barcode with `*`, a language tag with `(`, a symbol with
    /// `A`, the continuation mark with `/`; other white space and non-ASCII
    /// bytes are let through.
    private static func mayStartWithFurnitureToken(_ line: String) -> Bool {
        let first: UInt8? = UTF8Scan.withBytes(line) { u in
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            return i < u.count ? u[i] : nil
        }
        guard let b = first else { return true }
        switch b {
        case 0x30...0x39, UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "A"),
             UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: "P"):
            return true
        default:
            return b < 0x20 || b >= 0x80
        }
    }

    /// A second cheap test, on the bytes of the first token: false when it is
    /// plain ASCII starting with a letter and is neither `Page` nor the start
    /// of a running symbol (`A/RES/`), the only furniture tokens that start
    /// with a letter. Lines opening with *Affirming* or *Pursuant* end here.
    private static func firstTokenMayBeFurniture(_ line: String) -> Bool {
        UTF8Scan.withBytes(line) { u in
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            let start = i
            while i < u.count, u[i] != 0x20 {
                if u[i] >= 0x80 { return true }  // the character tests decide
                i += 1
            }
            guard i > start else { return true }
            let token = UnsafeBufferPointer(rebasing: u[start..<i])
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            func hasPrefix(_ p: StaticString) -> Bool {
                token.count >= p.utf8CodeUnitCount && (0..<p.utf8CodeUnitCount).allSatisfy { token[$0] == p.utf8Start[$0] }
            }
            switch token[0] {
            case UInt8(ascii: "A"):
                return hasPrefix("A/RES/")
            case UInt8(ascii: "P"):
                return token.count == 4 && hasPrefix("Page")
            case UInt8(ascii: "("):  // a language tag: "(E)"
                return token.count == 3 && token[2] == UInt8(ascii: ")") && token[1] >= 0x41 && token[1] <= 0x5A
            case UInt8(ascii: "*"):  // a barcode: "*2016379*"
                return token.count >= 7 && token[token.count - 1] == UInt8(ascii: "*")
                    && token[1..<(token.count - 1)].allSatisfy(isDigit)
            case UInt8(ascii: "/"):
                return token.count == 4 && hasPrefix("/...")
            case 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "-"):
                // Job numbers, page numbers and date stamps: digits, "-", "/" and a sign.
                return token.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "+") }
            default:
                // A letter opens no furniture token; anything else is left to the character tests.
                return !((token[0] | 0x20) >= 0x61 && (token[0] | 0x20) <= 0x7A)
            }
        }
    }

    /// True for a rule of five or more underscores (or hyphens): the separator above footnotes.
    static func isRule(_ line: String) -> Bool {
        UTF8Scan.withBytes(line, isRule)
    }

    /// ``isRule(_:)`` on the bytes of a line.
    ///
    /// - Complexity: O(n) in the length of the line.
    static func isRule(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // All underscores or all hyphens: all the same as the first, which is one of them.
        guard u.count >= 5, let f = u.first, f == UInt8(ascii: "_") || f == UInt8(ascii: "-") else { return false }
        return u.allSatisfy { $0 == f }
    }

    /// A cheap test on the bytes before the copyright test: false when the
    /// line's first nine bytes are ASCII and are not "copyright" in any case
    /// (or there are fewer), so that its first characters, lower-cased,
    /// cannot spell "copyright ". A non-ASCII byte among them leaves the
    /// answer to the character test.
    private static func mayStartWithCopyright(_ line: String) -> Bool {
        UTF8Scan.withBytes(line) { u in
            let word: StaticString = "copyright"
            for k in 0..<word.utf8CodeUnitCount {
                guard k < u.count else { return false }
                let b = u[k]
                if b >= 0x80 { return true }
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if lower != word.utf8Start[k] { return false }
            }
            return true
        }
    }

    /// `20-16379`: two digits, a hyphen, four to six digits.
    static func isJobNumber(_ t: Substring) -> Bool {
        let u = Array(t.utf8)
        guard u.count >= 7, u.count <= 9, u[2] == UInt8(ascii: "-") else { return false }
        return u.enumerated().allSatisfy { $0.offset == 2 || isDigit($0.element) }
    }

    /// `*2016379*`: five or more digits between asterisks.
    static func isBarcode(_ t: Substring) -> Bool {
        let u = Array(t.utf8)
        guard u.count >= 7, u.first == UInt8(ascii: "*"), u.last == UInt8(ascii: "*") else { return false }
        return u[1..<(u.count - 1)].allSatisfy(isDigit)
    }

    /// `2/3`: a page number out of a page count.
    static func isPageNumber(_ t: Substring) -> Bool {
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]),
              parts[0].count <= 3, parts[1].count <= 3, a >= 1, a <= b else { return false }
        return true
    }

    /// `A/RES/75/68` (optionally with a section letter or a revision suffix glued on).
    static func isRunningSymbol(_ t: Substring) -> Bool {
        let s = trimmingHorizontalWhitespace(t)
        guard s.hasPrefix("A/RES/") else { return false }
        let rest = s.dropFirst(6)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber),
              let first = parts[1].first, first.isNumber else { return false }
        return true
    }

    /// `t` without leading and trailing tabs and space separators (general
    /// category Zs): what Foundation's `trimmingCharacters(in: .whitespaces)`
    /// removes, without importing Foundation into the library.
    static func trimmingHorizontalWhitespace(_ t: Substring) -> Substring {
        func isBlank(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || ScalarClass.isSpaceSeparator(s)
        }
        let scalars = t.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return t[t.endIndex...] }
        // `lastIndex(where:)` finds at least the scalar at `first`.
        let last = scalars.lastIndex(where: { !isBlank($0) }) ?? first
        return Substring(scalars[first...last])
    }

    /// `(E)`, `(F)`, …: the language tag after a job number.
    static func isLanguageTag(_ t: Substring) -> Bool {
        let u = Array(t.utf8)
        return u.count == 3 && u[0] == UInt8(ascii: "(") && u[2] == UInt8(ascii: ")") && u[1] >= 0x41 && u[1] <= 0x5A
    }

    /// `141220`: the six-digit date stamp next to a job number.
    static func isDateStamp(_ t: Substring) -> Bool {
        t.utf8.count == 6 && t.utf8.allSatisfy(isDigit)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
