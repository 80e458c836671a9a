/// The summary of a ``Batch``: one line per paired resolution (names,
/// symbols, counts, "technical update only"), then the resolutions found on
/// one side only.
public struct BatchTextRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The summary.
    ///
    /// - Complexity: O(r) in the number of resolutions.
    public func render(_ batch: Batch) -> String {
        var out = ReportVocabulary.batchLine(batch) + "\n"
        for pair in batch.pairs {
            let c = pair.comparison
            var line = "\(c.oldName) ↔ \(c.newName) (\(ReportVocabulary.symbols(c)))"
            if pair.reason != .fileName { line += " [paired by \(pair.reason.rawValue)]" }
            line += ": " + Summary(c).line
            if pair.isTechnicalUpdateOnly { line += " [technical update only]" }
            out += line + "\n"
        }
        for name in batch.onlyOld { out += "only in old: \(name)\n" }
        for name in batch.onlyNew { out += "only in new: \(name)\n" }
        return out
    }
}
