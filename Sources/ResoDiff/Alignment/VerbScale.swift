/// The scale of operative verbs by strength, for reporting whether a change
/// of opening verb makes a paragraph stronger or weaker.
///
/// The ranks follow the usual reading of General Assembly drafting: a
/// paragraph that *notes* asks nothing; *welcomes* and *recognizes* approve;
/// *invites* and *encourages* ask politely; *requests* and *calls for* ask;
/// *calls upon* and *urges* press; *demands* insists. Adverbs of sequence
/// ("also", "further", "again") are ignored; "strongly" raises a verb by one
/// step. Verbs on another axis (condemns, decides, reaffirms …) are not on
/// the scale, and a change to or from them is neutral.
enum VerbScale {
    /// Rank of each verb on the scale (lowercase, modifiers removed).
    static let ranks: [String: Int] = [
        "takes note": 1, "notes": 1, "acknowledges": 1, "noting": 1, "taking note": 1,
        "recognizes": 2, "welcomes": 2, "appreciates": 2, "commends": 2, "welcoming": 2, "recognizing": 2,
        "supports": 3, "invites": 3, "endorses": 3, "emphasizes": 3, "stresses": 3, "underlines": 3,
        "encourages": 4, "recommends": 4, "encouraging": 4,
        "requests": 5, "calls for": 5, "expresses the need": 5,
        "calls upon": 6, "calls on": 6, "appeals": 6,
        "urges": 7,
        "demands": 9, "insists": 9,
    ]

    /// Words that say when or how often, not how strongly.
    private static let sequenceWords: Set<String> = ["also", "further", "again", "once", "moreover", "furthermore"]

    /// The rank of an opening phrase, or nil when the scale says nothing.
    static func rank(of opening: String) -> Int? {
        var words = opening.lowercased().split(separator: " ").map(String.init)
        words.removeAll { sequenceWords.contains($0) }
        var boost = 0
        if words.first == "strongly" { boost = 1; words.removeFirst() }
        // Longest known phrase at the start wins ("calls upon" before "calls").
        for length in stride(from: min(words.count, 3), through: 1, by: -1) {
            if let r = ranks[words.prefix(length).joined(separator: " ")] { return r + boost }
        }
        return nil
    }

    /// The direction of a change from `old` to `new` on the scale.
    static func direction(from old: String, to new: String) -> VerbChange.Direction {
        direction(fromRank: rank(of: old), toRank: rank(of: new))
    }

    /// The direction of a change between phrases of ranks `a` and `b` (see ``rank(of:)``).
    static func direction(fromRank a: Int?, toRank b: Int?) -> VerbChange.Direction {
        guard let a, let b, a != b else { return .neutral }
        return b > a ? .stronger : .weaker
    }
}
