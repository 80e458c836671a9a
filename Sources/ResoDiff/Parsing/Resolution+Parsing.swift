extension Resolution {
    /// Parses a resolution from its text. Total: never fails; text it cannot
    /// place becomes generic paragraphs, and a text with no recognizable
    /// structure gets a notice in ``notices``.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) {
        self = ResolutionParser().parse(text)
    }

    /// Parses several texts at once, in parallel on all cores; the results
    /// are in the order of `texts`, each as ``init(parsing:)`` gives it.
    ///
    /// - Complexity: O(n) in the total length of the texts, spread over the cores.
    public static func parsing(_ texts: [String]) -> [Resolution] {
        Batch.parseAll(texts.map { Batch.Document(name: "", text: $0) })
    }
}
