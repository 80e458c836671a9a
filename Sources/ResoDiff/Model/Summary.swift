/// Counts of a comparison's changes, per kind and per rewording category.
public struct Summary: Hashable, Sendable {
    /// How many changes of each kind (unchanged included).
    public var kinds: [Change.Kind: Int]
    /// How many reworded changes of each category.
    public var categories: [Rewording.Category: Int]
    /// How many unchanged paragraphs only changed their label.
    public var renumbered: Int
    /// How many header fields differ.
    public var headerChanges: Int

    /// Counts the changes of `comparison`.
    ///
    /// - Complexity: O(c) in the number of changes.
    public init(_ comparison: Comparison) {
        var kinds: [Change.Kind: Int] = [:]
        var categories: [Rewording.Category: Int] = [:]
        var renumbered = 0
        for change in comparison.changes {
            kinds[change.kind, default: 0] += 1
            if change.kind == .reworded, let rewording = change.rewording {
                categories[rewording.category, default: 0] += 1
            }
            if change.isRenumbered { renumbered += 1 }
        }
        self.kinds = kinds
        self.categories = categories
        self.renumbered = renumbered
        self.headerChanges = comparison.headerChanges.count
    }

    /// The count for `kind` (zero when absent).
    public subscript(kind: Change.Kind) -> Int { kinds[kind] ?? 0 }

    /// The count for `category` (zero when absent).
    public subscript(category: Rewording.Category) -> Int { categories[category] ?? 0 }

    /// One line for people: "1 added, 2 reworded (1 technical, 1 verb), …;
    /// 20 unchanged (11 renumbered)", or "no differences".
    public var line: String {
        var parts: [String] = []
        for kind in Change.Kind.allCases where kind != .unchanged && self[kind] > 0 {
            var part = "\(self[kind]) \(kind.rawValue)"
            if kind == .reworded {
                let detail = Rewording.Category.allCases.compactMap { category -> String? in
                    let n = categories[category] ?? 0
                    return n > 0 ? "\(n) \(category.rawValue)" : nil
                }
                if !detail.isEmpty { part += " (" + detail.joined(separator: ", ") + ")" }
            }
            parts.append(part)
        }
        if headerChanges > 0 { parts.append("\(headerChanges) header field\(headerChanges == 1 ? "" : "s") changed") }
        var line = parts.isEmpty ? "no differences" : parts.joined(separator: ", ")
        if self[.unchanged] > 0 {
            line += "; \(self[.unchanged]) unchanged"
            if renumbered > 0 { line += " (\(renumbered) renumbered)" }
        }
        return line
    }
}
