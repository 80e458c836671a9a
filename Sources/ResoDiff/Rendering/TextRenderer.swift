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
        // The summary reads every change's paragraphs (their labels); what is shown
        // reads only the kinds: on two threads when there are many changes.
        let changes = comparison.changes
        let parts = ThreadSlots<(summary: Summary?, items: [Item])>(count: 2, initial: (nil, []))
        let statOnly = options.statOnly
        let showing = { () -> [Item] in statOnly ? [] : self.items(changes) }
        if changes.count >= Self.parallelMinimum {
            Parallel.perform(iterations: 2) { k in
                if k == 0 { parts[0].summary = Summary(comparison) } else { parts[1].items = showing() }
            }
        } else {
            parts[0].summary = Summary(comparison)
            parts[1].items = showing()
        }
        var out = ""
        out += style("--- ", .bold) + style(ReportVocabulary.describe(comparison.oldName, comparison.old.header), .bold) + "\n"
        out += style("+++ ", .bold) + style(ReportVocabulary.describe(comparison.newName, comparison.new.header), .bold) + "\n"
        out += parts[0].summary!.line + "\n"
        if options.statOnly { return out }

        if !comparison.headerChanges.isEmpty { out += "\n" }
        for change in comparison.headerChanges {
            out += style("~ header \(ReportVocabulary.fieldName(change.field)):", .bold) + " " + wordDiff(change.words) + "\n"
        }
        let items = parts[1].items
        // Each item's text depends on it alone: many are written on two threads.
        let renderer = self
        return ChunkedText.buildUTF8(after: out, count: items.count) { [items] k, text in
            switch items[k] {
            case .elided(let count):
                text.append(0x0A)
                renderer.append(styled: "  ... \(count) unchanged paragraph\(count == 1 ? "" : "s")", .dim, to: &text)
                text.append(0x0A)
            case .change(let index):
                let change = changes[index]
                text.append(0x0A)
                renderer.appendLine(for: change, to: &text)
                text.append(contentsOf: [0x0A, 0x20, 0x20, 0x20, 0x20])
                renderer.appendBody(of: change, to: &text)
                text.append(0x0A)
            }
        }
    }

    /// Changes fewer than this are summarized and sorted on one thread.
    static let parallelMinimum = 4096

    /// What is shown, in order: a change, or a count of unchanged paragraphs left out.
    private func items(_ changes: [Change]) -> [Item] {
        var shown = [Bool](repeating: options.full, count: changes.count)
        // By index: a loop over the elements copied each change.
        for index in changes.indices where changes[index].isDifference {
            let lo = max(0, index - options.context), hi = min(changes.count - 1, index + options.context)
            for k in lo...hi { shown[k] = true }
        }
        var items: [Item] = []
        var elided = 0
        for index in changes.indices {
            guard shown[index] else { elided += 1; continue }
            if elided > 0 { items.append(.elided(elided)) }
            elided = 0
            items.append(.change(index))
        }
        if elided > 0 { items.append(.elided(elided)) }
        return items
    }

    /// A line of the report below the header: one change, or unchanged paragraphs left out.
    private enum Item {
        case change(Int)
        case elided(Int)
    }

    /// The heading line of a change: sign, labels, kind, category.
    func line(for change: Change) -> String {
        var bytes: [UInt8] = []
        appendLine(for: change, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``line(for:)`` to `out`.
    private func appendLine(for change: Change, to out: inout [UInt8]) {
        let sign: UInt8 = switch change.kind {
        case .unchanged: 0x20  // " "
        case .added: 0x2B  // "+"
        case .removed: 0x2D  // "-"
        case .reworded: 0x7E  // "~"
        case .moved, .merged: 0x3E  // ">"
        case .split: 0x3C  // "<"
        }
        let style: Style = change.kind == .unchanged ? .dim : .bold
        appendOpening(style, to: &out)
        out.append(sign)
        out.append(0x20)
        out += ReportVocabulary.headline(of: change).utf8
        if let rewording = change.rewording {
            out += " [".utf8
            out += ReportVocabulary.categoryNote(rewording).utf8
            out.append(0x5D)  // "]"
        }
        appendClosing(style, to: &out)
    }

    /// The paragraph text, with the word diff inline where there is one.
    func body(of change: Change) -> String {
        var bytes: [UInt8] = []
        appendBody(of: change, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``body(of:)`` to `out`.
    private func appendBody(of change: Change, to out: inout [UInt8]) {
        if let rewording = change.rewording { return appendWordDiff(rewording.words, to: &out) }
        let paragraphs = change.kind == .removed ? change.old : change.new
        let style: Style? = change.kind == .added ? .inserted : change.kind == .removed ? .deleted : nil
        // An empty text is never styled (the texts are joined with spaces: two make a space).
        let styled = style != nil && (paragraphs.count > 1 || paragraphs.first.map { !$0.text.isEmpty } == true)
        if styled, let style { appendOpening(style, to: &out) }
        for (k, paragraph) in paragraphs.enumerated() {
            if k > 0 { out.append(0x20) }
            out += paragraph.text.utf8
        }
        if styled, let style { appendClosing(style, to: &out) }
    }

    /// Renders word edits, keeping the space before an edit outside its markers.
    func wordDiff(_ edits: [WordEdit]) -> String {
        var bytes: [UInt8] = []
        appendWordDiff(edits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``wordDiff(_:)`` to `out`.
    private func appendWordDiff(_ edits: [WordEdit], to out: inout [UInt8]) {
        var previous: WordEdit.Operation?
        for edit in edits {
            // A space that begins the first character (not one a combining mark makes part of another).
            let leadingSpace = edit.operation != .equal && edit.text.first == " "
            UTF8Scan.withBytes(edit.text) { u in
                var text = u[...]
                if leadingSpace {
                    // A replacement reads "[-old-]{+new+}": one space before the pair, none inside it.
                    if !(edit.operation == .insert && previous == .delete) { out.append(0x20) }
                    text = text.dropFirst()
                }
                switch edit.operation {
                case .equal:
                    out += text
                case .delete, .insert:
                    let style: Style = edit.operation == .delete ? .deleted : .inserted
                    if options.color {
                        if !text.isEmpty { appendOpening(style, to: &out) }
                        out += text
                        if !text.isEmpty { appendClosing(style, to: &out) }
                    } else {
                        out += edit.operation == .delete ? "[-".utf8 : "{+".utf8
                        out += text
                        out += edit.operation == .delete ? "-]".utf8 : "+}".utf8
                    }
                }
            }
            previous = edit.operation
        }
    }

    /// Appends `text` in `style` to `out`.
    private func append(styled text: String, _ style: Style, to out: inout [UInt8]) {
        if !text.isEmpty { appendOpening(style, to: &out) }
        out += text.utf8
        if !text.isEmpty { appendClosing(style, to: &out) }
    }

    /// The escape sequence that opens `style`, with colour (nothing without).
    private func appendOpening(_ style: Style, to out: inout [UInt8]) {
        guard options.color else { return }
        out += "\u{1B}[".utf8
        out += Self.code(style).utf8
        out.append(0x6D)  // "m"
    }

    /// The escape sequence that closes a style, with colour.
    private func appendClosing(_ style: Style, to out: inout [UInt8]) {
        guard options.color else { return }
        out += "\u{1B}[0m".utf8
    }

    enum Style {
        case bold, dim, deleted, inserted
    }

    func style(_ text: String, _ style: Style) -> String {
        guard options.color, !text.isEmpty else { return text }
        return "\u{1B}[\(Self.code(style))m\(text)\u{1B}[0m"
    }

    /// The ANSI code of a style.
    private static func code(_ style: Style) -> String {
        switch style {
        case .bold: "1"
        case .dim: "2"
        case .deleted: "31;9"
        case .inserted: "32;4"
        }
    }
}
