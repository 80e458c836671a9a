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
        // On the UTF-8 bytes: every byte changed is ASCII, or starts U+FFFE or
        // U+FFFF (EF BF BE, EF BF BF).
        RunEscaper.escape(text, asking: asked) { u, i in
            switch u[i] {
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "'"): ("&#39;", 1)
            case 0x09, 0x0A, 0x0D: nil
            case 0x00...0x1F: ("\u{FFFD}", 1)
            case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                ("\u{FFFD}", 3)
            default: nil
            }
        }
    }

    /// The bytes a replacement can start at: the five characters, the C0 controls, and EF.
    private static let asked = RunEscaper.table(Array(0x00...0x1F) + [0xEF] + Array("&<>\"'".utf8))
}
