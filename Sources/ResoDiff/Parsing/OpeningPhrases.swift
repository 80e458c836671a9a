/// The vocabulary of paragraph openings: the participles and adjectives that
/// open preambular paragraphs (*Recalling*, *Deeply concerned*) and the verbs
/// that open operative ones (*Urges*, *Calls upon*).
///
/// A phrase is an optional adverb (*Also*, *Further*, *Strongly*, …), a base
/// (one to four words) and up to two modifiers (*also*, *with concern*, …).
/// Adverbials that qualify the whole sentence rather than the verb (*in this
/// context*, *in particular*) are deliberately not modifiers: the emphasis of
/// official texts leaves them out (`*Recognizing* in this context`), and a
/// plain copy must read the same opening as a marked-up one.
enum OpeningPhrases {
    /// Which vocabulary a phrase belongs to.
    enum Category: Sendable, Equatable {
        case preambular
        case operative
    }

    static let preambularBases: [String] = [
        "recalling", "reaffirming", "recognizing", "recognising", "noting", "taking note", "having considered",
        "having taken note", "having examined", "having reviewed", "having received", "having heard",
        "having adopted", "having regard", "bearing in mind", "keeping in mind", "mindful", "concerned",
        "convinced", "welcoming", "stressing", "emphasizing", "emphasising", "underlining", "underscoring",
        "acknowledging", "expressing", "believing", "affirming", "guided", "aware", "conscious",
        "determined", "desiring", "desirous", "considering", "observing", "reiterating",
        "taking into account", "taking into consideration", "alarmed", "encouraged", "appreciating",
        "commending", "deploring", "condemning", "regretting", "highlighting", "referring", "seeking",
        "sharing", "cognizant", "persuaded", "looking forward", "realizing", "wishing", "anxious",
        "disturbed", "distressed", "dismayed", "outraged", "gratified", "pleased", "satisfied",
        "confident", "committed", "resolved", "proclaiming", "expressing its appreciation",
        "expressing deep concern",
    ]

    static let operativeBases: [String] = [
        "urges", "calls upon", "calls on", "calls for", "requests", "decides", "encourages", "welcomes",
        "notes", "takes note", "invites", "reaffirms", "emphasizes", "emphasises", "stresses", "supports",
        "considers", "expresses", "expresses the need", "expresses the hope", "expresses its appreciation",
        "expresses its concern", "expresses deep concern", "expresses its deep concern", "underlines",
        "underscores", "recognizes", "recognises", "demands", "condemns", "deplores", "endorses",
        "approves", "authorizes", "recommends", "affirms", "appeals", "acknowledges", "reiterates",
        "recalls", "declares", "proclaims", "adopts", "commends", "appreciates", "regrets", "highlights",
        "insists", "agrees", "accepts", "establishes", "designates", "confirms", "trusts", "hopes",
        "looks forward", "reminds", "resolves", "elects", "appoints", "concurs", "pays tribute",
        "renews", "re-emphasizes", "is convinced",
        "expresses its gratitude", "expresses its support", "reaffirms its commitment",
    ]

    static let adverbs: [String] = [
        "also", "further", "strongly", "deeply", "gravely", "seriously", "profoundly", "fully",
        "firmly", "warmly", "again", "once again", "urgently", "further strongly", "also strongly",
    ]

    static let modifiers: [String] = [
        "also", "further", "again", "once again", "furthermore", "moreover", "with concern",
        "with deep concern", "with grave concern", "with serious concern", "with great concern",
        "with appreciation", "with deep appreciation", "with great appreciation", "with satisfaction",
        "with regret", "with deep regret", "with alarm", "with interest", "with gratitude",
    ]

    private static let preambularSet = Set(preambularBases)
    private static let operativeSet = Set(operativeBases)
    private static let adverbSet = Set(adverbs)
    private static let modifierSet = Set(modifiers)
    private static let maxWords = 4

    /// Recognizes an opening phrase, of either vocabulary, at the start of `text`.
    ///
    /// Longest match wins. The first letter must be uppercase (so the
    /// `and noting` inside a paragraph never counts); the other letters are
    /// compared without case.
    /// - Parameter text: text starting with the candidate phrase (no leading markup).
    /// - Returns: the phrase as written and its length in characters of `text`, or nil.
    /// - Complexity: O(1): at most a dozen words are looked at.
    static func match(in text: Substring) -> (phrase: String, length: Int)? {
        let p = matchPreambular(in: text)
        let o = matchOperative(in: text)
        switch (p, o) {
        case let (p?, o?): return p.length >= o.length ? p : o
        case let (p?, nil): return p
        case let (nil, o?): return o
        case (nil, nil): return nil
        }
    }

    /// Recognizes a preambular opening (*Recalling also*, *Deeply concerned*).
    static func matchPreambular(in text: Substring) -> (phrase: String, length: Int)? {
        match(in: text, bases: preambularSet)
    }

    /// Recognizes an operative opening (*Strongly urges*, *Calls upon*).
    static func matchOperative(in text: Substring) -> (phrase: String, length: Int)? {
        match(in: text, bases: operativeSet)
    }

    /// The category of the phrase at the start of `text`, if any.
    static func category(of text: Substring) -> Category? {
        let p = matchPreambular(in: text)?.length ?? 0
        let o = matchOperative(in: text)?.length ?? 0
        if p == 0 && o == 0 { return nil }
        return p >= o ? .preambular : .operative
    }

    private static func match(in text: Substring, bases: Set<String>) -> (phrase: String, length: Int)? {
        let words = leadingWords(text, limit: 10)
        guard let first = words.first, first.isCapitalized else { return nil }
        func phrase(_ from: Int, _ count: Int) -> String? {
            guard from + count <= words.count else { return nil }
            return words[from..<(from + count)].map(\.lower).joined(separator: " ")
        }
        func longest(in set: Set<String>, at i: Int) -> Int? {
            var k = min(maxWords, words.count - i)
            while k > 0 {
                if let p = phrase(i, k), set.contains(p) { return k }
                k -= 1
            }
            return nil
        }
        // Try with an adverb first (longest), then without.
        var best: Int?
        var starts: [Int] = []
        if let a = longest(in: adverbSet, at: 0) { starts.append(a) }
        starts.append(0)
        for start in starts {
            guard let b = longest(in: bases, at: start) else { continue }
            var end = start + b
            for _ in 0..<2 {
                guard let m = longest(in: modifierSet, at: end) else { break }
                end += m
            }
            if end > (best ?? 0) { best = end }
        }
        guard let count = best else { return nil }
        let endIndex = words[count - 1].end
        let length = text.distance(from: text.startIndex, to: endIndex)
        return (String(text[..<endIndex]), length)
    }

    private struct Word {
        var lower: String
        var isCapitalized: Bool
        var end: Substring.Index
    }

    /// The first `limit` words of `text`: letters, with inner hyphens and apostrophes;
    /// stops at the first character that is neither a word character nor a space.
    private static func leadingWords(_ text: Substring, limit: Int) -> [Word] {
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while words.count < limit {
            while i < scalars.endIndex, scalars[i] == " " { i = scalars.index(after: i) }
            guard i < scalars.endIndex, scalars[i].properties.isAlphabetic else { break }
            let start = i
            var lower = String.UnicodeScalarView()
            while i < scalars.endIndex {
                let c = scalars[i]
                if c.value >= 0x41 && c.value <= 0x5A, let l = Unicode.Scalar(c.value + 0x20) {
                    lower.append(l)  // ASCII fast path
                } else if c.value >= 0x61 && c.value <= 0x7A {
                    lower.append(c)
                } else if c.properties.isAlphabetic {
                    // Not append(contentsOf:), which copies all of `lower` each time:
                    // quadratic in the length of a long non-ASCII word.
                    for m in c.properties.lowercaseMapping.unicodeScalars { lower.append(m) }
                } else if c == "-" || c == "'" || c == "’" {
                    let next = scalars.index(after: i)
                    guard next < scalars.endIndex, scalars[next].properties.isAlphabetic else { break }
                    lower.append(c)
                } else {
                    break
                }
                i = scalars.index(after: i)
            }
            words.append(Word(lower: String(lower), isCapitalized: scalars[start].properties.isUppercase,
                              end: i))
            // A word must end at a space or punctuation; anything else (a digit) ends the phrase.
            guard i < scalars.endIndex, scalars[i] == " " else { break }
        }
        return words
    }
}
