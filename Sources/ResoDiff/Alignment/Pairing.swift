/// Pairs the removed and added paragraphs of one replaced stretch.
///
/// See Guides/Alignment.md. A candidate pair is a removed paragraph and an
/// added one whose ``WordBag`` similarity reaches the threshold. Among the
/// candidates the pairing keeps document order (pairs never cross) and
/// maximizes the total similarity: a heaviest chain, computed as a
/// heaviest increasing subsequence with a Fenwick tree of prefix maxima.
/// Large stretches do not compare all pairs: candidates come from an
/// inverted index of the stretch's rarer words.
struct Pairing {
    /// One pairing decision: a removed and an added paragraph, by index into the stretch.
    struct Pair: Hashable {
        var old: Int
        var new: Int
        var similarity: Double
    }

    /// Stretches with at most this many removed × added pairs compare every pair.
    static let allPairsLimit = 40_000
    /// In larger stretches, at most this many candidates per added paragraph.
    static let candidatesPerParagraph = 8

    /// The order-preserving pairs of heaviest total similarity, sorted.
    ///
    /// - Parameters:
    ///   - old: The bags of the removed paragraphs, in document order.
    ///   - new: The bags of the added paragraphs, in document order.
    ///   - threshold: The least similarity a pair must have.
    /// - Complexity: O(r·a·w) for r·a ≤ `allPairsLimit` (w words a
    ///   paragraph), else O((r+a)·w·k) for k candidates a paragraph; plus
    ///   O(p log p) for the chain over p candidate pairs.
    static func pairs(old: [WordBag], new: [WordBag], threshold: Double) -> [Pair] {
        var counter = SharedCounter()
        return pairs(old: old, new: new, threshold: threshold, counter: &counter)
    }

    /// ``pairs(old:new:threshold:)`` with a counter reused from one stretch to the next.
    static func pairs(old: [WordBag], new: [WordBag], threshold: Double, counter: inout SharedCounter) -> [Pair] {
        heaviestChain(candidates(old: old, new: new, threshold: threshold, counter: &counter), newCount: new.count)
    }

    /// Every pair at or above `threshold`, in no particular order: all pairs
    /// of small sets, candidates from the rare-word index in large ones.
    ///
    /// - Complexity: as ``pairs(old:new:threshold:)``, without the chain.
    static func candidates(old: [WordBag], new: [WordBag], threshold: Double) -> [Pair] {
        var counter = SharedCounter()
        return candidates(old: old, new: new, threshold: threshold, counter: &counter)
    }

    /// ``candidates(old:new:threshold:)`` with a counter reused from one call to the next.
    ///
    /// Each removed paragraph's word counts are loaded into `counter` once,
    /// and every added paragraph is counted against them in one pass over
    /// its own words (``SharedCounter``): the same shared counts as a merge
    /// of the two bags, so the same similarities.
    static func candidates(old: [WordBag], new: [WordBag], threshold: Double,
                           counter: inout SharedCounter) -> [Pair] {
        guard !old.isEmpty, !new.isEmpty else { return [] }
        var top: Int32 = -1
        for bag in old { if let last = bag.ids.last, last > top { top = last } }
        for bag in new { if let last = bag.ids.last, last > top { top = last } }
        counter.reserve(top: top)
        guard old.count * new.count <= allPairsLimit else {
            return indexedCandidates(old: old, new: new, threshold: threshold, counter: &counter)
        }
        var candidates: [Pair] = []
        for i in old.indices {
            var loaded = false
            for j in new.indices where old[i].similarityBound(with: new[j]) >= threshold {
                if !loaded { counter.load(old[i]); loaded = true }
                let s = old[i].similarity(to: new[j], shared: counter.sharedCount(with: new[j]))
                if s >= threshold { candidates.append(Pair(old: i, new: j, similarity: s)) }
            }
            if loaded { counter.unload(old[i]) }
        }
        return candidates
    }

    /// Candidate pairs through an inverted index over words that occur in
    /// few removed paragraphs: for each added paragraph, the removed ones
    /// sharing the most such words (ties to the earlier one), at most
    /// ``candidatesPerParagraph`` of them.
    ///
    /// The index is flat (word id → a slice of one array of paragraph
    /// indices), and the shared-word counts of one added paragraph live in
    /// one array reused for all of them, reset through the list of entries
    /// it touched; the best few are kept by insertion into a short sorted
    /// list instead of sorting every count. A candidate whose bag sizes
    /// bound its similarity below the threshold is not compared (it could
    /// not pass).
    /// - Complexity: O(Σ|bag| + k) to build the index (k distinct word ids),
    ///   then for each added paragraph O(w·r) to count (r = the rarity cap)
    ///   and O(t·c) to select (t removed paragraphs touched, c candidates
    ///   a paragraph), plus c similarities.
    private static func indexedCandidates(old: [WordBag], new: [WordBag], threshold: Double,
                                          counter: inout SharedCounter) -> [Pair] {
        // Word ids are dense and non-negative (interned); the index covers
        // the ids of the removed paragraphs, and larger ids have no postings.
        var top: Int32 = -1
        for bag in old { if let last = bag.ids.last, last > top { top = last } }
        let idCount = Int(top) + 1
        // start[id]..<start[id + 1] is the slice of `postings` listing the
        // removed paragraphs that have the word, in ascending order.
        var start = [Int](repeating: 0, count: idCount + 1)
        for bag in old {
            var previous: Int32 = -1
            for id in bag.ids where id != previous {
                start[Int(id) + 1] += 1
                previous = id
            }
        }
        for id in 0..<idCount { start[id + 1] += start[id] }
        var fill = start
        var postings = [Int](repeating: 0, count: start[idCount])
        for (i, bag) in old.enumerated() {
            var previous: Int32 = -1
            for id in bag.ids where id != previous {
                postings[fill[Int(id)]] = i
                fill[Int(id)] += 1
                previous = id
            }
        }
        // Words in more than this many paragraphs say little about which one is meant.
        var root = 1
        while root * root < old.count { root += 1 }
        let rare = max(8, root)
        var candidates: [Pair] = []
        var counts = [Int](repeating: 0, count: old.count)
        var touched: [Int] = []
        // The best candidates so far, by count descending, then index ascending.
        var best: [(old: Int, count: Int)] = []
        best.reserveCapacity(candidatesPerParagraph + 1)
        for (j, bag) in new.enumerated() {
            var previous: Int32 = -1
            for id in bag.ids where id != previous {
                previous = id
                guard Int(id) < idCount else { continue }
                let list = start[Int(id)]..<start[Int(id) + 1]
                guard !list.isEmpty, list.count <= rare else { continue }
                for p in list {
                    let i = postings[p]
                    if counts[i] == 0 { touched.append(i) }
                    counts[i] += 1
                }
            }
            best.removeAll(keepingCapacity: true)
            for i in touched {
                let count = counts[i]
                counts[i] = 0
                if best.count == candidatesPerParagraph,
                   let last = best.last, !(count > last.count || (count == last.count && i < last.old)) {
                    continue
                }
                var k = best.count
                while k > 0 && (count > best[k - 1].count || (count == best[k - 1].count && i < best[k - 1].old)) {
                    k -= 1
                }
                best.insert((i, count), at: k)
                if best.count > candidatesPerParagraph { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
            var loaded = false
            for (i, _) in best where old[i].similarityBound(with: bag) >= threshold {
                // The shared count is symmetric: the added paragraph's counts are loaded.
                if !loaded { counter.load(bag); loaded = true }
                let s = old[i].similarity(to: bag, shared: counter.sharedCount(with: old[i]))
                if s >= threshold { candidates.append(Pair(old: i, new: j, similarity: s)) }
            }
            if loaded { counter.unload(bag) }
        }
        return candidates
    }

    /// The chain of pairs, strictly increasing in both indices, with the
    /// largest total similarity.
    ///
    /// - Complexity: O(p log p) for p pairs.
    static func heaviestChain(_ pairs: [Pair], newCount: Int) -> [Pair] {
        guard !pairs.isEmpty else { return [] }
        // By old index; within one old index by new index descending, so two
        // pairs of the same removed paragraph never chain.
        let sorted = pairs.sorted { ($0.old, -$0.new) < ($1.old, -$1.new) }
        // Fenwick tree over new indices: best chain (weight, pair) ending at new index ≤ j.
        var tree = [(weight: Double, pair: Int)](repeating: (0, -1), count: newCount + 1)
        var best = [Double](repeating: 0, count: sorted.count)
        var back = [Int](repeating: -1, count: sorted.count)
        for (p, pair) in sorted.enumerated() {
            // Query the best chain over new indices < pair.new (tree positions 1...pair.new).
            var position = pair.new
            var top: (weight: Double, pair: Int) = (0, -1)
            while position > 0 {
                if tree[position].weight > top.weight { top = tree[position] }
                position -= position & -position
            }
            best[p] = top.weight + pair.similarity
            back[p] = top.pair
            position = pair.new + 1
            while position <= newCount {
                if best[p] > tree[position].weight { tree[position] = (best[p], p) }
                position += position & -position
            }
        }
        var end = 0
        for p in best.indices where best[p] > best[end] { end = p }
        var chain: [Pair] = []
        var p = end
        while p >= 0 {
            chain.append(sorted[p])
            p = back[p]
        }
        return chain.reversed()
    }
}

/// Counts the words a bag shares with one loaded bag, through a table of
/// the loaded bag's word counts by id: O(m) a bag counted, instead of a
/// merge's O(n + m), once the loaded bag's O(n) loading is shared by many.
///
/// The count is Σ over words of min(count here, count there), as
/// ``WordBag/sharedCount(with:)`` finds it by merging.
struct SharedCounter {
    /// By word id: how often the loaded bag has it (0 for every id when none is loaded).
    private var counts: [Int32] = []

    /// Creates an empty counter.
    init() {}

    /// Makes room for word ids up to `top`.
    mutating func reserve(top: Int32) {
        let needed = Int(top) + 1
        if counts.count < needed { counts += repeatElement(0, count: max(needed, counts.count * 2) - counts.count) }
    }

    /// Loads `bag` (whose ids are within the reserved range).
    mutating func load(_ bag: WordBag) {
        counts.withUnsafeMutableBufferPointer { counts in
            for id in bag.ids { counts[Int(id)] += 1 }
        }
    }

    /// Clears what ``load(_:)`` of `bag` set.
    mutating func unload(_ bag: WordBag) {
        counts.withUnsafeMutableBufferPointer { counts in
            for id in bag.ids { counts[Int(id)] = 0 }
        }
    }

    /// The number of words `other` shares with the loaded bag, counting
    /// repeats (its ids within the reserved range).
    ///
    /// - Complexity: O(m) in `other`'s size.
    func sharedCount(with other: WordBag) -> Int {
        counts.withUnsafeBufferPointer { counts in
            // Σ min(count here, count there) over the words: each word of
            // `other` (repeats included) counts 1 when the loaded bag has it,
            // and a word `other` repeats r times is then corrected from
            // r·[count here > 0] to min(count here, r).
            var shared = 0
            other.ids.withUnsafeBufferPointer { ids in
                for id in ids { shared += counts[Int(id)] != 0 ? 1 : 0 }
            }
            for r in other.repeats {
                let count = Int(counts[Int(r.id)])
                shared += min(count, Int(r.count)) - (count != 0 ? Int(r.count) : 0)
            }
            return shared
        }
    }
}
