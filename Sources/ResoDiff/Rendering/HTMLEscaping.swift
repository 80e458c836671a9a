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
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
