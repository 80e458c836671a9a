/// Computes an edit script that turns `old` into `new`.
///
/// Elements are interned to integer ids first, so comparing long strings
/// costs one hash each, not one comparison per step of the search. The
/// script is minimal (it deletes and inserts as few elements as possible)
/// unless the edit distance exceeds the cost bound; past it the script is
/// still valid but may be longer than necessary (see `MyersDiff`).
///
/// - Parameters:
///   - old: The sequence before.
///   - new: The sequence after.
///   - costLimit: The cost bound; nil for the default of about √(n+m), at least 256.
/// - Returns: The edit script, as runs of equal, deleted and inserted elements.
/// - Complexity: O((n+m)·D) time below the cost bound and O(n+m) space,
///   where n and m are the lengths of `old` and `new` and D the number of
///   elements deleted and inserted; past the bound, O((n+m)·costLimit) per
///   level of the divide and conquer.
public func diff<C: Collection>(from old: C, to new: C, costLimit: Int? = nil) -> EditScript
where C.Element: Hashable {
    var interner = Interner<C.Element>()
    let a = interner.ids(old)
    let b = interner.ids(new)
    return diff(ids: a, b, costLimit: costLimit)
}

/// The fast path: an edit script between two sequences of interned ids.
///
/// - Complexity: as ``diff(from:to:costLimit:)``.
func diff(ids a: [Int32], _ b: [Int32], costLimit: Int? = nil) -> EditScript {
    let limit = costLimit ?? MyersDiff.defaultCostLimit(n: a.count, m: b.count)
    let (deleted, inserted) = MyersDiff(a: a, b: b, costLimit: max(1, limit)).marks()
    return EditScript(deleted: deleted, inserted: inserted)
}
