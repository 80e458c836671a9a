/// Escaping for HTML text and attribute values: the one function every piece
/// of document text, file name and header value goes through on its way
/// into the HTML pages (``HTMLRenderer``, ``HistoryHTMLRenderer``, ``BatchHTMLRenderer``).
enum HTMLEscaping {
    /// `text` safe to place in HTML element content or a double- or
    /// single-quoted attribute value, and in XML.
    ///
    /// `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;`
    /// and `&#39;` (the only entity forms used, so the output is also XML).
    /// Characters XML 1.0 forbids (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE and U+FFFF) become U+FFFD, so a stray control
    /// character in an extracted text cannot make the page ill-formed.
    /// Everything else, non-Latin scripts included, is written as itself.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // On the UTF-8 bytes: runs that need no change are copied whole. Every byte
        // changed is ASCII, or starts U+FFFE or U+FFFF (EF BF BE, EF BF BF).
        UTF8Scan.withBytes(text) { u in
            let utf8 = text.utf8
            var start = 0
            func copy(upTo end: Int) {
                guard end > start else { return }
                out += text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            }
            var i = 0
            while i < u.count {
                let b = u[i]
                let replacement: String
                var length = 1
                switch b {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x09, 0x0A, 0x0D:
                    i += 1
                    continue
                case 0x00...0x1F: replacement = "\u{FFFD}"
                case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    replacement = "\u{FFFD}"
                    length = 3
                default:
                    i += 1
                    continue
                }
                copy(upTo: i)
                out += replacement
                i += length
                start = i
            }
            copy(upTo: u.count)
        }
        return out
    }
}
