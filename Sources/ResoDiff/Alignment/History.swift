/// The history of each paragraph across three or more versions of a
/// resolution: one lineage per paragraph identity, built by chaining the
/// pairwise comparisons of consecutive versions.
///
/// A paragraph keeps its identity when it is unchanged (renumbered or not),
/// reworded or moved. When it is split, the first piece continues its
/// lineage and the others start lineages of their own; when paragraphs are
/// merged, the merged paragraph continues the first one's lineage and the
/// others end there.
public struct History: Hashable, Sendable {
    /// One input version.
    public struct Version: Hashable, Sendable {
        /// The name reports use for it (its path).
        public var name: String
        /// The version as parsed.
        public var resolution: Resolution
    }

    /// A paragraph's state in one version.
    public struct Step: Hashable, Sendable {
        /// The paragraph as it stands in this version.
        public var paragraph: Paragraph
        /// How it got here from the previous version: nil in the first
        /// version; kind `added` at its first appearance after that;
        /// otherwise the pairwise change that produced it.
        public var change: Change?
    }

    /// One paragraph identity across the versions.
    public struct Lineage: Hashable, Sendable {
        /// One entry per version, in order; nil where the paragraph does not exist.
        public var steps: [Step?]

        /// The index of the first version in which the paragraph exists.
        public var firstVersion: Int { steps.firstIndex { $0 != nil } ?? 0 }
        /// The index of the last version in which the paragraph exists.
        public var lastVersion: Int { steps.lastIndex { $0 != nil } ?? 0 }
    }

    /// The versions, in the order given (oldest first).
    public var versions: [Version]
    /// The comparison of each version with the next: `comparisons[k]` is
    /// between `versions[k]` and `versions[k + 1]`.
    public var comparisons: [Comparison]
    /// Every paragraph identity, ordered by where it stands in the latest
    /// version in which it exists (those of the latest version first, in
    /// document order; then the ones removed along the way).
    public var lineages: [Lineage]

    /// Builds the history of `versions` (at least one), aligning each with the next.
    ///
    /// - Complexity: the sum of the pairwise comparisons' costs, plus
    ///   O(v·p) for v versions of p paragraphs.
    public init(versions: [(name: String, resolution: Resolution)], aligner: Aligner = Aligner()) {
        self.versions = versions.map { Version(name: $0.name, resolution: $0.resolution) }
        var comparisons: [Comparison] = []
        for k in versions.indices.dropLast() {
            comparisons.append(aligner.compare(versions[k].resolution, versions[k + 1].resolution,
                                               oldName: versions[k].name, newName: versions[k + 1].name))
        }
        self.comparisons = comparisons

        let count = versions.count
        var lineages: [Lineage] = []
        // For the current version: the lineage of each paragraph, by label.
        var current: [String: Int] = [:]
        if let first = versions.first {
            for paragraph in first.resolution.paragraphs {
                current[paragraph.label] = lineages.count
                var steps = [Step?](repeating: nil, count: count)
                steps[0] = Step(paragraph: paragraph, change: nil)
                lineages.append(Lineage(steps: steps))
            }
        }
        for (k, comparison) in comparisons.enumerated() {
            var next: [String: Int] = [:]
            func start(_ paragraph: Paragraph, _ change: Change) {
                next[paragraph.label] = lineages.count
                var steps = [Step?](repeating: nil, count: count)
                steps[k + 1] = Step(paragraph: paragraph, change: change)
                lineages.append(Lineage(steps: steps))
            }
            for change in comparison.changes {
                guard let firstNew = change.firstNew else { continue }  // removed: the lineage ends
                guard let oldLabel = change.firstOld?.label, let lineage = current[oldLabel] else {
                    start(firstNew, change)
                    continue
                }
                lineages[lineage].steps[k + 1] = Step(paragraph: firstNew, change: change)
                next[firstNew.label] = lineage
                if change.newCount > 1 { for piece in change.new.dropFirst() { start(piece, change) } }
            }
            current = next
        }
        // Latest first: by the last version a lineage reaches, then by position there.
        let positions: [[String: Int]] = versions.map { version in
            Dictionary(version.resolution.paragraphs.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        }
        // Each lineage's sort key worked out once (not in every comparison of the sort):
        // the last version, the position there, and the lineage's place as a tie-break.
        let keys = lineages.enumerated().map { offset, lineage in
            let last = lineage.lastVersion
            let position = lineage.steps[last].flatMap { positions[last][$0.paragraph.label] } ?? 0
            return (last: last, position: position, offset: offset)
        }
        self.lineages = keys.sorted { a, b in
            if a.last != b.last { return a.last > b.last }
            return (a.position, a.offset) < (b.position, b.offset)
        }.map { lineages[$0.offset] }
    }

    /// True when any consecutive pair of versions differs.
    public var hasDifferences: Bool { comparisons.contains { $0.hasDifferences } }
}
