/// The terminal report of a ``History``: the versions, one summary line per
/// step, then per paragraph its lineage in one line and the rewordings
/// along the way. Paragraphs that never changed are counted, not listed,
/// unless `full`.
public struct HistoryTextRenderer: Sendable {
    /// The options of the underlying text rendering (colour, full).
    public var options: TextRenderer.Options

    /// Creates a renderer.
    public init(options: TextRenderer.Options = .init()) {
        self.options = options
    }

    /// The report.
    ///
    /// - Complexity: O(t) in the total text of the history's changes.
    public func render(_ history: History) -> String {
        let text = TextRenderer(options: options)
        var out = ""
        for (k, version) in history.versions.enumerated() {
            out += text.style("v\(k + 1) ", .bold) + ReportVocabulary.describe(version.name, version.resolution.header) + "\n"
        }
        for (k, comparison) in history.comparisons.enumerated() {
            out += "v\(k + 1) → v\(k + 2): " + Summary(comparison).line + "\n"
        }
        if options.statOnly { return out }
        out += "\n"

        let latest = history.versions.count - 1
        var quiet = 0
        var printedRemovedHeading = false
        for lineage in history.lineages {
            let changed = lineage.steps.contains { step in step?.change.map { $0.isDifference } ?? false }
                || lineage.firstVersion > 0 || lineage.lastVersion < latest
            guard changed || options.full else { quiet += 1; continue }
            if lineage.lastVersion < latest && !printedRemovedHeading {
                out += "\n" + text.style("removed along the way:", .bold) + "\n"
                printedRemovedHeading = true
            }
            let label = lineage.steps[lineage.lastVersion]?.paragraph.label ?? "?"
            let cells = lineage.steps.enumerated().map { k, step -> String in
                guard let step else {
                    return k > 0 && lineage.steps[k - 1] != nil ? "v\(k + 1) removed" : "v\(k + 1) -"
                }
                return "v\(k + 1) \(step.paragraph.label)" + Self.marker(step.change)
            }
            out += text.style(label.padding(toLength: max(8, label.count + 1)), .bold)
                + cells.joined(separator: "  ") + "\n"
            for (k, step) in lineage.steps.enumerated() {
                // A split's word diff is shown once, under the piece that continues the lineage.
                guard let step, let change = step.change, let rewording = change.rewording,
                      change.firstNew == step.paragraph else { continue }
                out += "    v\(k + 1) [\(ReportVocabulary.categoryNote(rewording))] " + text.wordDiff(rewording.words) + "\n"
            }
        }
        if quiet > 0 {
            out += "\n" + text.style("  ... \(quiet) paragraph\(quiet == 1 ? "" : "s") unchanged in every version", .dim) + "\n"
        }
        return out
    }

    /// A short mark for how a step came about: "=" same, "~" reworded, ">"
    /// moved, "+" added, "<" split, "&" merged; nothing in the first version.
    static func marker(_ change: Change?) -> String {
        guard let change else { return "" }
        switch change.kind {
        case .unchanged: return " ="
        case .added: return " +"
        case .removed: return ""
        case .reworded: return " ~" + (change.rewording?.category.rawValue ?? "")
        case .moved: return " >moved"
        case .split: return " <split"
        case .merged: return " &merged"
        }
    }
}

fileprivate extension String {
    /// The string padded with spaces to `length` (never truncated).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
