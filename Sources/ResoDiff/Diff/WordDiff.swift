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
    static func edits(from a: [Token], to b: [Token]) -> [WordEdit] {
        var interner = Interner<Substring>()
        let ia = a.map { interner.id($0.text) }
        let ib = b.map { interner.id($0.text) }
        return edits(from: a, to: b, script: diff(ids: ia, ib))
    }

    /// The word-level diff of two token sequences, given their minimal
    /// token diff `script` (so a caller that also needs it computes it once).
    ///
    /// - Complexity: O(r²) in the number of runs of `script` at worst (the
    ///   semantic cleanup), plus O(n+m) to join the runs' text.
    static func edits(from a: [Token], to b: [Token], script: EditScript) -> [WordEdit] {
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
}
