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
        var runs: [SemanticCleanup.Run] = script.runs.map { run in
            switch run.operation {
            case .equal: .init(.equal, old: run.old, new: run.new)
            case .delete: .init(.delete, old: run.old, new: run.new)
            case .insert: .init(.insert, old: run.old, new: run.new)
            }
        }
        runs = SemanticCleanup.apply(runs, oldTokens: a, newTokens: b)
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
