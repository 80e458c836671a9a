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
        // Counted in arrays by position (a dictionary update a change cost a hash
        // and a probe), over indices (a loop over the elements copied each change).
        let allKinds = Change.Kind.allCases, allCategories = Rewording.Category.allCases
        var kindCounts = [Int](repeating: 0, count: allKinds.count)
        var categoryCounts = [Int](repeating: 0, count: allCategories.count)
        var renumbered = 0
        let changes = comparison.changes
        for i in changes.indices {
            let kind = changes[i].kind
            kindCounts[Self.position(of: kind)] += 1
            if kind == .reworded, let category = changes[i].rewording?.category {
                categoryCounts[Self.position(of: category)] += 1
            }
            if kind == .unchanged && changes[i].isRenumbered { renumbered += 1 }
        }
        // Only the kinds and categories that occur, as counted one by one before.
        var kinds: [Change.Kind: Int] = [:]
        for (kind, count) in zip(allKinds, kindCounts) where count > 0 { kinds[kind] = count }
        var categories: [Rewording.Category: Int] = [:]
        for (category, count) in zip(allCategories, categoryCounts) where count > 0 { categories[category] = count }
        self.kinds = kinds
        self.categories = categories
        self.renumbered = renumbered
        self.headerChanges = comparison.headerChanges.count
    }

    /// The position of `kind` in `Change.Kind.allCases`.
    static func position(of kind: Change.Kind) -> Int {
        switch kind {
        case .unchanged: 0
        case .added: 1
        case .removed: 2
        case .reworded: 3
        case .moved: 4
        case .split: 5
        case .merged: 6
        }
    }

    /// The position of `category` in `Rewording.Category.allCases`.
    static func position(of category: Rewording.Category) -> Int {
        switch category {
        case .technical: 0
        case .verb: 1
        case .substantive: 2
        }
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
