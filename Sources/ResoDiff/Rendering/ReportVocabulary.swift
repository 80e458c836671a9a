/// The words every report uses for the same things, so that the text, JSON,
/// HTML and Markdown reports name labels, kinds, categories and header
/// fields alike ("OP6 (was OP5) reworded", "verb: encourages → urges, stronger").
enum ReportVocabulary {
    /// "path (75/68, Seventy-fifth session)".
    static func describe(_ name: String, _ header: Header) -> String {
        let details = [header.symbol, header.session].compactMap { $0 }
        return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }

    /// The name of a header field for people: "agenda item", "adoption date".
    static func fieldName(_ field: Header.Field) -> String {
        switch field {
        case .session: "session"
        case .agendaItem: "agenda item"
        case .adoptionDate: "adoption date"
        case .committeeReport: "committee report"
        case .symbol: "symbol"
        case .title: "title"
        }
    }

    /// "technical", "verb: encourages → urges, stronger", "substantive; verb: …".
    static func categoryNote(_ rewording: Rewording) -> String {
        var note = rewording.category.rawValue
        if let verb = rewording.verb {
            let change = "\(verb.old.lowercased()) → \(verb.new.lowercased())"
                + (verb.direction == .neutral ? "" : ", \(verb.direction.rawValue)")
            note = rewording.category == .verb ? "verb: \(change)" : "\(note); verb: \(change)"
        }
        return note
    }

    /// Where a change stands, without its kind: "OP6 (was OP5)" for a
    /// renumbered or reworded paragraph, "OP3 → OP5" for a move, "OP2 → OP2, OP3"
    /// for a split, "OP4, OP5 → OP4" for a merge, the one label otherwise.
    static func place(of change: Change) -> String {
        place(of: change, oldLabels: change.oldLabels, newLabels: change.newLabels)
    }

    /// ``place(of:)`` with the labels worked out already.
    private static func place(of change: Change, oldLabels: String, newLabels: String) -> String {
        switch change.kind {
        case .unchanged, .reworded:
            return newLabels + (oldLabels != newLabels ? " (was \(oldLabels))" : "")
        case .added:
            return newLabels
        case .removed:
            return oldLabels
        case .moved, .split, .merged:
            return "\(oldLabels) → \(newLabels)"
        }
    }

    /// The heading of a change in words, without sign or styling:
    /// "OP6 (was OP5)" (unchanged), "OP3 added", "OP9 removed",
    /// "OP6 (was OP5) reworded", "OP3 moved to OP5", "OP2 split into OP2, OP3",
    /// "OP4, OP5 merged into OP4".
    static func headline(of change: Change) -> String {
        let oldLabels = change.oldLabels, newLabels = change.newLabels
        switch change.kind {
        case .unchanged: return place(of: change, oldLabels: oldLabels, newLabels: newLabels)
        case .added: return "\(newLabels) added"
        case .removed: return "\(oldLabels) removed"
        case .reworded: return place(of: change, oldLabels: oldLabels, newLabels: newLabels) + " reworded"
        case .moved: return "\(oldLabels) moved to \(newLabels)"
        case .split: return "\(oldLabels) split into \(newLabels)"
        case .merged: return "\(oldLabels) merged into \(newLabels)"
        }
    }

    /// What each kind of change means, for legends.
    static func meaning(of kind: Change.Kind) -> String {
        switch kind {
        case .unchanged: "same text (possibly renumbered)"
        case .added: "new in the new version"
        case .removed: "gone from the new version"
        case .reworded: "same paragraph, other words"
        case .moved: "stands elsewhere now (maybe reworded as well)"
        case .split: "one old paragraph became several new ones"
        case .merged: "several old paragraphs became one new one"
        }
    }

    /// What each rewording category means, for legends.
    static func meaning(of category: Rewording.Category) -> String {
        switch category {
        case .technical: "only session numbers, years, dates, symbols or meeting numbers changed"
        case .verb: "the opening verb or phrase changed"
        case .substantive: "anything else"
        }
    }

    /// The similarity in thousandths, rounded half away from zero and
    /// clamped to 0…1000, so every report prints the same digits.
    static func thousandths(_ similarity: Double) -> Int {
        guard similarity.isFinite else { return 0 }
        return min(1000, max(0, Int((similarity * 1000).rounded())))
    }

    /// The similarity with three decimals: "0.857", "1.000".
    static func similarityText(_ similarity: Double) -> String {
        let n = thousandths(similarity)
        let fraction = String(n % 1000)
        return "\(n / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The counts of a batch in one line: "3 resolutions paired: 2 differ
    /// (1 technical update only), 1 the same; 1 only in old, 1 only in new".
    static func batchLine(_ batch: Batch) -> String {
        let counts = BatchCounts(batch)
        return "\(counts.paired) resolution\(counts.paired == 1 ? "" : "s") paired: \(counts.differing) differ (\(counts.technicalUpdateOnly) technical update only), "
            + "\(counts.same) the same; \(counts.onlyOld) only in old, \(counts.onlyNew) only in new"
    }

    /// The symbols of a comparison's two versions, "?" for a missing one: "73/55 → 75/68".
    static func symbols(_ comparison: Comparison) -> String {
        [comparison.old.header.symbol, comparison.new.header.symbol].map { $0 ?? "?" }.joined(separator: " → ")
    }

    /// A history's version number for people: "v1" for index 0.
    static func versionName(_ index: Int) -> String { "v\(index + 1)" }
}

/// The counts every batch report shows, computed once.
struct BatchCounts: Hashable, Sendable {
    /// Paired resolutions.
    var paired: Int
    /// Pairs that differ in anything.
    var differing: Int
    /// Pairs whose only differences are technical updates.
    var technicalUpdateOnly: Int
    /// Pairs without differences.
    var same: Int { paired - differing }
    /// Resolutions only in the old side.
    var onlyOld: Int
    /// Resolutions only in the new side.
    var onlyNew: Int

    /// Counts `batch`.
    ///
    /// - Complexity: O(p·c) for p pairs of c changes each.
    init(_ batch: Batch) {
        paired = batch.pairs.count
        differing = batch.pairs.filter { $0.comparison.hasDifferences }.count
        technicalUpdateOnly = batch.pairs.filter(\.isTechnicalUpdateOnly).count
        onlyOld = batch.onlyOld.count
        onlyNew = batch.onlyNew.count
    }
}
