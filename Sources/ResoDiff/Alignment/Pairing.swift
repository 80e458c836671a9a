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
        guard !old.isEmpty, !new.isEmpty else { return [] }
        var candidates: [Pair] = []
        if old.count * new.count <= allPairsLimit {
            for i in old.indices {
                for j in new.indices where old[i].similarityBound(with: new[j]) >= threshold {
                    let s = old[i].similarity(to: new[j])
                    if s >= threshold { candidates.append(Pair(old: i, new: j, similarity: s)) }
                }
            }
        } else {
            candidates = indexedCandidates(old: old, new: new, threshold: threshold)
        }
        return heaviestChain(candidates, newCount: new.count)
    }

    /// Candidate pairs through an inverted index over words that occur in
    /// few removed paragraphs: for each added paragraph, the removed ones
    /// sharing the most such words.
    private static func indexedCandidates(old: [WordBag], new: [WordBag], threshold: Double) -> [Pair] {
        var postings: [Int32: [Int]] = [:]
        for (i, bag) in old.enumerated() {
            var previous: Int32 = -1
            for id in bag.ids where id != previous {
                postings[id, default: []].append(i)
                previous = id
            }
        }
        // Words in more than this many paragraphs say little about which one is meant.
        var root = 1
        while root * root < old.count { root += 1 }
        let rare = max(8, root)
        var candidates: [Pair] = []
        var counts: [Int: Int] = [:]
        for (j, bag) in new.enumerated() {
            counts.removeAll(keepingCapacity: true)
            var previous: Int32 = -1
            for id in bag.ids where id != previous {
                previous = id
                guard let list = postings[id], list.count <= rare else { continue }
                for i in list { counts[i, default: 0] += 1 }
            }
            let best = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(candidatesPerParagraph)
            for (i, _) in best {
                let s = old[i].similarity(to: bag)
                if s >= threshold { candidates.append(Pair(old: i, new: j, similarity: s)) }
            }
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
