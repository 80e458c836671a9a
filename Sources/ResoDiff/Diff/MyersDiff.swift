/// Myers' O((N+M)·D) difference algorithm in its linear-space form, on
/// sequences of interned integer ids.
///
/// E. W. Myers, "An O(ND) Difference Algorithm and Its Variations",
/// Algorithmica 1 (1986) 251–266, section 4b: find the *middle snake* of an
/// optimal path by running the greedy search forward from the top-left
/// corner and backward from the bottom-right corner at once, then solve the
/// two halves on either side of it. Variables follow the paper: `x` indexes
/// the old sequence `a`, `y` the new sequence `b`, a *diagonal* is
/// `k = x − y`, and `D` is the number of edits.
///
/// Before every subproblem the common prefix and suffix are trimmed, which
/// makes the frequent case (a few edits in long equal text) linear.
///
/// **Cost bound.** When the search for one middle snake has run `costLimit`
/// rounds without the two searches meeting, the subproblem is expensive: as
/// GNU diff and git's xdiff do, the engine stops searching and splits at the
/// furthest-reaching diagonal found so far (the point that has covered the
/// most of `x + y`). Both halves are still solved, so the script remains
/// valid, but it may no longer be minimal. Below the bound it is minimal.
///
/// The subproblems are kept on an explicit stack, not the call stack, so a
/// large D cannot overflow a thread's stack.
struct MyersDiff {
    /// The old sequence, as ids.
    let a: [Int32]
    /// The new sequence, as ids.
    let b: [Int32]
    /// Rounds of the middle-snake search after which the heuristic split is taken.
    let costLimit: Int

    /// The default cost bound for sequences of total length `n + m`:
    /// about √(n+m), never below 256 (xdiff's choice). Inputs whose edit
    /// distance stays under it get a minimal script.
    static func defaultCostLimit(n: Int, m: Int) -> Int {
        var limit = 1
        var diagonals = n + m + 3
        while diagonals != 0 {
            diagonals >>= 2
            limit <<= 1
        }
        return max(256, limit)
    }

    /// Computes which elements of `a` are deleted and which of `b` inserted.
    ///
    /// - Complexity: O((n+m)·min(D, costLimit)) time per level of the
    ///   divide-and-conquer, O((n+m)·D) overall below the bound;
    ///   O(n+m) space.
    func marks() -> (deleted: [Bool], inserted: [Bool]) {
        var scratch = Scratch()
        mark(into: &scratch)
        return (scratch.deleted, scratch.inserted)
    }

    /// The buffers of ``mark(into:)``, reused from one diff to the next.
    struct Scratch {
        /// After ``mark(into:)``: which elements of `a` are deleted (the first `a.count`).
        fileprivate(set) var deleted: [Bool] = []
        /// After ``mark(into:)``: which elements of `b` are inserted (the first `b.count`).
        fileprivate(set) var inserted: [Bool] = []
        fileprivate var fd: [Int] = []
        fileprivate var bd: [Int] = []
        fileprivate var stack: [(xoff: Int, xlim: Int, yoff: Int, ylim: Int)] = []

        /// Creates empty buffers.
        init() {}
    }

    /// ``marks()``, into `scratch.deleted` and `scratch.inserted` (exactly
    /// `a.count` and `b.count` long afterwards), with the search vectors in
    /// `scratch` too.
    ///
    /// - Complexity: as ``marks()``, without allocating once the buffers are large enough.
    func mark(into scratch: inout Scratch) {
        let n = a.count, m = b.count
        scratch.deleted.removeAll(keepingCapacity: true)
        scratch.deleted.append(contentsOf: repeatElement(false, count: n))
        scratch.inserted.removeAll(keepingCapacity: true)
        scratch.inserted.append(contentsOf: repeatElement(false, count: m))
        // fd[k + offset]: furthest x reached on diagonal k going forward;
        // bd[k + offset]: least x reached on diagonal k going backward.
        // Diagonals range over −m−1 … n+1 (one sentinel beyond each end).
        let offset = m + 1
        let vectors = n + m + 3
        if scratch.fd.count < vectors {
            scratch.fd = [Int](repeating: 0, count: max(vectors, scratch.fd.count * 2))
            scratch.bd = scratch.fd
        } else {
            // As fresh vectors would be (the search reads only what it wrote).
            for k in 0..<vectors { scratch.fd[k] = 0; scratch.bd[k] = 0 }
        }
        scratch.stack.removeAll(keepingCapacity: true)
        scratch.stack.append((0, n, 0, m))

        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        scratch.deleted.withUnsafeMutableBufferPointer { deleted in
        scratch.inserted.withUnsafeMutableBufferPointer { inserted in
        scratch.fd.withUnsafeMutableBufferPointer { fd in
        scratch.bd.withUnsafeMutableBufferPointer { bd in
            while var (xoff, xlim, yoff, ylim) = scratch.stack.popLast() {
                // Trim the common prefix and suffix.
                while xoff < xlim && yoff < ylim && a[xoff] == b[yoff] { xoff += 1; yoff += 1 }
                while xlim > xoff && ylim > yoff && a[xlim - 1] == b[ylim - 1] { xlim -= 1; ylim -= 1 }
                if xoff == xlim {
                    for y in yoff..<ylim { inserted[y] = true }
                    continue
                }
                if yoff == ylim {
                    for x in xoff..<xlim { deleted[x] = true }
                    continue
                }
                let (xmid, ymid) = middleSnake(a, b, fd, bd, offset: offset,
                                               xoff: xoff, xlim: xlim, yoff: yoff, ylim: ylim)
                scratch.stack.append((xoff, xmid, yoff, ymid))
                scratch.stack.append((xmid, xlim, ymid, ylim))
            }
        }}}}}}
    }

    /// Finds a point `(x, y)` on an optimal path through the box
    /// `a[xoff..<xlim]` × `b[yoff..<ylim]` (or, past the cost bound, on a
    /// good path), strictly inside it in the sense that both halves are
    /// smaller than the box. The box's first and last elements differ
    /// (trimmed by the caller) and both sides are non-empty.
    ///
    /// Invariant after round `c` of the loop: `fd[k]` is the furthest x
    /// reachable on diagonal `k` with `c` edits from `(xoff, yoff)`, and
    /// `bd[k]` the least x from which `(xlim, ylim)` is reachable with `c`
    /// edits. When the two overlap on a diagonal, that snake is the middle
    /// of an optimal path (Myers, Lemma 3).
    private func middleSnake(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                             _ fdBuffer: UnsafeMutableBufferPointer<Int>, _ bdBuffer: UnsafeMutableBufferPointer<Int>,
                             offset: Int, xoff: Int, xlim: Int, yoff: Int, ylim: Int) -> (Int, Int) {
        // Diagonal k is at fd[k], bd[k]: the offset is folded into the base
        // addresses. Every index and coordinate below lies within −m−1 … n+m+2,
        // so the arithmetic is wrapping (no overflow checks in the inner loops).
        let fd = fdBuffer.baseAddress! + offset, bd = bdBuffer.baseAddress! + offset
        let a = a.baseAddress!, b = b.baseAddress!
        let dmin = xoff &- ylim, dmax = xlim &- yoff
        let fmid = xoff &- yoff, bmid = xlim &- ylim
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        // Whether a forward and a backward path can meet after the forward step.
        let odd = (fmid &- bmid) & 1 != 0
        fd[fmid] = xoff
        bd[bmid] = xlim

        var c = 1
        while true {
            // Extend the forward search by one edit. Diagonals outside the
            // box get a sentinel that never wins the comparison below.
            if fmin > dmin { fmin &-= 1; fd[fmin &- 1] = -1 } else { fmin &+= 1 }
            if fmax < dmax { fmax &+= 1; fd[fmax &+ 1] = -1 } else { fmax &-= 1 }
            var d = fmax
            while d >= fmin {
                let tlo = fd[d &- 1], thi = fd[d &+ 1]
                var x = tlo >= thi ? tlo &+ 1 : thi
                var y = x &- d
                while x < xlim && y < ylim && a[x] == b[y] { x &+= 1; y &+= 1 }
                fd[d] = x
                if odd && bmin <= d && d <= bmax && bd[d] <= x {
                    return (x, y)
                }
                d &-= 2
            }

            // Extend the backward search by one edit.
            if bmin > dmin { bmin &-= 1; bd[bmin &- 1] = Int.max } else { bmin &+= 1 }
            if bmax < dmax { bmax &+= 1; bd[bmax &+ 1] = Int.max } else { bmax &-= 1 }
            d = bmax
            while d >= bmin {
                let tlo = bd[d &- 1], thi = bd[d &+ 1]
                var x = tlo < thi ? tlo : thi &- 1
                var y = x &- d
                while x > xoff && y > yoff && a[x &- 1] == b[y &- 1] { x &-= 1; y &-= 1 }
                bd[d] = x
                if !odd && fmin <= d && d <= fmax && x <= fd[d] {
                    return (x, y)
                }
                d &-= 2
            }

            if c >= costLimit {
                // Too expensive: split at the furthest-reaching point of
                // either search, measured by how much of x + y it has covered.
                var fxybest = Int.min, fxbest = xlim
                d = fmax
                while d >= fmin {
                    var x = min(fd[d], xlim)
                    var y = x &- d
                    if ylim < y { x = ylim &+ d; y = ylim }
                    if fxybest < x &+ y { fxybest = x &+ y; fxbest = x }
                    d &-= 2
                }
                var bxybest = Int.max, bxbest = xoff
                d = bmax
                while d >= bmin {
                    var x = max(xoff, bd[d])
                    var y = x &- d
                    if y < yoff { x = yoff &+ d; y = yoff }
                    if x &+ y < bxybest { bxybest = x &+ y; bxbest = x }
                    d &-= 2
                }
                let forward = (xlim + ylim) - bxybest < fxybest - (xoff + yoff)
                let (x, y) = forward ? (fxbest, fxybest - fxbest) : (bxbest, bxybest - bxbest)
                // The split must leave both halves smaller than the box, or
                // the divide and conquer would not terminate.
                if (x, y) != (xoff, yoff) && (x, y) != (xlim, ylim) { return (x, y) }
            }
            c += 1
        }
    }
}
