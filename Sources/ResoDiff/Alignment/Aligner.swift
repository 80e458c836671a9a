import Dispatch

/// Compares two versions of a resolution: which paragraph became which, and
/// what kind of change each is.
///
/// The stages (Guides/Alignment.md explains each and why):
/// 1. header fields compared as fields;
/// 2. paragraphs aligned by the Myers engine on their comparison keys, which
///    ignore numbers, letters, white space, quote style and markup, so a
///    renumbered paragraph is equal, not reworded;
/// 3. inside each replaced stretch, removed and added paragraphs paired by
///    word similarity (``Options/threshold``), in document order;
///    a paired paragraph with unpaired neighbours whose words it contains
///    is a split (one old, several new) or a merge (several old, one new);
/// 4. across the document, a removed paragraph and an added one that are
///    identical or nearly so are one move;
/// 5. every rewording classified (technical, verb, substantive).
public struct Aligner: Sendable {
    /// Tuning of the alignment.
    public struct Options: Hashable, Sendable {
        /// The least word similarity (Dice coefficient over words, 0…1) at
        /// which a removed and an added paragraph count as one reworded
        /// paragraph. Default 0.5: at least half the words in common.
        public var threshold: Double
        /// The least word similarity at which a removed and an added
        /// paragraph in different places count as one moved paragraph.
        /// Default 0.8: nearly identical.
        public var moveThreshold: Double
        /// The share of a fragment's words that must stand in the whole for
        /// a split or merge. Default 0.7.
        public var containmentThreshold: Double
        /// Replaced stretches holding fewer paragraphs than this in all are
        /// paired on one thread (tests set it out of reach to compare).
        var parallelPairingMinimum = 128
        /// Comparisons with fewer changes than this have their list of changes
        /// made on one thread (tests set it to 0 or out of reach to compare).
        var parallelFillMinimum = 4096

        /// Creates options; every parameter has the documented default.
        public init(threshold: Double = 0.5, moveThreshold: Double = 0.8, containmentThreshold: Double = 0.7) {
            self.threshold = threshold
            self.moveThreshold = moveThreshold
            self.containmentThreshold = containmentThreshold
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates an aligner.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Compares `old` with `new`.
    ///
    /// - Parameters:
    ///   - old: The earlier version.
    ///   - new: The later version.
    ///   - oldName: What reports call the earlier version (a path).
    ///   - newName: What reports call the later version.
    /// - Returns: Header changes and every paragraph's change, in document order.
    /// - Complexity: O((p+q)·D) for the paragraph alignment (p, q paragraphs,
    ///   D paragraphs changed), plus the pairing of each replaced stretch
    ///   (see `Pairing`) and O(w·d) word diffs of the paired paragraphs.
    public func compare(_ old: Resolution, _ new: Resolution, oldName: String = "old",
                        newName: String = "new") -> Comparison {
        let headerChanges = Header.Field.allCases.compactMap { field -> Comparison.HeaderChange? in
            let a = old.header[field], b = new.header[field]
            let same = a.map(TextNormalizer.comparisonKey) == b.map(TextNormalizer.comparisonKey)
            return same ? nil : Comparison.HeaderChange(field: field, old: a, new: b)
        }
        var work = Work(old: old.paragraphs, new: new.paragraphs, options: options)
        let changes = work.changes()
        return Comparison(oldName: oldName, newName: newName, old: old, new: new,
                          headerChanges: headerChanges, changes: changes)
    }
}

/// The state of one paragraph comparison.
///
/// A value: every member is a value type (arrays, dictionaries and structs of
/// them, copy on write), so a copy handed to another thread shares nothing
/// either can change (``slots(for:)``). Unchecked only because the members'
/// types (interners, buffers) do not declare it.
private struct Work: @unchecked Sendable {
    let old: [Paragraph]
    let new: [Paragraph]
    let options: Aligner.Options
    var words = WordInterner()
    /// What every rewording shares: the token texts' interner (no case
    /// folding), buffers, the tokens of the pair at hand.
    var rewordings = RewordingClassifier.Context()
    /// Shared-word counting for the pairing of every stretch.
    var counter = SharedCounter()
    var oldBags: [WordBag?]
    var newBags: [WordBag?]
    /// The paragraphs' comparison keys as ids (equal ids, equal keys).
    var oldKeys: [Int32] = []
    var newKeys: [Int32] = []

    /// A place in the output: an unchanged pair, or a paragraph still
    /// waiting to learn whether it moved, or a group of paired ones.
    ///
    /// Plain indices: the change of an unchanged pair is made once, where it
    /// stands in the final list (``resolveMoves(_:groupChanges:)``), reading
    /// its paragraphs in place (``Change/init(unchanged:_:in:)``), not made
    /// here and copied there.
    enum Slot {
        case unchanged(old: Int, new: Int)
        case removed(Int)
        case added(Int)
        /// A group of paired paragraphs, whose change is worked out once every
        /// stretch is paired: the `index`-th group the run `part` of the pairing
        /// found (see ``groupStarts``).
        case group(part: Int, index: Int)
    }

    /// The groups of paired paragraphs found so far, in document order.
    var groups: [Group] = []
    /// The run of the pairing this work is doing (``slots(for:)``); 0 on one thread.
    var part = 0
    /// By run of the pairing: where its groups start in ``groups``.
    var groupStarts: [Int] = [0]

    /// Paired paragraphs: one old and one new (a rewording), or more on one side.
    struct Group: Sendable {
        var old: [Int]
        var new: [Int]
        var similarity: Double
    }

    init(old: [Paragraph], new: [Paragraph], options: Aligner.Options) {
        self.old = old
        self.new = new
        self.options = options
        oldBags = Array(repeating: nil, count: old.count)
        newBags = Array(repeating: nil, count: new.count)
    }

    mutating func oldBag(_ i: Int) -> WordBag {
        if let bag = oldBags[i] { return bag }
        let bag = WordBag(old[i].text, interner: &words)
        oldBags[i] = bag
        return bag
    }

    mutating func newBag(_ j: Int) -> WordBag {
        if let bag = newBags[j] { return bag }
        let bag = WordBag(new[j].text, interner: &words)
        newBags[j] = bag
        return bag
    }

    mutating func changes() -> [Change] {
        (oldKeys, newKeys) = KeyIDs.ids(old: old, new: new)
        let script = diff(ids: oldKeys, newKeys)

        // The script as runs of unchanged paragraphs and replaced stretches, in order.
        var steps: [Step] = []
        var pendingDeleted: Range<Int>?
        for run in script.runs {
            switch run.operation {
            case .equal:
                if let removed = pendingDeleted {
                    steps.append(.replaced(Stretch(removed: removed, added: run.new.lowerBound..<run.new.lowerBound)))
                    pendingDeleted = nil
                }
                steps.append(.unchanged(old: run.old, new: run.new))
            case .delete:
                pendingDeleted = run.old
            case .insert:
                steps.append(.replaced(Stretch(removed: pendingDeleted ?? run.old, added: run.new)))
                pendingDeleted = nil
            }
        }
        if let removed = pendingDeleted {
            steps.append(.replaced(Stretch(removed: removed, added: new.count..<new.count)))
        }
        let parts = slots(for: steps)
        return resolveMoves(parts, groupChanges: groupedChanges())
    }

    /// The change of every group, in the order of ``groups``.
    ///
    /// Each group's change depends on its paragraphs alone (a rewording's
    /// context only holds buffers and interned tokens), so many groups are
    /// worked out on all cores in runs, each thread with a context of its own;
    /// the results are those of one shared context
    /// (`RewordingEquivalenceTests`).
    /// - Complexity: the rewordings' cost, spread over the cores.
    mutating func groupedChanges() -> [Change] {
        // A few groups are not worth waking other threads for.
        let (groups, old, new) = (self.groups, self.old, self.new)
        guard groups.count >= 64 else {
            var changes: [Change] = []
            changes.reserveCapacity(groups.count)
            for group in groups { changes.append(Self.change(for: group, old: old, new: new, context: &rewordings)) }
            return changes
        }
        // Runs taken by the threads as each comes free, each thread with a context of its own.
        let chunks = Self.pairingParts
        let results = ThreadSlots<Change?>(count: groups.count, initial: nil)
        WorkClaims.run(parts: chunks, start: { RewordingClassifier.Context() }) { context, c in
            for k in (c * groups.count / chunks)..<((c + 1) * groups.count / chunks) {
                results[k] = Self.change(for: groups[k], old: old, new: new, context: &context)
            }
        }
        return results.values.map { $0! }
    }

    /// Removed paragraphs and the added ones that replace them.
    struct Stretch: Sendable {
        var removed: Range<Int>
        var added: Range<Int>
    }

    /// A step of the paragraph script.
    enum Step {
        case unchanged(old: Range<Int>, new: Range<Int>)
        case replaced(Stretch)
    }

    /// The slots of every step, in order: unchanged paragraphs as they are,
    /// each replaced stretch paired (``stretch(removed:added:)``).
    ///
    /// Stretches are independent of each other: when they hold many
    /// paragraphs, the steps are cut in ``pairingParts`` runs of about the
    /// same work, which the threads take as each comes free
    /// (``WorkClaims``), each thread with a word interner, counter and word
    /// bags of its own (a bag's similarities do not depend on how its words
    /// are numbered); each run numbers its groups from 0, and ``groupStarts``
    /// places them in ``groups``, in document order. The word bags stay with
    /// the threads: moves work out the few they need again.
    ///
    /// The slots come back in runs (one when the pairing ran on one thread),
    /// taken over as the threads left them: joining them copied every change
    /// into a new array of 3 MB, whose first touch the machine sometimes
    /// charged 10 ms for.
    /// - Complexity: the stretches' pairing, spread over the cores.
    mutating func slots(for steps: [Step]) -> [[Slot]] {
        // An unchanged paragraph costs a change to build; a replaced one, a bag and its pairing.
        var weights: [Int] = []
        weights.reserveCapacity(steps.count)
        var replaced = 0
        for step in steps {
            switch step {
            case .unchanged(let olds, _):
                weights.append(olds.count)
            case .replaced(let stretch):
                replaced += stretch.removed.count + stretch.added.count
                weights.append(4 * (stretch.removed.count + stretch.added.count))
            }
        }
        guard steps.count >= 2, replaced >= options.parallelPairingMinimum else {
            var slots: [Slot] = []
            for step in steps { append(step, to: &slots) }
            return [slots]
        }
        // Consecutive runs of steps, each about 1/pairingParts of the total weight.
        let total = weights.reduce(0, +)
        var cuts: [Range<Int>] = []
        var start = 0, before = 0
        for k in steps.indices {
            before += weights[k]
            if before * Self.pairingParts >= total * (cuts.count + 1), k + 1 < steps.count {
                cuts.append(start..<(k + 1))
                start = k + 1
            }
        }
        cuts.append(start..<steps.count)
        let parts = cuts
        let base = self
        let results = ThreadSlots<(slots: [Slot], groups: [Group])>(count: parts.count, initial: ([], []))
        WorkClaims.run(parts: parts.count, start: { () -> Work in
            var work = base
            work.words = WordInterner()
            work.counter = SharedCounter()
            // Bag arrays of the thread's own: the shared ones would be copied, element by element, at the first bag.
            work.oldBags = Array(repeating: nil, count: base.old.count)
            work.newBags = Array(repeating: nil, count: base.new.count)
            return work
        }) { work, h in
            work.groups = []
            work.part = h
            var slots: [Slot] = []
            slots.reserveCapacity(parts[h].reduce(0) { $0 + Self.paragraphCount(of: steps[$1]) })
            for k in parts[h] { work.append(steps[k], to: &slots) }
            results[h] = (slots, work.groups)
        }
        var runs: [[Slot]] = []
        groupStarts = []
        for h in parts.indices {
            let (run, groups) = results[h]
            results[h] = ([], [])  // the run's array is then this code's alone: taken over, not copied
            groupStarts.append(self.groups.count)
            self.groups += groups
            runs.append(run)
        }
        return runs
    }

    /// How many runs ``slots(for:)`` and ``groupedChanges()`` cut their work
    /// into: enough that the threads finish together when one core runs
    /// slower than the other, few enough that handing them out costs nothing.
    static let pairingParts = 8

    /// The paragraphs `step` covers on both sides: at most the slots it makes.
    private static func paragraphCount(of step: Step) -> Int {
        switch step {
        case .unchanged(let olds, _): olds.count
        case .replaced(let stretch): stretch.removed.count + stretch.added.count
        }
    }

    /// Appends the slots of `step`.
    private mutating func append(_ step: Step, to slots: inout [Slot]) {
        switch step {
        case .unchanged(let olds, let news):
            for (i, j) in zip(olds, news) {
                slots.append(.unchanged(old: i, new: j))
            }
        case .replaced(let stretch):
            slots += self.stretch(removed: stretch.removed, added: stretch.added)
        }
    }

    /// Pairs one replaced stretch and returns its slots in document order.
    mutating func stretch(removed: Range<Int>, added: Range<Int>) -> [Slot] {
        if removed.isEmpty { return added.map { .added($0) } }
        if added.isEmpty { return removed.map { .removed($0) } }
        let removedBags = removed.map { oldBag($0) }
        let addedBags = added.map { newBag($0) }
        let pairs = Pairing.pairs(old: removedBags, new: addedBags, threshold: options.threshold, counter: &counter)

        // Group each pair with unpaired neighbours it contains (split) or
        // that contain it (merge). Neighbours are looked for between the
        // previous pair and the next one, so groups never cross.
        var oldUsed = Set(pairs.map { removed.lowerBound + $0.old })
        var newUsed = Set(pairs.map { added.lowerBound + $0.new })
        var found: [Group] = []
        for pair in pairs {
            let i = removed.lowerBound + pair.old, j = added.lowerBound + pair.new
            var groupOld = [i], groupNew = [j]
            // Split: unpaired added neighbours whose words stand in old[i].
            var k = j + 1
            while k < added.upperBound, !newUsed.contains(k),
                  newBag(k).containment(in: oldBag(i)) >= options.containmentThreshold {
                groupNew.append(k); newUsed.insert(k); k += 1
            }
            k = j - 1
            while k >= added.lowerBound, !newUsed.contains(k),
                  newBag(k).containment(in: oldBag(i)) >= options.containmentThreshold {
                groupNew.insert(k, at: 0); newUsed.insert(k); k -= 1
            }
            if groupNew.count == 1 {
                // Merge: unpaired removed neighbours whose words stand in new[j].
                k = i + 1
                while k < removed.upperBound, !oldUsed.contains(k),
                      oldBag(k).containment(in: newBag(j)) >= options.containmentThreshold {
                    groupOld.append(k); oldUsed.insert(k); k += 1
                }
                k = i - 1
                while k >= removed.lowerBound, !oldUsed.contains(k),
                      oldBag(k).containment(in: newBag(j)) >= options.containmentThreshold {
                    groupOld.insert(k, at: 0); oldUsed.insert(k); k -= 1
                }
            }
            var similarity = pair.similarity
            if groupOld.count > 1 || groupNew.count > 1 {
                let before = WordBag.union(groupOld.map { oldBag($0) })
                let after = WordBag.union(groupNew.map { newBag($0) })
                similarity = before.similarity(to: after)
            }
            found.append(Group(old: groupOld, new: groupNew, similarity: similarity))
        }

        // Emit in document order: before each group, the unpaired removed
        // paragraphs that precede it, then the unpaired added ones.
        var slots: [Slot] = []
        var nextOld = removed.lowerBound, nextNew = added.lowerBound
        func flush(toOld: Int, toNew: Int, into slots: inout [Slot]) {
            while nextOld < toOld { if !oldUsed.contains(nextOld) { slots.append(.removed(nextOld)) }; nextOld += 1 }
            while nextNew < toNew { if !newUsed.contains(nextNew) { slots.append(.added(nextNew)) }; nextNew += 1 }
        }
        for group in found {
            flush(toOld: group.old[0], toNew: group.new[0], into: &slots)
            groups.append(group)
            slots.append(.group(part: part, index: groups.count - 1))
            nextOld = max(nextOld, (group.old.last ?? 0) + 1)
            nextNew = max(nextNew, (group.new.last ?? 0) + 1)
        }
        flush(toOld: removed.upperBound, toNew: added.upperBound, into: &slots)
        return slots
    }

    /// The change for a group of paired paragraphs.
    static func change(for group: Group, old: [Paragraph], new: [Paragraph],
                       context rewordings: inout RewordingClassifier.Context) -> Change {
        let similarity = group.similarity
        let before = group.old.map { old[$0] }, after = group.new.map { new[$0] }
        let kind: Change.Kind = before.count > 1 ? .merged : after.count > 1 ? .split : .reworded
        // The texts tokenized once, for the same-words test and the rewording
        // (a group's texts are joined with a space, as the rewording reads them).
        rewordings.load(old: before.count == 1 ? before[0].text : before.map(\.text).joined(separator: " "),
                        new: after.count == 1 ? after[0].text : after.map(\.text).joined(separator: " "))
        if kind == .reworded && rewordings.sameWords {
            // Same words, other keys (e.g. only the spacing next to punctuation):
            // treat as unchanged. Asked of the tokens, not of `rewording.words`,
            // whose runs show a spacing change so that both texts rebuild.
            return Change(kind: .unchanged, old: before, new: after)
        }
        let rewording = RewordingClassifier.rewording(
            oldOpening: before.first?.opening, newOpening: after.first?.opening,
            similarity: similarity, context: &rewordings)
        return Change(kind: kind, old: before, new: after, rewording: rewording)
    }

    /// Turns removed and added paragraphs that are the same (or nearly) into
    /// moves, placed where the paragraph now stands; the runs of slots in
    /// order, each group's change from `groupChanges` (in the order of ``groups``).
    mutating func resolveMoves(_ runs: [[Slot]], groupChanges: [Change]) -> [Change] {
        // By position in all the runs together: the removed and added paragraphs.
        var removedSlots: [(slot: Int, paragraph: Int)] = [], addedSlots: [(slot: Int, paragraph: Int)] = []
        var firstSlots: [Int] = []  // by run
        var total = 0
        for run in runs {
            firstSlots.append(total)
            for k in run.indices {
                switch run[k] {
                case .removed(let i): removedSlots.append((total + k, i))
                case .added(let j): addedSlots.append((total + k, j))
                case .unchanged, .group: break
                }
            }
            total += run.count
        }
        // By slot (arrays, not hashed): an added slot's old paragraph index
        // if it moved (else -1); whether a removed slot moved.
        var movedFrom = [Int](repeating: -1, count: total)
        var consumed = [Bool](repeating: false, count: total)
        if !removedSlots.isEmpty && !addedSlots.isEmpty {
            // Identical keys first, in document order.
            // (Keys by id: equal ids are equal keys.)
            var byKey: [Int32: [(slot: Int, paragraph: Int)]] = [:]
            for removed in removedSlots { byKey[oldKeys[removed.paragraph], default: []].append(removed) }
            for added in addedSlots {
                guard var list = byKey[newKeys[added.paragraph]], !list.isEmpty else { continue }
                let removed = list.removeFirst()
                byKey[newKeys[added.paragraph]] = list
                movedFrom[added.slot] = removed.paragraph
                consumed[removed.slot] = true
            }
            // Then near-identical ones: the best remaining match above the move threshold.
            let restRemoved = removedSlots.filter { !consumed[$0.slot] }
            let restAdded = addedSlots.filter { movedFrom[$0.slot] < 0 }
            if !restRemoved.isEmpty && !restAdded.isEmpty {
                let rb = restRemoved.map { oldBag($0.paragraph) }
                let ab = restAdded.map { newBag($0.paragraph) }
                for match in nearMatches(rb, ab) {
                    let removed = restRemoved[match.0], added = restAdded[match.1]
                    movedFrom[added.slot] = removed.paragraph
                    consumed[removed.slot] = true
                }
            }
        }

        // The moves' changes first (their rewordings use this work's context and bags).
        var moves: [Int: Change] = [:]  // by slot
        for (s, j) in addedSlots where movedFrom[s] >= 0 {
            let i = movedFrom[s]
            var change = Change(kind: .moved, old: [old[i]], new: [new[j]])
            if oldKeys[i] != newKeys[j] {
                let similarity = oldBag(i).similarity(to: newBag(j))
                rewordings.load(old: old[i].text, new: new[j].text)
                change.rewording = RewordingClassifier.rewording(
                    oldOpening: old[i].opening, newOpening: new[j].opening,
                    similarity: similarity, context: &rewordings)
            }
            moves[s] = change
        }

        // Where each run's changes start: a removed paragraph that moved has none.
        var firstChanges: [Int] = []
        var changeCount = 0
        for (r, run) in runs.enumerated() {
            firstChanges.append(changeCount)
            changeCount += run.count
            for k in run.indices where consumed[firstSlots[r] + k] { changeCount -= 1 }
        }
        // Every run's changes made in their place in the list, the runs shared
        // by two threads when there are many changes.
        let (old, new, groupStarts) = (self.old, self.new, self.groupStarts)
        return [Change](unsafeUninitializedCapacity: changeCount) { buffer, initialized in
            let out = ChangeBuffer(base: buffer.baseAddress)
            func fill(_ r: Int) {
                var at = firstChanges[r]
                let run = runs[r]
                // The run's unchanged pairs read the paragraphs from here (one a run: see `PairSource`).
                var source: PairSource?
                for k in run.indices {
                    let s = firstSlots[r] + k
                    let change: Change
                    switch run[k] {
                    case .unchanged(let i, let j):
                        if source == nil { source = PairSource(old: old, new: new) }
                        change = Change(unchanged: i, j, in: source!)
                    case .group(let part, let index):
                        change = groupChanges[groupStarts[part] + index]
                    case .removed(let i):
                        if consumed[s] { continue }
                        change = Change(kind: .removed, old: [old[i]], new: [])
                    case .added(let j):
                        change = moves[s] ?? Change(kind: .added, old: [], new: [new[j]])
                    }
                    (out.base! + at).initialize(to: change)
                    at += 1
                }
            }
            if runs.count > 1 && changeCount >= options.parallelFillMinimum {
                WorkClaims.run(parts: runs.count, start: {}) { _, r in fill(r) }
            } else {
                for r in runs.indices { fill(r) }
            }
            initialized = changeCount
        }
    }

    /// Greedy best-first matching of removed to added bags above the move
    /// threshold (order does not matter for moves).
    mutating func nearMatches(_ removed: [WordBag], _ added: [WordBag]) -> [(Int, Int)] {
        // All candidates, not an order-preserving chain: a move may cross anything.
        var candidates = Pairing.candidates(old: removed, new: added, threshold: options.moveThreshold,
                                            counter: &counter)
            .map { ($0.similarity, $0.old, $0.new) }
        candidates.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var usedR = Set<Int>(), usedA = Set<Int>()
        var matches: [(Int, Int)] = []
        for (_, r, s) in candidates where !usedR.contains(r) && !usedA.contains(s) {
            usedR.insert(r); usedA.insert(s)
            matches.append((r, s))
        }
        return matches
    }
}

/// Where ``Work/resolveMoves(_:groupChanges:)`` makes the changes: the
/// memory of the list being built, each position written by one thread.
private struct ChangeBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Change>?
}
