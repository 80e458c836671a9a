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
/// Elements that occur on one side only can be in no common subsequence, so
/// they are marked deleted or inserted up front and the search runs on what
/// remains (as GNU diff's and git's xdiff's `discard` step does). This keeps
/// the script minimal and makes unrelated inputs — where most elements are
/// unique — cheap.
///
/// - Complexity: as ``diff(from:to:costLimit:)``, plus O(n + m + k) for k distinct ids.
func diff(ids a: [Int32], _ b: [Int32], costLimit: Int? = nil) -> EditScript {
    var deleted = [Bool](repeating: false, count: a.count)
    var inserted = [Bool](repeating: false, count: b.count)
    // Which ids occur on each side (ids are dense and non-negative).
    var top: Int32 = -1
    for id in a where id > top { top = id }
    for id in b where id > top { top = id }
    var inA = [Bool](repeating: false, count: Int(top) + 1)
    var inB = inA
    for id in a { inA[Int(id)] = true }
    for id in b { inB[Int(id)] = true }
    var keptA: [Int32] = [], keptB: [Int32] = []
    var mapA: [Int] = [], mapB: [Int] = []
    keptA.reserveCapacity(a.count)
    keptB.reserveCapacity(b.count)
    for (x, id) in a.enumerated() {
        if inB[Int(id)] { keptA.append(id); mapA.append(x) } else { deleted[x] = true }
    }
    for (y, id) in b.enumerated() {
        if inA[Int(id)] { keptB.append(id); mapB.append(y) } else { inserted[y] = true }
    }
    let limit = costLimit ?? MyersDiff.defaultCostLimit(n: keptA.count, m: keptB.count)
    let marks = MyersDiff(a: keptA, b: keptB, costLimit: max(1, limit)).marks()
    for (k, x) in mapA.enumerated() where marks.deleted[k] { deleted[x] = true }
    for (k, y) in mapB.enumerated() where marks.inserted[k] { inserted[y] = true }
    return EditScript(deleted: deleted, inserted: inserted)
}
