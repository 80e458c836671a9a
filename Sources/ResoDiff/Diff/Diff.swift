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
/// table; the kept ids and their positions; the marks; the engine's vectors.
/// One scratch can serve every diff over ids from one interner.
struct DiffScratch {
    /// `inA[id] == generation`: the id occurs in the current call's `a`.
    fileprivate var inA: [UInt32] = []
    /// `inB[id] == generation`: the id occurs in the current call's `b`.
    fileprivate var inB: [UInt32] = []
    /// The current call's stamp.
    fileprivate var generation: UInt32 = 0
    fileprivate var keptA: [Int32] = []
    fileprivate var keptB: [Int32] = []
    fileprivate var mapA: [Int] = []
    fileprivate var mapB: [Int] = []
    fileprivate var deleted: [Bool] = []
    fileprivate var inserted: [Bool] = []
    fileprivate var engine = MyersDiff.Scratch()

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

/// ``diff(ids:_:costLimit:)`` with its tables and buffers in `scratch`.
///
/// - Complexity: as ``diff(from:to:costLimit:)``, plus O(n + m) (amortized
///   O(k) once for k distinct ids, to size the tables).
func diff(ids a: [Int32], _ b: [Int32], costLimit: Int? = nil, scratch: inout DiffScratch) -> EditScript {
    scratch.deleted.removeAll(keepingCapacity: true)
    scratch.deleted.append(contentsOf: repeatElement(false, count: a.count))
    scratch.inserted.removeAll(keepingCapacity: true)
    scratch.inserted.append(contentsOf: repeatElement(false, count: b.count))
    // Which ids occur on each side (ids are dense and non-negative).
    var top: Int32 = -1
    for id in a where id > top { top = id }
    for id in b where id > top { top = id }
    scratch.begin(top: top)
    let generation = scratch.generation
    scratch.keptA.removeAll(keepingCapacity: true)
    scratch.keptB.removeAll(keepingCapacity: true)
    scratch.mapA.removeAll(keepingCapacity: true)
    scratch.mapB.removeAll(keepingCapacity: true)
    scratch.keptA.reserveCapacity(a.count)
    scratch.keptB.reserveCapacity(b.count)
    scratch.mapA.reserveCapacity(a.count)
    scratch.mapB.reserveCapacity(b.count)
    scratch.inA.withUnsafeMutableBufferPointer { inA in
        scratch.inB.withUnsafeMutableBufferPointer { inB in
            for id in a { inA[Int(id)] = generation }
            for id in b { inB[Int(id)] = generation }
            for (x, id) in a.enumerated() {
                if inB[Int(id)] == generation {
                    scratch.keptA.append(id); scratch.mapA.append(x)
                } else {
                    scratch.deleted[x] = true
                }
            }
            for (y, id) in b.enumerated() {
                if inA[Int(id)] == generation {
                    scratch.keptB.append(id); scratch.mapB.append(y)
                } else {
                    scratch.inserted[y] = true
                }
            }
        }
    }
    let limit = costLimit ?? MyersDiff.defaultCostLimit(n: scratch.keptA.count, m: scratch.keptB.count)
    MyersDiff(a: scratch.keptA, b: scratch.keptB, costLimit: max(1, limit)).mark(into: &scratch.engine)
    for (k, x) in scratch.mapA.enumerated() where scratch.engine.deleted[k] { scratch.deleted[x] = true }
    for (k, y) in scratch.mapB.enumerated() where scratch.engine.inserted[k] { scratch.inserted[y] = true }
    return scratch.deleted.withUnsafeBufferPointer { deleted in
        scratch.inserted.withUnsafeBufferPointer { inserted in
            EditScript(deleted: deleted, inserted: inserted)
        }
    }
}
