/// Reads resolution text into a ``Resolution``.
///
/// First cut (issue 2): paragraphs split at blank lines, white space
/// collapsed, every paragraph generic. Replaced by the structural parser.
struct ResolutionParser {
    func parse(_ text: String) -> Resolution {
        var paragraphs: [Paragraph] = []
        var current: [Substring] = []
        func flush() {
            let joined = TextNormalizer.collapsingWhitespace(current.joined(separator: " "))
            current.removeAll()
            guard !joined.isEmpty else { return }
            paragraphs.append(Paragraph(kind: .generic, label: "P\(paragraphs.count + 1)", text: joined))
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            if line.allSatisfy({ $0.isWhitespace }) { flush() } else { current.append(line) }
        }
        flush()
        return Resolution(paragraphs: paragraphs)
    }
}
