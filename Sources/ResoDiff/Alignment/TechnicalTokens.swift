/// Recognizes the tokens of a routine update between sessions: numbers,
/// years, session ordinals, months, document symbols.
///
/// A rewording is technical when every token it deletes or inserts is one
/// of these, punctuation, or one of a few words that travel with them
/// ("resolution", "of", "and", "session", "meeting" …) in a hunk that also
/// changes a number or date.
enum TechnicalTokens {
    private static let ordinalUnits: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
        "seventieth", "eightieth", "ninetieth", "hundredth",
    ]
    private static let tens: Set<String> = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    ]
    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    /// Words that change along with a reference or date without changing what a paragraph says.
    private static let companions: Set<String> = [
        "resolution", "resolutions", "decision", "decisions", "session", "sessions", "meeting", "meetings",
        "plenary", "of", "and", "the", "its", "on", "in", "at", "para", "paras", "paragraph", "paragraphs",
        "document", "report", "annex",
    ]

    /// True for a number, symbol, year, ordinal, month or punctuation.
    static func isTechnical(_ token: Substring) -> Bool {
        guard let first = token.unicodeScalars.first else { return true }
        if !ScalarClass.isWordScalar(first) { return true }  // punctuation
        if token.unicodeScalars.contains(where: ScalarClass.isNumeric) { return true }  // 75/68, A/75/399, 2020, 37th
        let lower = token.lowercased()
        if months.contains(lower) || ordinalUnits.contains(lower) || tens.contains(lower) { return true }
        let parts = lower.split(separator: "-")
        if parts.count == 2, tens.contains(String(parts[0])), ordinalUnits.contains(String(parts[1])) { return true }
        return false
    }

    /// True for a word that may change along with technical tokens.
    static func isCompanion(_ token: Substring) -> Bool {
        companions.contains(token.lowercased())
    }

    /// True when the changed tokens of one hunk amount to a routine update.
    static func isTechnicalHunk(_ tokens: [Substring]) -> Bool {
        var hasCore = false
        for token in tokens {
            if isTechnical(token) {
                if token.unicodeScalars.first.map(ScalarClass.isWordScalar) == true {
                    hasCore = true
                }
            } else if !isCompanion(token) {
                return false
            }
        }
        return hasCore || tokens.allSatisfy { isTechnical($0) }
    }
}
