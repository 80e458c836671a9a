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
    private static let preambularSet = PhraseSet(preambularBases)
    private static let operativeSet = PhraseSet(operativeBases)
    private static let adverbSet = PhraseSet(adverbs)
    private static let modifierSet = PhraseSet(modifiers)

    /// A vocabulary, with its phrases' word counts by first word: a lookup
    /// of words `i…` asks the set only for the lengths that some phrase
    /// starting with word `i` has, and not at all when none starts with it.
    private struct PhraseSet {
        let phrases: Set<Substring>
        let maxWordsByFirstWord: [Substring: Int]

        init(_ list: [String]) {
            phrases = Set(list.map { $0[...] })
            var byFirst: [Substring: Int] = [:]
            for phrase in list {
                let words = phrase.split(separator: " ")
                byFirst[words[0][...], default: 0] = max(byFirst[words[0][...], default: 0], words.count)
            }
            maxWordsByFirstWord = byFirst
        }
    }
    private static let maxWords = 4

    /// The first words (lowercase) of every adverb and base: a phrase can
    /// start only with one of them, so any other first word ends the lookup
    /// before the following words are read.
    private static let preambularFirstWords = firstWords(of: adverbs + preambularBases)
    private static let operativeFirstWords = firstWords(of: adverbs + operativeBases)

    private static func firstWords(of phrases: [String]) -> Set<String> {
        Set(phrases.map { String($0.prefix { $0 != " " }) })
    }

    /// A recognized phrase: as written, and its length in characters of the text.
    typealias Match = (phrase: String, length: Int)

    /// The opening phrases of both vocabularies at the start of `text`, read
    /// from one pass over its first words.
    ///
    /// - Complexity: O(1): at most a dozen words are looked at.
    static func openings(in text: Substring) -> (preambular: Match?, operative: Match?) {
        if let found = fastMatches(text, preambular: true, operative: true) { return found }
        guard let words = candidateWords(text, preambular: true, operative: true) else { return (nil, nil) }
        return (match(in: text, words: words, bases: preambularSet), match(in: text, words: words, bases: operativeSet))
    }

    /// The longer of two matches (the preambular one on a tie), as ``match(in:)`` chooses.
    static func longer(_ p: Match?, _ o: Match?) -> Match? {
        switch (p, o) {
        case let (p?, o?): return p.length >= o.length ? p : o
        case let (p?, nil): return p
        case let (nil, o?): return o
        case (nil, nil): return nil
        }
    }

    /// The category that ``category(of:)`` gives for the two matches.
    static func category(_ p: Match?, _ o: Match?) -> Category? {
        let p = p?.length ?? 0, o = o?.length ?? 0
        if p == 0 && o == 0 { return nil }
        return p >= o ? .preambular : .operative
    }

    /// Recognizes an opening phrase, of either vocabulary, at the start of `text`.
    ///
    /// Longest match wins. The first letter must be uppercase (so the
    /// `and noting` inside a paragraph never counts); the other letters are
    /// compared without case.
    /// - Parameter text: text starting with the candidate phrase (no leading markup).
    /// - Returns: the phrase as written and its length in characters of `text`, or nil.
    /// - Complexity: O(1): at most a dozen words are looked at.
    static func match(in text: Substring) -> Match? {
        let (p, o) = openings(in: text)
        return longer(p, o)
    }

    /// Recognizes a preambular opening (*Recalling also*, *Deeply concerned*).
    static func matchPreambular(in text: Substring) -> Match? {
        if let found = fastMatches(text, preambular: true, operative: false) { return found.preambular }
        guard let words = candidateWords(text, preambular: true, operative: false) else { return nil }
        return match(in: text, words: words, bases: preambularSet)
    }

    /// Recognizes an operative opening (*Strongly urges*, *Calls upon*).
    static func matchOperative(in text: Substring) -> Match? {
        if let found = fastMatches(text, preambular: false, operative: true) { return found.operative }
        guard let words = candidateWords(text, preambular: false, operative: true) else { return nil }
        return match(in: text, words: words, bases: operativeSet)
    }

    /// The category of the phrase at the start of `text`, if any.
    static func category(of text: Substring) -> Category? {
        let (p, o) = openings(in: text)
        return category(p, o)
    }

    /// The same vocabularies, for ``PhraseMatcher``: the lookup on plain ASCII.
    private static let matcher = PhraseMatcher(adverbs: adverbs, modifiers: modifiers,
                                               preambular: preambularBases, operative: operativeBases)

    /// The matches of the vocabularies asked for, found by ``PhraseMatcher`` on
    /// the bytes; nil when the general path must decide. What precedes a
    /// match's end is ASCII, so its length in characters is its length in bytes.
    private static func fastMatches(_ text: Substring, preambular: Bool, operative: Bool)
        -> (preambular: Match?, operative: Match?)? {
        UTF8Scan.withBytes(text) { u in
            guard let ends = matcher.ends(in: u, preambular: preambular, operative: operative) else { return nil }
            func match(_ end: Int?) -> Match? {
                end.map { (String(decoding: UnsafeBufferPointer(rebasing: u[..<$0]), as: UTF8.self), $0) }
            }
            return (match(ends.preambular), match(ends.operative))
        }
    }

    /// The leading words of `text` when they can hold a phrase of the vocabularies asked
    /// for, else nil: the first word must be capitalized and must start an adverb or a base.
    ///
    /// This is the general path, reached only when ``PhraseMatcher`` leaves a
    /// text with non-ASCII words to it; the first word alone is read before the rest.
    /// - Complexity: O(1): at most ten words are read.
    private static func candidateWords(_ text: Substring, preambular: Bool, operative: Bool) -> LeadingWords? {
        guard let s = text.unicodeScalars.first(where: { $0 != " " }),
              ScalarClass.isAlphabetic(s), ScalarClass.isUppercase(s),
              !firstWordIsBeyondASCII(text),
              let first = LeadingWords(text, limit: 1).lower(0).map(String.init),
              preambular && preambularFirstWords.contains(first) || operative && operativeFirstWords.contains(first)
        else { return nil }
        return LeadingWords(text, limit: 10)
    }

    /// True when the first word of `text`, as ``LeadingWords`` reads it, holds a
    /// letter beyond ASCII (or a typographic apostrophe), so that its lowercase
    /// form is not plain ASCII and no word of the vocabularies (all ASCII)
    /// is it: the text of another language, turned away on its bytes. The one
    /// letter beyond ASCII that lowercases to ASCII, U+212A KELVIN SIGN, is
    /// left to the general path.
    ///
    /// - Complexity: O(k) in the length of the first word.
    private static func firstWordIsBeyondASCII(_ text: Substring) -> Bool {
        UTF8Scan.withBytes(text) { u in
            func isLetter(_ k: Int) -> Bool { k < u.count && ScalarClass.isAlphabetic(UTF8Scan.scalar(u, at: k).scalar) }
            var i = 0
            while i < u.count, u[i] == 0x20 { i += 1 }
            while i < u.count {
                let b = u[i]
                if b < 0x80 {
                    if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { i += 1; continue }
                    // An inner hyphen or apostrophe joins two letters; anything else ends the word.
                    guard b == UInt8(ascii: "-") || b == UInt8(ascii: "'"), isLetter(i + 1) else { return false }
                    i += 1
                    continue
                }
                let (c, n) = UTF8Scan.scalar(u, at: i)
                if ScalarClass.isAlphabetic(c) { return c != "\u{212A}" }
                // A typographic apostrophe joins two letters and stays in the word; anything else ends it.
                return c == "’" && isLetter(i + n)
            }
            return false
        }
    }

    private static func match(in text: Substring, words: LeadingWords, bases: PhraseSet)
        -> (phrase: String, length: Int)? {
        guard words.count > 0, words.firstIsCapitalized else { return nil }
        func phrase(_ from: Int, _ count: Int) -> Substring? {
            guard from + count <= words.count else { return nil }
            return words.lower(from, count)
        }
        func longest(in set: PhraseSet, at i: Int) -> Int? {
            // No phrase of the set starts with word `i`, or none is longer than `most` words.
            guard let first = words.lower(i), let most = set.maxWordsByFirstWord[first] else { return nil }
            var k = min(maxWords, words.count - i, most)
            while k > 0 {
                if let p = phrase(i, k), set.phrases.contains(p) { return k }
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
            joined.reserveCapacity(16 * limit)
            bounds.reserveCapacity(limit)
            ends.reserveCapacity(limit)
            let utf8 = text.utf8
            UTF8Scan.withBytes(text) { u in
                func scalar(_ k: Int) -> Unicode.Scalar { UTF8Scan.scalar(u, at: k).scalar }
                var i = 0
                while bounds.count < limit {
                    while i < u.count, u[i] == 0x20 { i += 1 }
                    guard i < u.count, ScalarClass.isAlphabetic(scalar(i)) else { break }
                    let first = scalar(i)
                    if !joined.isEmpty { joined.append(0x20) }
                    let lowerStart = joined.count
                    while i < u.count {
                        let (c, length) = UTF8Scan.scalar(u, at: i)
                        if c.value >= 0x41 && c.value <= 0x5A {
                            joined.append(UInt8(truncatingIfNeeded: c.value + 0x20))  // ASCII fast path
                        } else if c.value >= 0x61 && c.value <= 0x7A {
                            joined.append(UInt8(truncatingIfNeeded: c.value))
                        } else if ScalarClass.isAlphabetic(c) {
                            for l in c.properties.lowercaseMapping.unicodeScalars { joined.appendUTF8(l) }
                        } else if c == "-" || c == "'" || c == "’" {
                            let next = i + length
                            guard next < u.count, ScalarClass.isAlphabetic(scalar(next)) else { break }
                            joined.appendUTF8(c)
                        } else {
                            break
                        }
                        i += length
                    }
                    if bounds.isEmpty { firstIsCapitalized = ScalarClass.isUppercase(first) }
                    bounds.append((lowerStart, joined.count))
                    // O(1): the UTF-8 view of a native string is indexed by offset.
                    ends.append(utf8.index(utf8.startIndex, offsetBy: i))
                    // A word must end at a space or punctuation; anything else (a digit) ends the phrase.
                    guard i < u.count, u[i] == 0x20 else { break }
                }
            }
            string = UTF8Scan.string(joined)
        }
    }
}
