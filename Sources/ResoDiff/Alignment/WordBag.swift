/// A paragraph's words as a multiset of interned ids, for similarity.
///
/// Words are case-folded and punctuation is left out: similarity measures
/// shared vocabulary, not layout.
struct WordBag: Sendable {
    /// The word ids, sorted ascending (with repeats).
    let ids: [Int32]
    /// The words that occur more than once, with their counts, by ascending id.
    let repeats: [Repeat]

    /// A word that occurs more than once.
    struct Repeat: Sendable {
        var id: Int32
        var count: Int32
    }

    /// The bag of the words of `text`, interned with `interner`.
    ///
    /// Words are interned by ``WordInterner`` (equal as strings are, once
    /// lowercased); ASCII words, the usual case, are folded and looked up on
    /// their bytes.
    /// - Complexity: O(n log n) in the number of words (the sort), plus O(n) hashing.
    init(_ text: String, interner: inout WordInterner) {
        let utf8 = text.utf8
        var ids: [Int32] = []
        // The tokens of `Token.tokenize(text)` whose first scalar is a word
        // scalar, read as byte ranges: a token is built as a substring only
        // when the interner needs one (not plain ASCII).
        UTF8Scan.withBytes(text) { u in
            ids.reserveCapacity(u.count / 6)
            Token.scan(u) { start, end, _, first in
                guard ScalarClass.isWordScalar(first) else { return }
                ids.append(interner.id(of: UnsafeBufferPointer(rebasing: u[start..<end])) {
                    // O(1): the UTF-8 view of a native string is indexed by offset.
                    text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
                })
            }
        }
        ids.sort()
        self.init(sortedIDs: ids)
    }

    private init(sortedIDs: [Int32]) {
        ids = sortedIDs
        var repeats: [Repeat] = []
        sortedIDs.withUnsafeBufferPointer { ids in
            var k = 1
            while k < ids.count {
                if ids[k] == ids[k - 1] {
                    if let last = repeats.last, last.id == ids[k] {
                        repeats[repeats.count - 1].count += 1
                    } else {
                        repeats.append(Repeat(id: ids[k], count: 2))
                    }
                }
                k += 1
            }
        }
        self.repeats = repeats
    }

    /// The bag of several paragraphs together.
    static func union(_ bags: [WordBag]) -> WordBag {
        WordBag(sortedIDs: bags.flatMap(\.ids).sorted())
    }

    /// The number of words two bags share, counting repeats.
    ///
    /// - Complexity: O(n + m).
    func sharedCount(with other: WordBag) -> Int {
        // A merge of the two sorted lists, over buffers (no bounds checks in
        // the hottest loop of pairing); each step advances i or j or both.
        ids.withUnsafeBufferPointer { a in
            other.ids.withUnsafeBufferPointer { b in
                var i = 0, j = 0, shared = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y { shared += 1 }
                    i += x <= y ? 1 : 0
                    j += y <= x ? 1 : 0
                }
                return shared
            }
        }
    }

    /// The Dice coefficient 2·|A∩B| / (|A|+|B|): 1 for the same words, 0 for
    /// none shared. Two empty bags are identical (1).
    ///
    /// - Complexity: O(n + m).
    func similarity(to other: WordBag) -> Double {
        similarity(to: other, shared: sharedCount(with: other))
    }

    /// ``similarity(to:)`` given the shared count (from a ``SharedCounter``).
    ///
    /// - Complexity: O(1).
    func similarity(to other: WordBag, shared: Int) -> Double {
        let total = ids.count + other.ids.count
        guard total > 0 else { return 1 }
        return Double(2 * shared) / Double(total)
    }

    /// The largest similarity two bags of these sizes can have, 2·min / (sum),
    /// reached when the smaller bag lies wholly in the larger: a pair whose
    /// bound is below a threshold cannot reach it, and need not be compared.
    /// It is computed as ``similarity(to:)`` computes, so the bound holds in
    /// floating point too (division rounds monotonically). Two empty bags: 1.
    ///
    /// - Complexity: O(1).
    func similarityBound(with other: WordBag) -> Double {
        let total = ids.count + other.ids.count
        guard total > 0 else { return 1 }
        return Double(2 * min(ids.count, other.ids.count)) / Double(total)
    }

    /// The share of this bag's words that stand in `other`: how much of a
    /// fragment is contained in a whole, for split and merge detection.
    ///
    /// - Complexity: O(n + m).
    func containment(in other: WordBag) -> Double {
        guard !ids.isEmpty else { return 0 }
        return Double(sharedCount(with: other)) / Double(ids.count)
    }
}
