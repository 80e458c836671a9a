extension Resolution {
    /// Parses a resolution from its text. Total: never fails; text it cannot
    /// place becomes generic paragraphs, and a text with no recognizable
    /// structure gets a notice in ``notices``.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) {
        self = ResolutionParser().parse(text)
    }
}
