extension Comparison {
    /// The comparison with routine updates left out: header changes dropped
    /// and technical rewordings counted as unchanged (their texts kept, so
    /// the documents can still be rebuilt). Used by `--ignore-technical`.
    ///
    /// - Complexity: O(c) in the number of changes.
    public func ignoringTechnicalChanges() -> Comparison {
        var result = self
        result.headerChanges = []
        result.changes = changes.map { change in
            guard change.kind == .reworded, change.rewording?.category == .technical else { return change }
            return change.with(kind: .unchanged, rewording: nil)
        }
        return result
    }
}
