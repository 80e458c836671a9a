/// Maps hashable values to dense integer ids, so that the engine compares
/// integers instead of (possibly long) strings.
///
/// Ids are assigned in order of first appearance, starting at 0.
struct Interner<Element: Hashable> {
    private var ids: [Element: Int32] = [:]

    /// The number of distinct values seen.
    var count: Int { ids.count }

    /// The id of `element`, assigning the next free one if it is new.
    ///
    /// - Complexity: O(1) amortized, plus hashing `element`.
    mutating func id(_ element: Element) -> Int32 {
        if let id = ids[element] { return id }
        let id = Int32(truncatingIfNeeded: ids.count)
        ids[element] = id
        return id
    }

    /// The ids of every element of `sequence`, in order.
    mutating func ids<S: Sequence>(_ sequence: S) -> [Int32] where S.Element == Element {
        sequence.map { id($0) }
    }
}
