/// How a text was understood: the report behind `resodiff parse FILE`.
///
/// Both forms are deterministic: fields in a fixed order, LF line ends, a
/// trailing newline, nothing that depends on the machine or the clock.
public struct ParseReport: Sendable {
    /// How many words of each paragraph's text the text report shows.
    static let previewWords = 8

    /// The plain-text report: one line per paragraph (label, kind, opening
    /// phrase in quotes or `-`, the first words of the text), then the header
    /// fields, the footnotes and the notices.
    ///
    /// - Parameter r: the parsed resolution.
    /// - Returns: the report, ending in a newline.
    /// - Complexity: O(p + f) in the number of paragraphs and footnotes (each preview is bounded).
    public static func text(_ r: Resolution) -> String {
        let labelWidth = max(7, r.paragraphs.map(\.label.count).max() ?? 0)
        let kindWidth = Paragraph.Kind.allCases.map(\.rawValue.count).max() ?? 12
        let openingWidth = max(1, r.paragraphs.map { ($0.opening?.count ?? -1) + 2 }.max() ?? 1)
        var out = "Paragraphs (\(r.paragraphs.count))\n"
        for p in r.paragraphs {
            let opening = p.opening.map { "\"\($0)\"" } ?? "-"
            out.append("  ")
            out.append(pad(p.label, labelWidth))
            out.append("  ")
            out.append(pad(p.kind.rawValue, kindWidth))
            out.append("  ")
            out.append(pad(opening, openingWidth))
            out.append("  ")
            out.append(preview(p.text))
            out.append("\n")
        }
        out += "Header\n"
        for field in Header.Field.allCases {
            out += "  " + pad(field.rawValue, 15) + "  " + (r.header[field] ?? "-") + "\n"
        }
        out += "  " + pad("agendaItemTitle", 15) + "  " + (r.header.agendaItemTitle ?? "-") + "\n"
        out += "Footnotes (\(r.footnotes.count))\n"
        for f in r.footnotes { out += "  [\(f.marker)] \(f.text)\n" }
        out += "Notices (\(r.notices.count))\n"
        for n in r.notices { out += "  \(n)\n" }
        return out
    }

    /// The first ``previewWords`` words of `text`, joined by single spaces, and
    /// " …" when more follow; words are cut at spaces.
    ///
    /// - Complexity: O(k) in the length of the preview, for text in plain ASCII
    ///   with single spaces (display text); O(n) otherwise.
    static func preview(_ text: String) -> String {
        // Display text in plain ASCII: the preview is a prefix of the text, found on the bytes.
        let prefix: (end: Int, more: Bool)? = UTF8Scan.withBytes(text) { u in
            guard let first = u.first, let last = u.last, first != 0x20, last != 0x20 else { return nil }
            var spaces = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                if b >= 0x80 { return nil }
                if b == 0x20 {
                    // A space is a word break only as a character of its own: the next byte is ASCII.
                    if u[i + 1] == 0x20 || u[i + 1] >= 0x80 { return nil }
                    spaces += 1
                    if spaces == previewWords { return (i, true) }
                }
                i += 1
            }
            return (u.count, false)
        }
        guard let (end, more) = prefix else {
            let words = text.split(separator: " ", maxSplits: previewWords, omittingEmptySubsequences: true)
            var preview = words.prefix(previewWords).joined(separator: " ")
            if words.count > previewWords { preview += " …" }
            return preview
        }
        let u = text.utf8
        var preview = String(text[..<u.index(u.startIndex, offsetBy: end)])
        if more { preview += " …" }
        return preview
    }

    /// The JSON report: an object with `header`, `paragraphs`, `footnotes` and
    /// `notices`, keys in that fixed order (and fixed within each object),
    /// absent values as `null`, two-space indentation.
    ///
    /// - Parameter r: the parsed resolution.
    /// - Returns: the JSON text, ending in a newline.
    /// - Complexity: O(n) in the total length of the resolution's text.
    public static func json(_ r: Resolution) -> String {
        var out = "{\n  \"header\": {\n"
        var fields: [(String, String?)] = Header.Field.allCases.map { ($0.rawValue, r.header[$0]) }
        fields.append(("agendaItemTitle", r.header.agendaItemTitle))
        out += fields.map { "    \(quoted($0.0)): \(value($0.1))" }.joined(separator: ",\n")
        out += "\n  },\n  \"paragraphs\": ["
        out += r.paragraphs.map { p in
            "\n    {\"label\": \(quoted(p.label)), \"kind\": \(quoted(p.kind.rawValue)), "
                + "\"number\": \(value(p.number)), \"opening\": \(value(p.opening)), "
                + "\"section\": \(value(p.section)), \"text\": \(quoted(p.text))}"
        }.joined(separator: ",")
        out += r.paragraphs.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"footnotes\": ["
        out += r.footnotes.map { "\n    {\"marker\": \(quoted($0.marker)), \"text\": \(quoted($0.text))}" }
            .joined(separator: ",")
        out += r.footnotes.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"notices\": ["
        out += r.notices.map { "\n    \(quoted($0))" }.joined(separator: ",")
        out += r.notices.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }

    /// A JSON string literal for `s`, written by the renderers' JSON writer.
    ///
    /// - Complexity: O(n) in the length of `s`.
    static func quoted(_ s: String) -> String { JSONValue.quoted(s) }

    private static func value(_ s: String?) -> String { s.map(quoted) ?? "null" }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
