/// The report as GitHub-flavoured Markdown, for pull-request and issue
/// comments: a heading, the documents, a summary table, header changes, then
/// one section per change with its label and kind and the word diff inline,
/// deletions as `~~struck~~` and insertions as `**bold**` (`<del>` and
/// `<ins>` where punctuation next to a word would stop the markers working).
///
/// Document text is made inert: Markdown metacharacters are backslash-escaped
/// and `&`, `<`, `>` written as entities, so no text from a resolution can
/// become a link, an HTML tag, a heading, a list or a table cell boundary
/// (see ``escape(_:)``). Unchanged paragraphs are elided to a count, except
/// `context` of them around each change, or all of them with `full`.
public struct MarkdownRenderer: ComparisonRenderer {
    /// What to show.
    public struct Options: Hashable, Sendable {
        /// The heading; nil for "old → new" from the names.
        public var title: String?
        /// How many unchanged paragraphs to show before and after each change.
        public var context: Int
        /// Show every paragraph, unchanged ones included.
        public var full: Bool

        /// Creates options: heading from the names, no context, changes only.
        public init(title: String? = nil, context: Int = 0, full: Bool = false) {
            self.title = title
            self.context = context
            self.full = full
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a renderer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The report.
    ///
    /// - Complexity: O(t) in the total text of the comparison.
    public func render(_ comparison: Comparison) -> String {
        let summary = Summary(comparison)
        let title = options.title ?? "\(comparison.oldName) → \(comparison.newName)"
        var out = "## " + Self.escape(title) + "\n\n"
        out += "**Old:** " + Self.escape(ReportVocabulary.describe(comparison.oldName, comparison.old.header)) + "<br/>\n"
        out += "**New:** " + Self.escape(ReportVocabulary.describe(comparison.newName, comparison.new.header)) + "\n\n"
        out += Self.escape(summary.line) + "\n\n"
        out += summaryTable(summary) + "\n"

        if !comparison.headerChanges.isEmpty {
            out += "### Header\n\n"
            for change in comparison.headerChanges {
                out += "- " + Self.escape(ReportVocabulary.fieldName(change.field)) + ": "
                    + marked(change.old, "~~") + " → " + marked(change.new, "**") + "\n"
            }
            out += "\n"
        }

        let changes = comparison.changes
        guard !changes.isEmpty else { return out }
        out += "### Paragraphs\n\n"
        var shown = [Bool](repeating: options.full, count: changes.count)
        for (index, change) in changes.enumerated() where change.isDifference {
            let lo = max(0, index - options.context), hi = min(changes.count - 1, index + options.context)
            for k in lo...hi { shown[k] = true }
        }
        var elided = 0
        func flushElided() {
            guard elided > 0 else { return }
            out += "*… \(elided) unchanged paragraph\(elided == 1 ? "" : "s")*\n\n"
            elided = 0
        }
        for (index, change) in changes.enumerated() {
            guard shown[index] else { elided += 1; continue }
            flushElided()
            out += section(for: change)
        }
        flushElided()
        return out
    }

    /// The counts per kind (renumbered under unchanged, categories under
    /// reworded) and header fields changed.
    func summaryTable(_ summary: Summary) -> String {
        var out = "| Change | Count |\n|:--|--:|\n"
        for kind in Change.Kind.allCases {
            out += "| \(kind.rawValue) | \(summary[kind]) |\n"
            if kind == .unchanged { out += "| ↳ renumbered | \(summary.renumbered) |\n" }
            if kind == .reworded {
                for category in Rewording.Category.allCases {
                    out += "| ↳ \(category.rawValue) | \(summary[category]) |\n"
                }
            }
        }
        out += "| header fields | \(summary.headerChanges) |\n"
        return out
    }

    /// A heading with place and kind, a note line for rewordings, the text.
    func section(for change: Change) -> String {
        var out = "#### " + Self.escape(ReportVocabulary.place(of: change)) + " — " + change.kind.rawValue
        if change.isRenumbered { out += " (renumbered)" }
        out += "\n\n"
        if let rewording = change.rewording {
            out += "*" + Self.escape(ReportVocabulary.categoryNote(rewording)) + " · similarity "
                + ReportVocabulary.similarityText(rewording.similarity) + "*\n\n"
            out += Self.guardingLineStart(wordDiff(rewording.words)) + "\n\n"
            return out
        }
        let paragraphs = change.kind == .removed ? change.old : change.new
        let marker = switch change.kind {
        case .added: "**"
        case .removed: "~~"
        default: ""
        }
        for paragraph in paragraphs {
            out += Self.guardingLineStart(wrap(paragraph.text, marker)) + "\n\n"
        }
        return out
    }

    /// Word runs: deletions `~~…~~`, insertions `**…**`, spaces kept outside
    /// the markers (GitHub does not open a strikethrough before a space).
    func wordDiff(_ edits: [WordEdit]) -> String {
        var out = ""
        for (index, edit) in edits.enumerated() {
            // What follows the closing marker: the next run's first character,
            // or a marker (punctuation) when the next run is an edit too.
            let next: Character? = index + 1 < edits.count
                ? (edits[index + 1].operation == .equal ? edits[index + 1].text.first : "~") : nil
            switch edit.operation {
            case .equal: out += Self.escape(edit.text)
            case .delete: out += wrap(edit.text, "~~", after: out.last, before: next)
            case .insert: out += wrap(edit.text, "**", after: out.last, before: next)
            }
        }
        return out
    }

    /// `text` escaped and wrapped in `marker` (`~~` or `**`), white space at
    /// either end left outside; just the white space when nothing else is left.
    ///
    /// CommonMark opens and closes a delimiter run only when it is
    /// left- or right-flanking: `Treaty~~;~~` would print its tildes. When the
    /// neighbours `after` (the character before the run) and `before` (the one
    /// after it) would stop the markers from working, the run is wrapped in
    /// `<del>` or `<ins>` instead, which GitHub renders alike.
    func wrap(_ text: String, _ marker: String, after previous: Character? = nil,
              before next: Character? = nil) -> String {
        let leading = text.prefix { $0.isWhitespace }
        let rest = text.dropFirst(leading.count)
        let trailing = String(rest.reversed().prefix { $0.isWhitespace })
        let core = rest.dropLast(trailing.count)
        guard let first = core.first, let last = core.last else { return String(leading) + trailing }
        let previous = leading.isEmpty ? previous : " "
        let next = trailing.isEmpty ? next : " "
        func isPunctuation(_ c: Character) -> Bool { !c.isLetter && !c.isNumber && !c.isWhitespace }
        func isSpaceOrPunctuation(_ c: Character?) -> Bool { c.map { $0.isWhitespace || isPunctuation($0) } ?? true }
        let opens = !isPunctuation(first) || isSpaceOrPunctuation(previous)
        let closes = !isPunctuation(last) || isSpaceOrPunctuation(next)
        let body = Self.escape(String(core))
        if opens && closes { return String(leading) + marker + body + marker + trailing }
        let tag = marker == "~~" ? "del" : "ins"
        return String(leading) + "<\(tag)>" + body + "</\(tag)>" + trailing
    }

    /// A header value struck through or emboldened; "*(none)*" when absent.
    func marked(_ value: String?, _ marker: String) -> String {
        guard let value else { return "*(none)*" }
        return wrap(value, marker)
    }

    /// `text` as inert Markdown inline content: `\` `` ` `` `*` `_` `~` `[`
    /// `]` `#` `|` `$` backslash-escaped; `&`, `<`, `>` as `&amp;`, `&lt;`,
    /// `&gt;`, so neither Markdown nor HTML in the text comes alive (no tag,
    /// no link, no `javascript:` URL, no emphasis, no table cell break, no
    /// math); line breaks become spaces so a text cannot start a block.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func escape(_ text: String) -> String {
        // On the UTF-8 bytes: every byte changed is ASCII, or starts U+0085 (C2 85),
        // U+2028 or U+2029 (E2 80 A8, E2 80 A9).
        RunEscaper.escape(text, asking: escapeAsked) { u, i in
            switch u[i] {
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "`"): ("\\`", 1)
            case UInt8(ascii: "*"): ("\\*", 1)
            case UInt8(ascii: "_"): ("\\_", 1)
            case UInt8(ascii: "~"): ("\\~", 1)
            case UInt8(ascii: "["): ("\\[", 1)
            case UInt8(ascii: "]"): ("\\]", 1)
            case UInt8(ascii: "#"): ("\\#", 1)
            case UInt8(ascii: "|"): ("\\|", 1)
            case UInt8(ascii: "$"): ("\\$", 1)
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case 0x0A, 0x0B, 0x0C, 0x0D: (" ", 1)
            case 0x00...0x1F: ("\u{FFFD}", 1)
            case 0xC2 where i + 1 < u.count && u[i + 1] == 0x85: (" ", 2)
            case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9): (" ", 3)
            default: nil
            }
        }
    }

    /// The bytes a replacement in ``escape(_:)`` can start at.
    private static let escapeAsked = RunEscaper.table(Array(0x00...0x1F) + [0xC2, 0xE2] + Array("\\`*_~[]#|$&<>".utf8))

    /// `line` with a backslash before what would otherwise open a block at
    /// the start of a line: a list marker (`-`, `+`, `1.`, `1)`) or a setext
    /// underline (`=`); leading spaces dropped (they would make code).
    static func guardingLineStart(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return "" }
        if first == "-" || first == "+" || first == "=" { return "\\" + trimmed }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = trimmed.dropFirst(digits.count).first,
           next == "." || next == ")" {
            return digits + "\\" + trimmed.dropFirst(digits.count)
        }
        return String(trimmed)
    }
}
