/// Turns a minimal word diff into one that reads like a human redline.
///
/// A minimal diff happily keeps a lone "the", "and" or comma as equal
/// between two edits, which chops a rewritten phrase into confetti. After
/// diff-match-patch's semantic cleanup (N. Fraser), an equality is folded
/// into the edits around it when it is no longer (in characters) than the
/// edits on *both* of its sides: it is deleted from the old text and
/// inserted into the new, so the two edits become one. The pass repeats
/// until nothing changes; then adjacent edits are merged, deletions first.
enum SemanticCleanup {
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
        func lengths(_ tokens: [Token]) -> [Int] {
            var sums = [0]
            sums.reserveCapacity(tokens.count + 1)
            for token in tokens { sums.append(sums.last! + token.text.unicodeScalars.count + (token.spaceBefore ? 1 : 0)) }
            return sums
        }
        return apply(input, oldLengths: lengths(oldTokens), newLengths: lengths(newTokens))
    }

    /// Applies the cleanup to runs over two token sequences given by the
    /// prefix sums of their tokens' lengths: `oldLengths[k]` is the length
    /// of old tokens `0..<k`, a token counting its Unicode scalars plus one
    /// for a space before it.
    ///
    /// - Complexity: as ``apply(_:oldTokens:newTokens:)``, each length O(1).
    static func apply(_ input: [Run], oldLengths: [Int], newLengths: [Int]) -> [Run] {
        func length(old range: Range<Int>) -> Int { oldLengths[range.upperBound] - oldLengths[range.lowerBound] }
        func length(new range: Range<Int>) -> Int { newLengths[range.upperBound] - newLengths[range.lowerBound] }
        var runs = normalize(input)
        // Only an equality with edits on both sides can be folded; without
        // one, a pass would leave the (normalized) runs as they are.
        var editsSeen = false, candidate = false
        for (k, run) in runs.enumerated() {
            if run.operation != .equal { editsSeen = true; continue }
            if editsSeen && k + 1 < runs.count { candidate = true; break }
        }
        guard candidate else { return runs }
        var changed = true
        while changed {
            changed = false
            // Edit lengths (characters deleted, inserted) since the last equality.
            var i = 0
            var before = (deleted: 0, inserted: 0)
            var out: [Run] = []
            out.reserveCapacity(runs.count + 2)
            while i < runs.count {
                let run = runs[i]
                switch run.operation {
                case .delete: before.deleted += length(old: run.old); out.append(run)
                case .insert: before.inserted += length(new: run.new); out.append(run)
                case .equal:
                    // Look ahead at the edits after this equality.
                    var after = (deleted: 0, inserted: 0)
                    var j = i + 1
                    while j < runs.count && runs[j].operation != .equal {
                        if runs[j].operation == .delete { after.deleted += length(old: runs[j].old) }
                        else { after.inserted += length(new: runs[j].new) }
                        j += 1
                    }
                    let size = length(old: run.old)
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
