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
    /// - Complexity: O(n) in the length of `text`.
    static func comparisonKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let mapped: Unicode.Scalar?
            switch scalar.value {
            case 0x2A, 0x5F: mapped = nil                          // * _ emphasis markup
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: mapped = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: mapped = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: mapped = "-"
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                    mapped = nil
                } else {
                    mapped = scalar
                }
            }
            guard let m = mapped else { continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(m)
        }
        var key = String(out)
        // Terminal punctuation and a trailing conjunction follow position, not content.
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
            if scalar.properties.isWhitespace {
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
