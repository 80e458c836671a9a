/// Normalization of paragraph text into comparison keys.
///
/// Display text keeps the source's characters; keys fold the differences a
/// drafter does not count as changes: quote style, dash style, emphasis
/// markup, runs of white space (non-breaking spaces and tabs included), and
/// the terminal punctuation that moves when a paragraph stops or starts
/// being the last of its part (`;` ↔ `.`, a trailing "and").
enum TextNormalizer {
    /// The comparison key of a paragraph's display text.
    ///
    /// Works on the UTF-8 bytes: ASCII bytes are mapped by comparison, and
    /// only non-ASCII scalars are decoded (quotes, dashes and white space
    /// beyond ASCII are all non-ASCII); other scalars are copied byte for byte.
    /// - Complexity: O(n) in the length of `text`.
    static func comparisonKey(_ text: String) -> String {
        comparisonKeyForm(text).string(of: text)
    }

    /// ``comparisonKey(_:)`` as a paragraph holds it: for display text in
    /// plain ASCII, which folds to itself, the length of the prefix the key is.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func comparisonKeyForm(_ text: String) -> ComparisonKey {
        comparisonKeyForm(text, isDisplayText: false)
    }

    /// ``comparisonKeyForm(_:)`` of display text (``TextScan/display(_:)-(String)``
    /// leaves it as it is), as the parser makes it: whether it is so is not
    /// checked again.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func comparisonKeyForm(ofDisplayText text: String) -> ComparisonKey {
        comparisonKeyForm(text, isDisplayText: true)
    }

    private static func comparisonKeyForm(_ text: String, isDisplayText: Bool) -> ComparisonKey {
        var isASCII = true
        var isStable = true  // every scalar copied is NFC-stable
        var stablePrefix: ComparisonKey?
        let folded = UTF8Scan.withBytes(text) { u -> String? in
            assert(!isDisplayText || UTF8Scan.isCollapsedDisplay(u), "display text, as the parser makes it")
            // Display text in plain ASCII (most paragraphs) folds to itself.
            if UTF8Scan.isCollapsedASCII(u, allowingUnderscore: false) { return nil }
            // So does NFC-stable display text beyond ASCII without the scalars a key maps.
            if (isDisplayText || UTF8Scan.isCollapsedDisplay(u)) && isStableKeyBody(u) {
                let end = positionalEndASCII(u)
                stablePrefix = .stablePrefix(end, hash: StringInterner.byteHash(UnsafeBufferPointer(rebasing: u[..<end])))
                return nil
            }
            // Never longer than the input (a mapped scalar becomes one byte): written in place.
            return String(unsafeUninitializedCapacity: u.count) { out in
                var count = 0
                var pendingSpace = false
                var i = 0
                while i < u.count {
                    let b = u[i]
                    if b < 0x80 {
                        i += 1
                        if b == 0x2A || b == 0x5F { continue }  // * _ emphasis markup
                        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = true; continue }
                        if pendingSpace && count > 0 { out[count] = 0x20; count += 1 }
                        pendingSpace = false
                        out[count] = b
                        count += 1
                        continue
                    }
                    let (scalar, n) = UTF8Scan.scalar(u, at: i)
                    let mapped = asciiReplacement(of: scalar)  // nil: the scalar is copied
                    if mapped == nil && ScalarClass.isWhitespace(scalar) {
                        pendingSpace = true
                        i += n
                        continue
                    }
                    if pendingSpace && count > 0 { out[count] = 0x20; count += 1 }
                    pendingSpace = false
                    if let m = mapped {
                        out[count] = m
                        count += 1
                    } else {
                        isASCII = false
                        if isStable && !ScalarClass.isNFCStable(scalar) { isStable = false }
                        for k in i..<(i + n) { out[count] = u[k]; count += 1 }
                    }
                    i += n
                }
                return count
            }
        }
        // Terminal punctuation and a trailing conjunction follow position, not content.
        if let stablePrefix { return stablePrefix }
        guard let folded else { return comparisonKeyForm(ofCollapsedASCII: text) }
        let key = isASCII ? trimmingPositionalEndASCII(folded) : trimmingPositionalEnd(folded)
        return .folded(key, stableHash: isStable ? UTF8Scan.withBytes(key, StringInterner.byteHash) : nil)
    }

    /// The ASCII character a key writes for `scalar` (a quote or a dash
    /// beyond ASCII), or nil when the scalar stands for itself.
    @inline(__always)
    private static func asciiReplacement(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: UInt8(ascii: "'")
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: UInt8(ascii: "\"")
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: UInt8(ascii: "-")
        default: nil
        }
    }

    /// True when display text `u` (``UTF8Scan/isCollapsedDisplay(_:)``) is its
    /// own key up to its positional end, beyond ASCII: without `_`, without
    /// the quotes and dashes a key maps, every scalar NFC-stable. Such a key's
    /// end is trimmed as bytes (``positionalEndASCII(_:)``): no NFC-stable
    /// scalar joins the punctuation after it into one character.
    ///
    /// ASCII is passed eight bytes at a time, up to a byte beyond it or a `_`;
    /// a scalar is decoded only where its lead byte leaves its answer open
    /// (C3–CB: U+00C0–U+02FF, D0, D1, D3: Cyrillic, E5–E9: CJK ideographs,
    /// are all stable and never mapped; `KeyIDsTests` holds the scan to
    /// ``ScalarClass/isNFCStable(_:)`` for every scalar of the plane).
    /// - Complexity: O(n).
    private static func isStableKeyBody(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // Lead bytes whose scalars are all stable and never mapped, by the length
        // of their sequences: bit b - 0xC0 of each mask.
        let twoByteLeads: UInt64 = 0x0B << 16 | 0x1FF << 3  // C3–CB, D0, D1, D3
        let threeByteLeads: UInt64 = 0x1F << 37  // E5–E9
        let n = u.count
        var i = 0
        while i < n {
            let b = u[i]
            if b < 0x80 {
                if b == 0x5F { return false }
                i += 1
                // A run of ASCII, eight bytes at a time up to a byte beyond it or a `_`
                // (both flagged exactly); a single byte (a space between words of
                // another script) costs no word.
                while i + 8 <= n && u[i] < 0x80 {
                    let x = UTF8Scan.word(u, at: i)
                    let flags = (x & UTF8Scan.highs) | UTF8Scan.zeroBytes(x ^ (UTF8Scan.ones &* 0x5F))
                    if flags != 0 { i += flags.trailingZeroBitCount / 8; break }
                    i += 8
                }
                continue
            }
            if b >= 0xC0 {
                let bit: UInt64 = 1 << UInt64(b - 0xC0)
                if twoByteLeads & bit != 0 { i += 2; continue }
                if threeByteLeads & bit != 0 { i += 3; continue }
            }
            let (scalar, length) = UTF8Scan.scalar(u, at: i)
            if asciiReplacement(of: scalar) != nil || !ScalarClass.isNFCStable(scalar) { return false }
            i += length
        }
        return true
    }

    /// The ``ComparisonKey`` of `text` when it is known to be collapsed ASCII
    /// without `_` (``UTF8Scan/isCollapsedASCII(_:allowingUnderscore:)``): a
    /// prefix, as ``comparisonKeyForm(_:)`` finds it, without the pass that checks.
    ///
    /// - Complexity: O(k) in the length of what is trimmed.
    static func comparisonKeyForm(ofCollapsedASCII text: String) -> ComparisonKey {
        UTF8Scan.withBytes(text) { .prefix(positionalEndASCII($0), of: $0) }
    }

    /// ``trimmingPositionalEnd(_:)`` for a key of ASCII only (no CR either, as
    /// white space is folded), where every byte is a character: the same
    /// steps on the bytes.
    ///
    /// - Complexity: O(k) in the length of what is trimmed.
    private static func trimmingPositionalEndASCII(_ key: String) -> String {
        UTF8Scan.withBytes(key) { u -> String in
            let end = positionalEndASCII(u)
            // ASCII bytes: the prefix is whole characters, copied from the bytes.
            return end == u.count ? key : String(decoding: UnsafeBufferPointer(rebasing: u[..<end]), as: UTF8.self)
        }
    }

    /// Where ``trimmingPositionalEndASCII(_:)`` cuts the ASCII key `u`.
    ///
    /// - Complexity: O(k) in the length of what is trimmed.
    private static func positionalEndASCII(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var end = u.count
        func endsWith(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard end >= k else { return false }
            let p = suffix.utf8Start
            for j in 0..<k where u[end - k + j] != p[j] { return false }
            return true
        }
        while end > 0 {
            let b = u[end - 1]
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") {
                end -= 1
                while end > 0, u[end - 1] == 0x20 { end -= 1 }
                continue
            }
            if endsWith(" and") { end -= 4; continue }
            if endsWith(" or") { end -= 3; continue }
            break
        }
        return end
    }

    /// Drops terminal punctuation (`; , . :`) and a trailing " and" or " or",
    /// repeatedly, with the spaces before them.
    ///
    /// - Complexity: O(k) in the length of what is trimmed.
    private static func trimmingPositionalEnd(_ key: String) -> String {
        var key = key
        while true {
            if let last = key.last, ";,.:".contains(last) {
                key.removeLast()
                while key.last == " " { key.removeLast() }
                continue
            }
            if key.hasSuffix(" and") { key.removeLast(4); continue }
            if key.hasSuffix(" or") { key.removeLast(3); continue }
            break
        }
        return key
    }

    /// Collapses every run of white space (tabs, line ends, non-breaking
    /// spaces included) to one space and trims both ends.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if ScalarClass.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }
}
