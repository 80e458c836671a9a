/// The result of a diff: runs that keep, delete or insert elements, in order.
///
/// Runs cover both sequences exactly once, left to right: the `old` ranges of
/// all runs tile `0..<n`, the `new` ranges tile `0..<m`. An `equal` run has
/// ranges of the same length; a `delete` run an empty `new` range at the
/// position where it happens; an `insert` run an empty `old` range. Adjacent
/// runs never share an operation, and a `delete` run always comes before an
/// `insert` run that touches it.
public struct EditScript: Hashable, Sendable {
    /// A maximal run of one operation.
    public struct Run: Hashable, Sendable {
        /// What the run does.
        public enum Operation: Hashable, Sendable {
            case equal
            case delete
            case insert
        }

        /// What the run does.
        public var operation: Operation
        /// The run's range in the old sequence (empty for `insert`).
        public var old: Range<Int>
        /// The run's range in the new sequence (empty for `delete`).
        public var new: Range<Int>

        /// Creates a run.
        public init(_ operation: Operation, old: Range<Int>, new: Range<Int>) {
            self.operation = operation
            self.old = old
            self.new = new
        }
    }

    /// The runs, left to right.
    public var runs: [Run]

    /// Creates a script from runs that satisfy the invariants above.
    public init(runs: [Run]) {
        self.runs = runs
    }

    /// The number of elements deleted plus the number inserted: the edit
    /// distance the script realizes. Minimal scripts have
    /// `n + m − 2·LCS(old, new)`.
    public var editCount: Int {
        runs.reduce(0) { total, run in
            switch run.operation {
            case .equal: total
            case .delete: total + run.old.count
            case .insert: total + run.new.count
            }
        }
    }

    /// True when the script keeps everything.
    public var isIdentity: Bool { runs.allSatisfy { $0.operation == .equal } }

    /// Applies the script to `old`, taking inserted elements from `new`.
    ///
    /// For a script computed by ``diff(from:to:costLimit:)`` the result equals
    /// `new`; the tests hold the engine to that.
    ///
    /// - Complexity: O(n + m).
    public func applying<Element>(to old: [Element], inserting new: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(new.count)
        for run in runs {
            switch run.operation {
            case .equal: result.append(contentsOf: old[run.old])
            case .delete: break
            case .insert: result.append(contentsOf: new[run.new])
            }
        }
        return result
    }
}

extension EditScript {
    /// Builds the runs from per-element change marks, as the engine leaves them.
    ///
    /// Within a stretch between two equal elements, deletions are emitted
    /// before insertions.
    ///
    /// - Complexity: O(n + m).
    init(deleted: [Bool], inserted: [Bool]) {
        self = deleted.withUnsafeBufferPointer { deleted in
            inserted.withUnsafeBufferPointer { inserted in
                EditScript(deleted: deleted, inserted: inserted)
            }
        }
    }

    /// Builds the runs from per-element change marks in buffers.
    ///
    /// - Complexity: O(n + m).
    init(deleted: UnsafeBufferPointer<Bool>, inserted: UnsafeBufferPointer<Bool>) {
        var runs: [Run] = []
        var i = 0, j = 0
        let n = deleted.count, m = inserted.count
        while i < n || j < m {
            if i < n && j < m && !deleted[i] && !inserted[j] {
                let (si, sj) = (i, j)
                while i < n && j < m && !deleted[i] && !inserted[j] { i += 1; j += 1 }
                runs.append(Run(.equal, old: si..<i, new: sj..<j))
                continue
            }
            let si = i
            while i < n && deleted[i] { i += 1 }
            if i > si { runs.append(Run(.delete, old: si..<i, new: j..<j)) }
            let sj = j
            while j < m && inserted[j] { j += 1 }
            if j > sj { runs.append(Run(.insert, old: i..<i, new: sj..<j)) }
            // Marks are consistent (equal elements pair one to one), so one of
            // the loops above advanced unless both sequences ended.
            if i == si && j == sj { break }
        }
        self.init(runs: runs)
    }
}
