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
        var context = Context()
        context.load(old: old, new: new)
        return rewording(oldOpening: oldOpening, newOpening: newOpening, similarity: similarity, context: &context)
    }

    /// What the rewordings of one comparison share: the interner of token
    /// texts (without case folding; the diff engine compares ids only for
    /// equality, so one interner serves every rewording), the tokens of the
    /// texts at hand, reused buffers, and what is known of each token text.
    struct Context {
        /// Interns the tokens' texts, as they are.
        var interner = WordInterner(foldsCase: false)
        /// The old text's tokens.
        private(set) var old = TokenRanges()
        /// The new text's tokens.
        private(set) var new = TokenRanges()
        /// The word diffs' buffers.
        var buffers = WordDiffBuffers()
        /// By text id, for plain ASCII tokens: ``TokenFlags`` once known, else 0.
        var flags: [UInt8] = []
        /// What the classification asks of an opening phrase, by the phrase.
        private var openings: [String: Opening] = [:]

        /// An opening phrase and what is asked of it: its comparison key in
        /// lowercase, its rank on ``VerbScale``, its number of tokens.
        struct Opening {
            var text: String
            var folded: String
            var rank: Int?
            var tokenCount: Int

            init(_ text: String) {
                self.text = text
                folded = TextNormalizer.comparisonKey(text).lowercased()
                rank = VerbScale.rank(of: text)
                tokenCount = Token.tokenize(text).count
            }
        }

        /// What is asked of `text` as an opening: remembered for a phrase
        /// with the same bytes (the answers are functions of the text).
        mutating func opening(_ text: String) -> Opening {
            if let known = openings[text] {
                if known.text.utf8.elementsEqual(text.utf8) { return known }
                return Opening(text)  // equal as strings, other bytes: not cached
            }
            let opening = Opening(text)
            openings[text] = opening
            return opening
        }

        /// Creates an empty context.
        init() {}

        /// Tokenizes the two texts of the next rewording.
        ///
        /// - Complexity: O(n+m) in the texts' bytes.
        mutating func load(old: String, new: String) {
            self.old.tokenize(old, interner: &interner)
            self.new.tokenize(new, interner: &interner)
        }

        /// Whether the two loaded texts have the same tokens, whatever the
        /// white space between them (``WordDiff/sameWords(_:_:)``).
        var sameWords: Bool { old.ids == new.ids }
    }

    /// What ``TechnicalTokens`` says of a token text, as bits.
    private enum TokenFlags {
        static let known: UInt8 = 1
        static let technical: UInt8 = 2
        /// The first scalar is a word scalar (not punctuation).
        static let word: UInt8 = 4
        static let companion: UInt8 = 8

        static func of(_ token: Substring) -> UInt8 {
            var flags = known
            if TechnicalTokens.isTechnical(token) { flags |= technical }
            if token.unicodeScalars.first.map(ScalarClass.isWordScalar) == true { flags |= word }
            if TechnicalTokens.isCompanion(token) { flags |= companion }
            return flags
        }
    }

    /// The flags of token `k` of `tokens`: from the cache for a plain ASCII
    /// token (all ASCII tokens with one id have the same bytes), else computed.
    private static func flags(_ tokens: TokenRanges, _ k: Int, cache: inout [UInt8]) -> UInt8 {
        guard tokens.spans[k].isASCII else { return TokenFlags.of(tokens.substring(k)) }
        let id = Int(tokens.ids[k])
        if id >= cache.count { cache += repeatElement(0, count: max(id + 1, cache.count * 2) - cache.count) }
        if cache[id] != 0 { return cache[id] }
        let flags = TokenFlags.of(tokens.substring(k))
        cache[id] = flags
        return flags
    }

    /// The rewording from the texts loaded in `context` (whose openings are given).
    ///
    /// - Complexity: O((n+m)·d) in the token counts and their edit distance.
    static func rewording(oldOpening: String?, newOpening: String?, similarity: Double,
                          context: inout Context) -> Rewording {
        // The display diff matches tokens with their spacing (so both texts
        // can be rebuilt from it); the category is read from the diff of the
        // words alone, where spacing never counts.
        let a = context.old, b = context.new
        let fullScript = diff(ids: a.ids, b.ids, scratch: &context.buffers.scratch)
        let words = WordDiff.edits(from: a, to: b, textScript: fullScript, buffers: &context.buffers)

        var verb: VerbChange?
        var skipA = 0, skipB = 0
        if let o = oldOpening, let n = newOpening {
            let old = context.opening(o), new = context.opening(n)
            if old.folded != new.folded {
                verb = VerbChange(old: o, new: n, direction: VerbScale.direction(fromRank: old.rank, toRank: new.rank))
                skipA = min(old.tokenCount, a.count)
                skipB = min(new.tokenCount, b.count)
            }
        }
        // Classify the rest of the text (after the openings, when they changed).
        // The engine compares ids only for equality, so the ids of the whole texts
        // serve the rests too; without a verb change the rests are the whole texts
        // and their diff is the one already computed.
        let script = skipA == 0 && skipB == 0
            ? fullScript
            : diff(ids: Array(a.ids[skipA...]), Array(b.ids[skipB...]), scratch: &context.buffers.scratch)
        // A hunk (the deleted and inserted tokens between two equal runs) is
        // technical when none of its tokens is neither technical nor a
        // companion, and it has a technical word (or is all technical):
        // `TechnicalTokens.isTechnicalHunk`, token by token.
        var allTechnical = true
        var hunkEmpty = true, hunkBad = false, hunkCore = false, hunkAllTechnical = true
        func closeHunk() {
            if !hunkEmpty && (hunkBad || !(hunkCore || hunkAllTechnical)) { allTechnical = false }
            hunkEmpty = true; hunkBad = false; hunkCore = false; hunkAllTechnical = true
        }
        func add(_ flags: UInt8) {
            hunkEmpty = false
            if flags & TokenFlags.technical != 0 {
                if flags & TokenFlags.word != 0 { hunkCore = true }
            } else {
                hunkAllTechnical = false
                if flags & TokenFlags.companion == 0 { hunkBad = true }
            }
        }
        for run in script.runs where allTechnical {
            switch run.operation {
            case .equal: closeHunk()
            case .delete: for k in run.old { add(flags(a, skipA + k, cache: &context.flags)) }
            case .insert: for k in run.new { add(flags(b, skipB + k, cache: &context.flags)) }
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
