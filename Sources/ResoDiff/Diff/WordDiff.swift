/// The word-level diff of two paragraph texts, as a drafter reads a redline.
///
/// Tokens (see `Token`) are diffed with the Myers engine, then the result
/// goes through ``SemanticCleanup`` so that short equalities caught between
/// edits (a lone "the" or "and") are folded into the edits around them.
enum WordDiff {
    /// The word-level diff of `old` and `new`, as runs of display text.
    ///
    /// Each run's text includes the space before it when the source had one,
    /// so concatenating the `equal` and `delete` runs gives `old`, and the
    /// `equal` and `insert` runs give `new` (white space collapsed).
    ///
    /// - Complexity: O((n+m)·d) in the token counts n, m and edit distance d.
    static func edits(from old: String, to new: String) -> [WordEdit] {
        var interner = WordInterner(foldsCase: false)
        var a = TokenRanges(), b = TokenRanges()
        a.tokenize(old, interner: &interner)
        b.tokenize(new, interner: &interner)
        var buffers = WordDiffBuffers()
        let textScript = diff(ids: a.ids, b.ids, scratch: &buffers.scratch)
        return edits(from: a, to: b, textScript: textScript, buffers: &buffers)
    }

    /// The word-level diff of two tokenized texts, as runs of display text,
    /// given the diff of their token texts alone (spacing ignored), which the
    /// caller has computed anyway.
    ///
    /// Tokens are matched with the white space before them: an equal run
    /// is written once, so it can only stand for both sides when their
    /// spacing agrees. Where it does not (only possible next to punctuation:
    /// `full% and` against `full%and`), the token is deleted and inserted
    /// instead, and both texts can still be rebuilt from the runs. Whether
    /// two texts have the same words regardless of spacing is
    /// ``sameWords(_:_:)``'s question, not this one's. The space before each
    /// side's first token is dropped, as the texts are trimmed.
    ///
    /// When no text stands with two different spacings (the first tokens'
    /// spaces dropped), the spaced ids and the text ids are in one-to-one
    /// correspondence, so the two id sequences have the same pattern of
    /// equal elements; the engine compares ids only for equality, so the
    /// spaced diff *is* `textScript`, and it is not computed again.
    ///
    /// Nor is it when `textScript` has more edits than the engine's cost
    /// bound for these lengths: it may then be a heuristic script already,
    /// and a second run past the bound would cost as much as the first (on
    /// two unrelated paragraphs of megabytes, seconds). Its matched tokens
    /// whose spacing differs are deleted and inserted instead (`repaired`).
    /// Below the bound a script is minimal (see ``MyersDiff``), and the
    /// spaced diff is computed as before.
    ///
    /// - Parameters:
    ///   - textScript: `diff(ids: a.ids, b.ids)`.
    ///   - buffers: Buffers reused from one diff to the next (for texts
    ///     whose ids come from one interner).
    /// - Complexity: O(n+m) when the script is reused, else O((n+m)·d),
    ///   plus the semantic cleanup.
    static func edits(from a: TokenRanges, to b: TokenRanges, textScript: EditScript,
                      buffers: inout WordDiffBuffers) -> [WordEdit] {
        // A spaced token as one id: two spaced tokens are equal exactly
        // when their texts (so their text ids) and their spaces are.
        func spaced(_ tokens: TokenRanges, into ids: inout [Int32]) {
            ids.removeAll(keepingCapacity: true)
            for (k, span) in tokens.spans.enumerated() {
                ids.append(tokens.ids[k] &* 2 &+ (span.spaceBefore && k > 0 ? 1 : 0))
            }
        }
        spaced(a, into: &buffers.spacedA)
        spaced(b, into: &buffers.spacedB)
        let script: EditScript
        if buffers.oneToOne(text: a.ids, b.ids) {
            script = textScript
        } else if textScript.editCount > MyersDiff.defaultCostLimit(n: a.count, m: b.count) {
            script = repaired(textScript, buffers.spacedA, buffers.spacedB)
        } else {
            script = diff(ids: buffers.spacedA, buffers.spacedB, scratch: &buffers.scratch)
        }
        var runs: [SemanticCleanup.Run] = script.runs.map { run in
            switch run.operation {
            case .equal: .init(.equal, old: run.old, new: run.new)
            case .delete: .init(.delete, old: run.old, new: run.new)
            case .insert: .init(.insert, old: run.old, new: run.new)
            }
        }
        a.displayLengths(into: &buffers.lengthsA)
        b.displayLengths(into: &buffers.lengthsB)
        runs = SemanticCleanup.apply(runs, oldLengths: buffers.lengthsA, newLengths: buffers.lengthsB)
        var edits: [WordEdit] = []
        edits.reserveCapacity(runs.count)
        var first = true
        for run in runs {
            let text: String
            switch run.operation {
            case .equal, .delete: text = a.join(run.old, leading: !first, buffer: &buffers.bytes)
            case .insert: text = b.join(run.new, leading: !first, buffer: &buffers.bytes)
            }
            guard !text.isEmpty else { continue }
            edits.append(WordEdit(run.operation, text))
            first = false
        }
        return edits
    }

    /// `script`, a diff of two texts' token ids, as a diff of their spaced
    /// ids: each matched pair of tokens whose spaced ids differ (the same
    /// text, spaced differently) is deleted and inserted instead.
    ///
    /// - Complexity: O(n+m) in the token counts.
    static func repaired(_ script: EditScript, _ spacedA: [Int32], _ spacedB: [Int32]) -> EditScript {
        var deleted = [Bool](repeating: false, count: spacedA.count)
        var inserted = [Bool](repeating: false, count: spacedB.count)
        for run in script.runs {
            switch run.operation {
            case .delete: for x in run.old { deleted[x] = true }
            case .insert: for y in run.new { inserted[y] = true }
            case .equal:
                for (x, y) in zip(run.old, run.new) where spacedA[x] != spacedB[y] {
                    deleted[x] = true
                    inserted[y] = true
                }
            }
        }
        return EditScript(deleted: deleted, inserted: inserted)
    }

    /// True when `a` and `b` have the same tokens, whatever the white space
    /// between them: spacing is presentation, not a change of wording.
    ///
    /// - Complexity: O(n) in the token counts.
    static func sameWords(_ a: [Token], _ b: [Token]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.text == $1.text }
    }
}

/// Buffers that the word diffs of one comparison reuse: the spaced ids, the
/// one-to-one test's table, the engine's scratch, the display lengths and
/// the bytes of a run's text.
struct WordDiffBuffers {
    /// The engine's occurrence tables.
    var scratch = DiffScratch()
    fileprivate var spacedA: [Int32] = []
    fileprivate var spacedB: [Int32] = []
    /// By text id: the spaced id seen with it in the current test, valid
    /// where `stamp[id] == generation`.
    private var spacedOf: [Int32] = []
    private var stamp: [UInt32] = []
    private var generation: UInt32 = 0
    fileprivate var lengthsA: [Int] = []
    fileprivate var lengthsB: [Int] = []
    fileprivate var bytes: [UInt8] = []

    /// Creates empty buffers.
    init() {}

    /// Whether each text id goes with one spaced id only (in `spacedA` and
    /// `spacedB`), over both sequences, position by position. A spaced id
    /// always determines its text id, so this makes the correspondence
    /// one-to-one.
    ///
    /// - Complexity: O(n+m), amortized.
    fileprivate mutating func oneToOne(text ta: [Int32], _ tb: [Int32]) -> Bool {
        var top: Int32 = -1
        for id in ta where id > top { top = id }
        for id in tb where id > top { top = id }
        let needed = Int(top) + 1
        if stamp.count < needed {
            let grown = max(needed, stamp.count * 2)
            spacedOf += repeatElement(-1, count: grown - spacedOf.count)
            stamp += repeatElement(0, count: grown - stamp.count)
        }
        if generation == UInt32.max {
            for k in stamp.indices { stamp[k] = 0 }
            generation = 0
        }
        generation += 1
        let generation = generation
        func agrees(_ spaced: [Int32], _ text: [Int32]) -> Bool {
            for (s, t) in zip(spaced, text) {
                if stamp[Int(t)] != generation {
                    stamp[Int(t)] = generation
                    spacedOf[Int(t)] = s
                } else if spacedOf[Int(t)] != s {
                    return false
                }
            }
            return true
        }
        return agrees(spacedA, ta) && agrees(spacedB, tb)
    }
}
