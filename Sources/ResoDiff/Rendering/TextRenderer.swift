/// The terminal report: both documents named, a summary line, then each
/// change with its label, kind and inline word diff.
///
/// With colour, deletions are red and struck through, insertions green and
/// underlined; without, wdiff's markers `[-deleted-]` and `{+inserted+}`.
/// Unchanged paragraphs are elided to a count, except `context` of them
/// around each change, or all of them with `full`.
public struct TextRenderer: ComparisonRenderer {
    /// What to show and how.
    public struct Options: Hashable, Sendable {
        /// ANSI colour and emphasis instead of wdiff markers.
        public var color: Bool
        /// How many unchanged paragraphs to show before and after each change.
        public var context: Int
        /// Show every paragraph, unchanged ones included.
        public var full: Bool
        /// Show only the names and the summary line.
        public var statOnly: Bool

        /// Creates options: no colour, no context, changes only.
        public init(color: Bool = false, context: Int = 0, full: Bool = false, statOnly: Bool = false) {
            self.color = color
            self.context = context
            self.full = full
            self.statOnly = statOnly
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
        var out = ""
        out += style("--- ", .bold) + style(ReportVocabulary.describe(comparison.oldName, comparison.old.header), .bold) + "\n"
        out += style("+++ ", .bold) + style(ReportVocabulary.describe(comparison.newName, comparison.new.header), .bold) + "\n"
        out += Summary(comparison).line + "\n"
        if options.statOnly { return out }

        if !comparison.headerChanges.isEmpty { out += "\n" }
        for change in comparison.headerChanges {
            out += style("~ header \(ReportVocabulary.fieldName(change.field)):", .bold) + " " + wordDiff(change.words) + "\n"
        }

        let changes = comparison.changes
        var shown = [Bool](repeating: options.full, count: changes.count)
        for (index, change) in changes.enumerated() where change.isDifference {
            let lo = max(0, index - options.context), hi = min(changes.count - 1, index + options.context)
            for k in lo...hi { shown[k] = true }
        }
        // What is shown, in order: a change, or a count of unchanged paragraphs left out.
        var items: [Item] = []
        var elided = 0
        for index in changes.indices {
            guard shown[index] else { elided += 1; continue }
            if elided > 0 { items.append(.elided(elided)) }
            elided = 0
            items.append(.change(index))
        }
        if elided > 0 { items.append(.elided(elided)) }
        // Each item's text depends on it alone: many are written on two threads.
        let renderer = self
        out += ChunkedText.build(count: items.count) { [items] k, text in
            switch items[k] {
            case .elided(let count):
                text += "\n" + renderer.style("  ... \(count) unchanged paragraph\(count == 1 ? "" : "s")", .dim) + "\n"
            case .change(let index):
                let change = changes[index]
                text += "\n" + renderer.line(for: change) + "\n"
                text += "    " + renderer.body(of: change) + "\n"
            }
        }
        return out
    }

    /// A line of the report below the header: one change, or unchanged paragraphs left out.
    private enum Item {
        case change(Int)
        case elided(Int)
    }

    /// The heading line of a change: sign, labels, kind, category.
    func line(for change: Change) -> String {
        let sign = switch change.kind {
        case .unchanged: " "
        case .added: "+"
        case .removed: "-"
        case .reworded: "~"
        case .moved, .merged: ">"
        case .split: "<"
        }
        var text = sign + " " + ReportVocabulary.headline(of: change)
        if let rewording = change.rewording {
            text += " [" + ReportVocabulary.categoryNote(rewording) + "]"
        }
        return change.kind == .unchanged ? style(text, .dim) : style(text, .bold)
    }

    /// The paragraph text, with the word diff inline where there is one.
    func body(of change: Change) -> String {
        if let rewording = change.rewording { return wordDiff(rewording.words) }
        switch change.kind {
        case .added: return style(change.new.map(\.text).joined(separator: " "), .inserted)
        case .removed: return style(change.old.map(\.text).joined(separator: " "), .deleted)
        default: return change.new.map(\.text).joined(separator: " ")
        }
    }

    /// Renders word edits, keeping the space before an edit outside its markers.
    func wordDiff(_ edits: [WordEdit]) -> String {
        var out = ""
        var previous: WordEdit.Operation?
        for edit in edits {
            var text = Substring(edit.text)
            if edit.operation != .equal, text.first == " " {
                // A replacement reads "[-old-]{+new+}": one space before the pair, none inside it.
                if !(edit.operation == .insert && previous == .delete) { out += " " }
                text = text.dropFirst()
            }
            switch edit.operation {
            case .equal: out += text
            case .delete: out += options.color ? style(String(text), .deleted) : "[-\(text)-]"
            case .insert: out += options.color ? style(String(text), .inserted) : "{+\(text)+}"
            }
            previous = edit.operation
        }
        return out
    }

    enum Style {
        case bold, dim, deleted, inserted
    }

    func style(_ text: String, _ style: Style) -> String {
        guard options.color, !text.isEmpty else { return text }
        let code = switch style {
        case .bold: "1"
        case .dim: "2"
        case .deleted: "31;9"
        case .inserted: "32;4"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
