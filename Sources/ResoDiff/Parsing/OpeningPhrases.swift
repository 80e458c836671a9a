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

    // Sets of substrings, so that a candidate phrase, a slice of the joined
    // lowercase words, is looked up without building a string.
    private static let preambularSet = Set(preambularBases.map { $0[...] })
    private static let operativeSet = Set(operativeBases.map { $0[...] })
    private static let adverbSet = Set(adverbs.map { $0[...] })
    private static let modifierSet = Set(modifiers.map { $0[...] })
    private static let maxWords = 4

    /// The first words (lowercase) of every adverb and base: a phrase can
    /// start only with one of them, so any other first word ends the lookup
    /// before the following words are read.
    private static let preambularFirstWords = firstWords(of: adverbs + preambularBases)
    private static let operativeFirstWords = firstWords(of: adverbs + operativeBases)

    private static func firstWords(of phrases: [String]) -> Set<String> {
        Set(phrases.map { String($0.prefix { $0 != " " }) })
    }

    /// Recognizes an opening phrase, of either vocabulary, at the start of `text`.
    ///
    /// Longest match wins. The first letter must be uppercase (so the
    /// `and noting` inside a paragraph never counts); the other letters are
    /// compared without case.
    /// - Parameter text: text starting with the candidate phrase (no leading markup).
    /// - Returns: the phrase as written and its length in characters of `text`, or nil.
    /// - Complexity: O(1): at most a dozen words are looked at.
    static func match(in text: Substring) -> (phrase: String, length: Int)? {
        guard let words = candidateWords(text, preambular: true, operative: true) else { return nil }
        let p = match(in: text, words: words, bases: preambularSet)
        let o = match(in: text, words: words, bases: operativeSet)
        switch (p, o) {
        case let (p?, o?): return p.length >= o.length ? p : o
        case let (p?, nil): return p
        case let (nil, o?): return o
        case (nil, nil): return nil
        }
    }

    /// Recognizes a preambular opening (*Recalling also*, *Deeply concerned*).
    static func matchPreambular(in text: Substring) -> (phrase: String, length: Int)? {
        guard let words = candidateWords(text, preambular: true, operative: false) else { return nil }
        return match(in: text, words: words, bases: preambularSet)
    }

    /// Recognizes an operative opening (*Strongly urges*, *Calls upon*).
    static func matchOperative(in text: Substring) -> (phrase: String, length: Int)? {
        guard let words = candidateWords(text, preambular: false, operative: true) else { return nil }
        return match(in: text, words: words, bases: operativeSet)
    }

    /// The category of the phrase at the start of `text`, if any.
    static func category(of text: Substring) -> Category? {
        guard let words = candidateWords(text, preambular: true, operative: true) else { return nil }
        let p = match(in: text, words: words, bases: preambularSet)?.length ?? 0
        let o = match(in: text, words: words, bases: operativeSet)?.length ?? 0
        if p == 0 && o == 0 { return nil }
        return p >= o ? .preambular : .operative
    }

    /// The leading words of `text` when they can hold a phrase of the vocabularies asked
    /// for, else nil: the first word must be capitalized and must start an adverb or a base.
    ///
    /// The cheap tests come first (an uppercase first letter, then the first
    /// word alone), because most positions the splitters ask about open no phrase.
    /// - Complexity: O(1): at most ten words are read.
    private static func candidateWords(_ text: Substring, preambular: Bool, operative: Bool) -> LeadingWords? {
        guard let s = text.unicodeScalars.first(where: { $0 != " " }),
              ScalarClass.isAlphabetic(s), ScalarClass.isUppercase(s),
              let first = LeadingWords(text, limit: 1).lower(0),
              preambular && preambularFirstWords.contains(String(first))
                || operative && operativeFirstWords.contains(String(first))
        else { return nil }
        return LeadingWords(text, limit: 10)
    }

    private static func match(in text: Substring, words: LeadingWords, bases: Set<Substring>)
        -> (phrase: String, length: Int)? {
        guard words.count > 0, words.firstIsCapitalized else { return nil }
        func phrase(_ from: Int, _ count: Int) -> Substring? {
            guard from + count <= words.count else { return nil }
            return words.lower(from, count)
        }
        func longest(in set: Set<Substring>, at i: Int) -> Int? {
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
        let endIndex = words.ends[count - 1]
        let length = text.distance(from: text.startIndex, to: endIndex)
        return (String(text[..<endIndex]), length)
    }

    /// The first words of a text: letters, with inner hyphens and apostrophes;
    /// they stop at the first character that is neither a word character nor a space.
    ///
    /// The lowercase words are kept joined by single spaces in one string,
    /// so that the phrase of words `i..<i+k` is a slice of it.
    private struct LeadingWords {
        /// The lowercase words, joined by one space.
        private var joined: [UInt8] = []
        /// Where each word starts and ends in `joined` (byte offsets).
        private var bounds: [(start: Int, end: Int)] = []
        /// Where each word ends in the text.
        private(set) var ends: [Substring.Index] = []
        /// Whether the first word starts with an uppercase letter.
        private(set) var firstIsCapitalized = false
        private var string = ""

        /// The number of words read.
        var count: Int { bounds.count }

        /// The lowercase words `from..<from+count`, joined by spaces; nil when there is no word `from`.
        func lower(_ from: Int, _ count: Int = 1) -> Substring? {
            guard from < bounds.count, count >= 1, from + count <= bounds.count else { return nil }
            let u = string.utf8
            let a = u.index(u.startIndex, offsetBy: bounds[from].start)
            let b = u.index(u.startIndex, offsetBy: bounds[from + count - 1].end)
            return string[a..<b]
        }

        /// Reads at most `limit` words of `text`.
        ///
        /// - Complexity: O(k) in the length of the words read.
        init(_ text: Substring, limit: Int) {
            let scalars = text.unicodeScalars
            var i = scalars.startIndex
            while bounds.count < limit {
                while i < scalars.endIndex, scalars[i] == " " { i = scalars.index(after: i) }
                guard i < scalars.endIndex, ScalarClass.isAlphabetic(scalars[i]) else { break }
                let start = i
                if !joined.isEmpty { joined.append(0x20) }
                let lowerStart = joined.count
                while i < scalars.endIndex {
                    let c = scalars[i]
                    if c.value >= 0x41 && c.value <= 0x5A {
                        joined.append(UInt8(truncatingIfNeeded: c.value + 0x20))  // ASCII fast path
                    } else if c.value >= 0x61 && c.value <= 0x7A {
                        joined.append(UInt8(truncatingIfNeeded: c.value))
                    } else if ScalarClass.isAlphabetic(c) {
                        for l in c.properties.lowercaseMapping.unicodeScalars { joined.appendUTF8(l) }
                    } else if c == "-" || c == "'" || c == "’" {
                        let next = scalars.index(after: i)
                        guard next < scalars.endIndex, ScalarClass.isAlphabetic(scalars[next]) else { break }
                        joined.appendUTF8(c)
                    } else {
                        break
                    }
                    i = scalars.index(after: i)
                }
                if bounds.isEmpty { firstIsCapitalized = ScalarClass.isUppercase(scalars[start]) }
                bounds.append((lowerStart, joined.count))
                ends.append(i)
                // A word must end at a space or punctuation; anything else (a digit) ends the phrase.
                guard i < scalars.endIndex, scalars[i] == " " else { break }
            }
            string = UTF8Scan.string(joined)
        }
    }
}
