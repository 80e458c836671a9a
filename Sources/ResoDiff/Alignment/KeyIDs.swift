/// Ids for the comparison keys of an old and a new list of paragraphs, for
/// the paragraph diff: equal ids exactly for equal keys (Swift's string
/// equality, as ``StringInterner`` decides it), and dense (below three times
/// the number of distinct keys; about twice when all are plain ASCII).
///
/// Plain ASCII keys (nearly all) are split in two by the top bit of their
/// hash (worked out by the parser, ``ComparisonKey``), and each half is
/// interned on a thread of its own: the k-th distinct key of half p gets id
/// 2k + p. Equal ASCII keys have equal bytes, hence equal hashes, hence one
/// half. The few other keys are interned afterwards on one thread, as
/// ``StringInterner`` interns them: a key equal to a plain ASCII string (its
/// non-ASCII scalars each canonically equivalent to an ASCII character) gets
/// that string's id from its half; any other key an id above both halves'.
enum KeyIDs {
    /// Paragraphs fewer than this (both lists) are interned on the calling thread.
    static let parallelMinimum = 1024

    /// The ids of the keys of `old` and of `new`.
    ///
    /// - Complexity: O(n) in the keys' total length, spread over two cores.
    static func ids(old: [Paragraph], new: [Paragraph]) -> (old: [Int32], new: [Int32]) {
        let sides = [old, new]
        let capacity = (old.count + new.count) / 2
        // Per half: its interner, and by side and paragraph the id plus one (0: not in the half).
        let halves = ThreadSlots<(interner: StringInterner, ids: [[Int32]])>(count: 2, initial: (StringInterner(), []))
        @Sendable func intern(half p: Int) {
            var interner = StringInterner(capacity: capacity)
            var ids: [[Int32]] = []
            for paragraphs in sides {
                var sideIDs = [Int32](repeating: 0, count: paragraphs.count)
                // By index: a closure over the elements would copy each paragraph.
                for i in paragraphs.indices {
                    guard let hash = paragraphs[i].comparisonKey.asciiHash(of: paragraphs[i].text),
                          Int(hash >> 63) == p else { continue }
                    let k = paragraphs[i].comparisonKey.withBytes(of: paragraphs[i].text) {
                        interner.id(asciiBytes: $0, hash: hash)
                    }
                    sideIDs[i] = 2 * k + Int32(p) + 1
                }
                ids.append(sideIDs)
            }
            halves[p] = (interner, ids)
        }
        if old.count + new.count >= parallelMinimum {
            Parallel.perform(iterations: 2) { intern(half: $0) }
        } else {
            intern(half: 0)
            intern(half: 1)
        }
        var interners = [halves[0].interner, halves[1].interner]
        // Each key is in one half at most: -1 where it is in neither (not plain ASCII).
        var result: [[Int32]] = (0..<2).map { side in
            zip(halves[0].ids[side], halves[1].ids[side]).map { $0 + $1 - 1 }
        }

        // The other keys, in order: old then new.
        var known: [String: Int32] = [:]  // by key (string equality): its id
        var fresh: [String: Int32] = [:]  // keys equal to no ASCII string: a number each
        var pending: [(side: Int, index: Int, number: Int32)] = []
        for side in 0..<2 {
            for i in result[side].indices where result[side][i] < 0 {
                let key = sides[side][i].key
                if let id = known[key] {
                    result[side][i] = id
                } else if let equivalent = interners[0].asciiEquivalent(of: key) {
                    let id = equivalent.withUnsafeBufferPointer { bytes -> Int32 in
                        let hash = StringInterner.asciiHash(bytes)!  // ASCII bytes
                        let p = Int(hash >> 63)
                        return 2 * interners[p].id(asciiBytes: bytes, hash: hash) + Int32(p)
                    }
                    known[key] = id
                    result[side][i] = id
                } else {
                    let number = fresh[key] ?? Int32(fresh.count)
                    fresh[key] = number
                    pending.append((side, i, number))
                }
            }
        }
        // Above every id of the halves (2k + p < 2 · count of half p).
        let base = 2 * max(interners[0].count, interners[1].count)
        for (side, i, number) in pending { result[side][i] = base + number }
        return (result[0], result[1])
    }
}
