import Testing
@testable import ResoDiff

// The rewording pipeline as it was before round three (commit 491a112):
// tokens as substrings, display lengths counted per token, hunks classified
// by `TechnicalTokens.isTechnicalHunk` on substrings. `RewordingEquivalenceTests`
// holds the byte-range pipeline to the same results. Copied verbatim but for
// the type names.

enum ReferenceCleanup {
    /// A run over token ranges of both sequences.
    struct Run: Hashable {
        var operation: WordEdit.Operation
        var old: Range<Int>
        var new: Range<Int>

        init(_ operation: WordEdit.Operation, old: Range<Int>, new: Range<Int>) {
            self.operation = operation
            self.old = old
            self.new = new
        }
    }

    /// Applies the cleanup to runs over `oldTokens` and `newTokens`.
    ///
    /// - Complexity: O(r²) in the number of runs r in the worst case (each
    ///   pass removes at least one equality); O(r) in the usual case.
    static func apply(_ input: [Run], oldTokens: [Token], newTokens: [Token]) -> [Run] {
        func length(_ tokens: ArraySlice<Token>) -> Int {
            tokens.reduce(0) { $0 + $1.text.unicodeScalars.count + ($1.spaceBefore ? 1 : 0) }
        }
        var runs = normalize(input)
        var changed = true
        while changed {
            changed = false
            // Edit lengths (characters deleted, inserted) since the last equality.
            var i = 0
            var before = (deleted: 0, inserted: 0)
            var out: [Run] = []
            while i < runs.count {
                let run = runs[i]
                switch run.operation {
                case .delete: before.deleted += length(oldTokens[run.old]); out.append(run)
                case .insert: before.inserted += length(newTokens[run.new]); out.append(run)
                case .equal:
                    // Look ahead at the edits after this equality.
                    var after = (deleted: 0, inserted: 0)
                    var j = i + 1
                    while j < runs.count && runs[j].operation != .equal {
                        if runs[j].operation == .delete { after.deleted += length(oldTokens[runs[j].old]) }
                        else { after.inserted += length(newTokens[runs[j].new]) }
                        j += 1
                    }
                    let size = length(oldTokens[run.old])
                    let hasEditsBefore = before.deleted + before.inserted > 0
                    let hasEditsAfter = after.deleted + after.inserted > 0
                    if hasEditsBefore && hasEditsAfter
                        && size <= max(before.deleted, before.inserted)
                        && size <= max(after.deleted, after.inserted) {
                        // Fold the equality into the edits: delete it, insert it.
                        out.append(Run(.delete, old: run.old, new: run.new.lowerBound..<run.new.lowerBound))
                        out.append(Run(.insert, old: run.old.upperBound..<run.old.upperBound, new: run.new))
                        changed = true
                        // The merged edit counts towards the next equality's "before".
                        before.deleted += size + after.deleted
                        before.inserted += size + after.inserted
                        out.append(contentsOf: runs[(i + 1)..<j])
                        i = j
                        continue
                    }
                    out.append(run)
                    before = (0, 0)
                }
                i += 1
            }
            runs = normalize(out)
        }
        return runs
    }

    /// Merges adjacent runs of one operation and puts each stretch's
    /// deletions before its insertions, with ranges recomputed in order.
    private static func normalize(_ runs: [Run]) -> [Run] {
        var out: [Run] = []
        var x = 0, y = 0
        var i = 0
        while i < runs.count {
            if runs[i].operation == .equal {
                let start = (x, y)
                while i < runs.count && runs[i].operation == .equal {
                    x += runs[i].old.count; y += runs[i].new.count; i += 1
                }
                if x > start.0 { out.append(Run(.equal, old: start.0..<x, new: start.1..<y)) }
                continue
            }
            var deleted = 0, inserted = 0
            while i < runs.count && runs[i].operation != .equal {
                if runs[i].operation == .delete { deleted += runs[i].old.count } else { inserted += runs[i].new.count }
                i += 1
            }
            if deleted > 0 { out.append(Run(.delete, old: x..<(x + deleted), new: y..<y)) }
            if inserted > 0 { out.append(Run(.insert, old: (x + deleted)..<(x + deleted), new: y..<(y + inserted))) }
            x += deleted
            y += inserted
        }
        return out
    }
}

enum ReferenceWordDiff {
    /// The word-level diff of `old` and `new`, as runs of display text.
    ///
    /// Each run's text includes the space before it when the source had one,
    /// so concatenating the `equal` and `delete` runs gives `old`, and the
    /// `equal` and `insert` runs give `new` (white space collapsed).
    ///
    /// - Complexity: O((n+m)·d) in the token counts n, m and edit distance d.
    static func edits(from old: String, to new: String) -> [WordEdit] {
        edits(from: Token.tokenize(old), to: Token.tokenize(new))
    }

    /// The word-level diff of two token sequences.
    ///
    /// Tokens are matched with the white space before them: an equal run
    /// is written once, so it can only stand for both sides when their
    /// spacing agrees. Where it does not (only possible next to punctuation:
    /// `full% and` against `full%and`), the token is deleted and inserted
    /// instead, and both texts can still be rebuilt from the runs. Whether
    /// two texts have the same words regardless of spacing is
    /// ``sameWords(_:_:)``'s question, not this one's. The space before each
    /// side's first token is dropped, as the texts are trimmed.
    static func edits(from a: [Token], to b: [Token]) -> [WordEdit] {
        edits(from: a, to: b, textIDs: nil, textScript: nil)
    }

    /// The word-level diff of two token sequences, as `edits(from:to:)` over tokens,
    /// given the diff of their texts alone (spacing ignored), which the
    /// caller has computed anyway.
    ///
    /// When no text stands with two different spacings (the first tokens'
    /// spaces dropped), the spaced ids and the text ids are in one-to-one
    /// correspondence, so the two id sequences have the same pattern of
    /// equal elements; the engine compares ids only for equality, so the
    /// spaced diff *is* `textScript`, and it is not computed again.
    ///
    /// - Parameters:
    ///   - textIDs: The ids of `a`'s and `b`'s texts (`Token.text`), from one interner.
    ///   - textScript: `diff(ids: textIDs.a, textIDs.b)`.
    /// - Complexity: O(n+m) when the script is reused, else as `edits(from:to:)` over tokens.
    static func edits(from a: [Token], to b: [Token], textIDs: (a: [Int32], b: [Int32]),
                      textScript: EditScript) -> [WordEdit] {
        edits(from: a, to: b, textIDs: textIDs, textScript: textScript as EditScript?)
    }

    private static func edits(from a: [Token], to b: [Token], textIDs: (a: [Int32], b: [Int32])?,
                              textScript: EditScript?) -> [WordEdit] {
        var a = a, b = b
        if !a.isEmpty { a[0].spaceBefore = false }
        if !b.isEmpty { b[0].spaceBefore = false }
        if let textIDs, let textScript, textIDs.a.count == a.count, textIDs.b.count == b.count {
            // A spaced token as one id: two spaced tokens are equal exactly
            // when their texts (so their text ids) and their spaces are.
            func spaced(_ tokens: [Token], _ ids: [Int32]) -> [Int32] {
                zip(tokens, ids).map { token, id in id &* 2 &+ (token.spaceBefore ? 1 : 0) }
            }
            let ia = spaced(a, textIDs.a), ib = spaced(b, textIDs.b)
            if oneToOne(spaced: ia, ib, text: textIDs.a, textIDs.b) {
                return runs(of: a, b, script: textScript)
            }
            return runs(of: a, b, script: diff(ids: ia, ib))
        }
        var interner = Interner<SpacedText>()
        let ia = a.map { interner.id(SpacedText(text: $0.text, spaceBefore: $0.spaceBefore)) }
        let ib = b.map { interner.id(SpacedText(text: $0.text, spaceBefore: $0.spaceBefore)) }
        return runs(of: a, b, script: diff(ids: ia, ib))
    }

    /// Whether each text id goes with one spaced id only, over both
    /// sequences (position by position). A spaced id always determines its
    /// text id, so this makes the correspondence one-to-one.
    ///
    /// - Complexity: O(n+m+k) for k distinct text ids.
    private static func oneToOne(spaced sa: [Int32], _ sb: [Int32], text ta: [Int32], _ tb: [Int32]) -> Bool {
        var top: Int32 = -1
        for id in ta where id > top { top = id }
        for id in tb where id > top { top = id }
        var spacedOf = [Int32](repeating: -1, count: Int(top) + 1)
        func agrees(_ spaced: [Int32], _ text: [Int32]) -> Bool {
            for (s, t) in zip(spaced, text) {
                let known = spacedOf[Int(t)]
                if known == -1 { spacedOf[Int(t)] = s } else if known != s { return false }
            }
            return true
        }
        return agrees(sa, ta) && agrees(sb, tb)
    }

    /// The display runs of a diff `script` over spaced tokens `a` and `b`
    /// (first tokens' spaces already dropped), after semantic cleanup.
    ///
    /// - Complexity: O(r²) in the number of runs of `script` at worst (the
    ///   semantic cleanup), plus O(n+m) to join the runs' text.
    private static func runs(of a: [Token], _ b: [Token], script: EditScript) -> [WordEdit] {
        var runs: [ReferenceCleanup.Run] = script.runs.map { run in
            switch run.operation {
            case .equal: .init(.equal, old: run.old, new: run.new)
            case .delete: .init(.delete, old: run.old, new: run.new)
            case .insert: .init(.insert, old: run.old, new: run.new)
            }
        }
        runs = ReferenceCleanup.apply(runs, oldTokens: a, newTokens: b)
        var edits: [WordEdit] = []
        var first = true
        for run in runs {
            let text: String
            switch run.operation {
            case .equal, .delete: text = Token.join(a[run.old], leading: !first)
            case .insert: text = Token.join(b[run.new], leading: !first)
            }
            guard !text.isEmpty else { continue }
            edits.append(WordEdit(run.operation, text))
            first = false
        }
        return edits
    }

    /// True when `a` and `b` have the same tokens, whatever the white space
    /// between them: spacing is presentation, not a change of wording.
    ///
    /// - Complexity: O(n) in the token counts.
    static func sameWords(_ a: [Token], _ b: [Token]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.text == $1.text }
    }

    /// A token's text with its leading-space flag, compared as a pair.
    private struct SpacedText: Hashable {
        var text: Substring
        var spaceBefore: Bool
    }
}

enum ReferenceRewording {
    /// The rewording from `old` to `new` texts, whose openings are given.
    ///
    /// - Complexity: O((n+m)·d) in the token counts and their edit distance.
    static func rewording(old: String, new: String, oldOpening: String?, newOpening: String?,
                          similarity: Double) -> Rewording {
        var interner = WordInterner(foldsCase: false)
        return rewording(old: Token.tokenize(old), new: Token.tokenize(new), oldOpening: oldOpening,
                         newOpening: newOpening, similarity: similarity, interner: &interner)
    }

    /// The rewording from the tokens `a` to the tokens `b` (of texts whose
    /// openings are given), for a caller that has tokenized the texts already.
    ///
    /// - Parameter interner: Interns the tokens' texts (without case folding);
    ///   one interner can serve every rewording of a comparison, since the
    ///   diff engine compares ids only for equality.
    /// - Complexity: O((n+m)·d) in the token counts and their edit distance,
    ///   plus O(k) for the largest id k.
    static func rewording(old a: [Token], new b: [Token], oldOpening: String?, newOpening: String?,
                          similarity: Double, interner: inout WordInterner) -> Rewording {
        // The display diff matches tokens with their spacing (so both texts
        // can be rebuilt from it); the category is read from the diff of the
        // words alone, where spacing never counts.
        let ia = a.map { interner.id(of: $0.text) }, ib = b.map { interner.id(of: $0.text) }
        let fullScript = diff(ids: ia, ib)
        let words = ReferenceWordDiff.edits(from: a, to: b, textIDs: (ia, ib), textScript: fullScript)

        var verb: VerbChange?
        var skipA = 0, skipB = 0
        if let o = oldOpening, let n = newOpening,
           TextNormalizer.comparisonKey(o).lowercased() != TextNormalizer.comparisonKey(n).lowercased() {
            verb = VerbChange(old: o, new: n, direction: VerbScale.direction(from: o, to: n))
            skipA = Token.tokenize(o).count
            skipB = Token.tokenize(n).count
        }
        // Classify the rest of the text (after the openings, when they changed).
        let restA = Array(a.dropFirst(min(skipA, a.count))), restB = Array(b.dropFirst(min(skipB, b.count)))
        // The engine compares ids only for equality, so the ids of the whole texts
        // serve the rests too; without a verb change the rests are the whole texts
        // and their diff is the one already computed.
        let script = skipA == 0 && skipB == 0
            ? fullScript
            : diff(ids: Array(ia.dropFirst(min(skipA, a.count))), Array(ib.dropFirst(min(skipB, b.count))))
        var allTechnical = true
        var hunk: [Substring] = []
        func closeHunk() {
            if !hunk.isEmpty && !TechnicalTokens.isTechnicalHunk(hunk) { allTechnical = false }
            hunk.removeAll()
        }
        for run in script.runs {
            switch run.operation {
            case .equal: closeHunk()
            case .delete: hunk += restA[run.old].map(\.text)
            case .insert: hunk += restB[run.new].map(\.text)
            }
        }
        closeHunk()

        let category: Rewording.Category
        if verb != nil {
            category = allTechnical ? .verb : .substantive
        } else {
            category = allTechnical ? .technical : .substantive
        }
        return Rewording(category: category, similarity: similarity, words: words, verb: verb)
    }
}
