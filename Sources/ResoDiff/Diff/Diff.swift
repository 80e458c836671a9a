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
    var scratch = DiffScratch()
    return diff(ids: a, b, costLimit: costLimit, scratch: &scratch)
}

/// Buffers that ``diff(ids:_:costLimit:scratch:)`` reuses from one call to
/// the next: which ids occur on each side, as generation stamps indexed by
/// id, so that a call costs O(n + m), not O(largest id), and allocates no
/// table. One scratch can serve every diff over ids from one interner.
struct DiffScratch {
    /// `inA[id] == generation`: the id occurs in the current call's `a`.
    fileprivate var inA: [UInt32] = []
    /// `inB[id] == generation`: the id occurs in the current call's `b`.
    fileprivate var inB: [UInt32] = []
    /// The current call's stamp.
    fileprivate var generation: UInt32 = 0

    /// Creates empty buffers.
    init() {}

    /// Starts a call over ids up to `top`: a fresh stamp, tables large enough.
    fileprivate mutating func begin(top: Int32) {
        let needed = Int(top) + 1
        if inA.count < needed {
            let grown = max(needed, inA.count * 2)
            inA += repeatElement(0, count: grown - inA.count)
            inB += repeatElement(0, count: grown - inB.count)
        }
        if generation == UInt32.max {
            for k in inA.indices { inA[k] = 0; inB[k] = 0 }
            generation = 0
        }
        generation += 1
    }
}

/// ``diff(ids:_:costLimit:)`` with its occurrence tables in `scratch`.
///
/// - Complexity: as ``diff(from:to:costLimit:)``, plus O(n + m) (amortized
///   O(k) once for k distinct ids, to size the tables).
func diff(ids a: [Int32], _ b: [Int32], costLimit: Int? = nil, scratch: inout DiffScratch) -> EditScript {
    var deleted = [Bool](repeating: false, count: a.count)
    var inserted = [Bool](repeating: false, count: b.count)
    // Which ids occur on each side (ids are dense and non-negative).
    var top: Int32 = -1
    for id in a where id > top { top = id }
    for id in b where id > top { top = id }
    scratch.begin(top: top)
    let generation = scratch.generation
    var keptA: [Int32] = [], keptB: [Int32] = []
    var mapA: [Int] = [], mapB: [Int] = []
    keptA.reserveCapacity(a.count)
    keptB.reserveCapacity(b.count)
    scratch.inA.withUnsafeMutableBufferPointer { inA in
        scratch.inB.withUnsafeMutableBufferPointer { inB in
            for id in a { inA[Int(id)] = generation }
            for id in b { inB[Int(id)] = generation }
            for (x, id) in a.enumerated() {
                if inB[Int(id)] == generation { keptA.append(id); mapA.append(x) } else { deleted[x] = true }
            }
            for (y, id) in b.enumerated() {
                if inA[Int(id)] == generation { keptB.append(id); mapB.append(y) } else { inserted[y] = true }
            }
        }
    }
    let limit = costLimit ?? MyersDiff.defaultCostLimit(n: keptA.count, m: keptB.count)
    let marks = MyersDiff(a: keptA, b: keptB, costLimit: max(1, limit)).marks()
    for (k, x) in mapA.enumerated() where marks.deleted[k] { deleted[x] = true }
    for (k, y) in mapB.enumerated() where marks.inserted[k] { inserted[y] = true }
    return EditScript(deleted: deleted, inserted: inserted)
}
