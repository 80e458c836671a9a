/// Builds the ``Rewording`` of a paragraph (or group of paragraphs): the
/// word diff for display and the category for the summary.
///
/// See Guides/Alignment.md. The category is decided on the *minimal*
/// token diff, before semantic cleanup, so that a routine date change is not
/// made to look substantive by the words the cleanup folds in around it:
/// - **verb** when the opening phrases differ and every other hunk is technical;
/// - **technical** when every hunk is technical (see `TechnicalTokens`);
/// - **substantive** otherwise. A substantive rewording that also changes the
///   opening still reports the ``VerbChange``.
enum RewordingClassifier {
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
        let words = WordDiff.edits(from: a, to: b, textIDs: (ia, ib), textScript: fullScript)

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
