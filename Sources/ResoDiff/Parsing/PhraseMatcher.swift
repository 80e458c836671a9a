/// The opening-phrase lookup of ``OpeningPhrases`` on plain ASCII text,
/// without building a string: words are read as byte ranges, looked up in a
/// table of the vocabularies' words (lowercase folding on the bytes), and a
/// phrase of up to four words is a number made of their ids.
///
/// It answers exactly what ``OpeningPhrases``' general path answers, or
/// declines (returns nil) as soon as a byte at or above 0x80 takes part in
/// the words it reads: a non-ASCII letter can be uppercase, can lowercase to
/// ASCII (the Kelvin sign), or can join a word, and only the general path
/// knows. Plain ASCII is what nearly every paragraph opens with.
struct PhraseMatcher: Sendable {
    /// One vocabulary (adverbs, modifiers, or the bases of one category).
    struct Vocabulary: Sendable {
        /// Packed phrases (word ids, 16 bits each, first word highest), in an open-addressed table; 0 is empty.
        fileprivate var slots: [UInt64]
        /// By word id: the most words a phrase starting with that word has; 0 when none does.
        fileprivate var maxWordsByFirstWord: [UInt8]
    }

    /// The distinct words, lowercase, one after another.
    private let wordBytes: [UInt8]
    /// Open-addressed table of words, each packed as start in `wordBytes` (bits
    /// 32…), length (bits 16…31) and id (bits 0…15); id 0 is an empty slot.
    /// (Plain integers: tables of tuples or of arrays cost a run-time type
    /// lookup at start-up, which a short run notices.)
    private let wordSlots: [UInt64]
    /// By word id: true when some preambular adverb or base starts with the word.
    private let opensPreambular: [Bool]
    /// By word id: true when some operative adverb or base starts with the word.
    private let opensOperative: [Bool]

    let adverbs: Vocabulary
    let modifiers: Vocabulary
    let preambular: Vocabulary
    let operative: Vocabulary

    /// The most words a phrase of a vocabulary has.
    private static let maxWords = 4
    /// The most words read from the text, as the general path reads.
    private static let wordLimit = 10

    /// Builds the tables from lowercase phrases (words separated by one space).
    init(adverbs: [String], modifiers: [String], preambular: [String], operative: [String]) {
        let lists = [adverbs, modifiers, preambular, operative]
        // Word ids first, so that every table can be sized by the number of words.
        var ids: [String: Int] = [:]
        var words: [String] = []
        // By list, by phrase: the ids of its words.
        let phraseIDs: [[[Int]]] = lists.map { list in
            list.map { phrase in
                Self.words(of: phrase).map { word in
                    if let id = ids[word] { return id }
                    words.append(word)
                    ids[word] = words.count
                    return words.count
                }
            }
        }
        precondition(words.count < 1 << 16 && words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        var capacity = 64
        while capacity < 4 * words.count { capacity *= 2 }
        var wordSlots = [UInt64](repeating: 0, count: capacity)
        var wordBytes: [UInt8] = []
        for (k, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) } & (capacity - 1)
            while wordSlots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            wordSlots[slot] = UInt64(wordBytes.count) << 32 | UInt64(bytes.count) << 16 | UInt64(k + 1)
            wordBytes.append(contentsOf: bytes)
        }
        func vocabulary(_ list: Int) -> Vocabulary {
            var capacity = 16
            while capacity < 4 * phraseIDs[list].count { capacity *= 2 }
            var slots = [UInt64](repeating: 0, count: capacity)
            var most = [UInt8](repeating: 0, count: words.count + 1)
            for phraseIDs in phraseIDs[list] {
                precondition(phraseIDs.count <= Self.maxWords)
                let key = phraseIDs.reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
                var slot = Self.slot(key, capacity)
                while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = key
                most[phraseIDs[0]] = max(most[phraseIDs[0]], UInt8(phraseIDs.count))
            }
            return Vocabulary(slots: slots, maxWordsByFirstWord: most)
        }
        var opensPreambular = [Bool](repeating: false, count: words.count + 1)
        var opensOperative = opensPreambular
        for ids in phraseIDs[0] + phraseIDs[2] { opensPreambular[ids[0]] = true }  // adverbs, preambular bases
        for ids in phraseIDs[0] + phraseIDs[3] { opensOperative[ids[0]] = true }   // adverbs, operative bases
        (self.adverbs, self.modifiers) = (vocabulary(0), vocabulary(1))
        (self.preambular, self.operative) = (vocabulary(2), vocabulary(3))
        (self.wordBytes, self.wordSlots) = (wordBytes, wordSlots)
        (self.opensPreambular, self.opensOperative) = (opensPreambular, opensOperative)
    }

    /// The words of a phrase, cut at single spaces on the bytes (`split` would
    /// cost a run-time generic type lookup at start-up).
    private static func words(of phrase: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for b in phrase.utf8 {
            if b == 0x20 {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            } else {
                word.append(b)
            }
        }
        words.append(String(decoding: word, as: UTF8.self))
        return words
    }

    /// What a lookup found: for each vocabulary asked for, the byte offset
    /// where the phrase ends in the text, or nil when none opens it.
    struct Ends {
        var preambular: Int?
        var operative: Int?
    }

    /// The ends of the opening phrases of the vocabularies asked for, at the
    /// start of `u`; nil when the general path must decide (a non-ASCII byte
    /// in the words read).
    ///
    /// Words are read as the lookups need them: the first one always, the
    /// next ones only while some phrase could still reach them. A word that
    /// no lookup needs cannot change the answer, so it is not read, and a
    /// non-ASCII byte in it does not send the text to the general path.
    /// - Complexity: O(1): at most ten words are read, a few table probes each.
    func ends(in u: UnsafeBufferPointer<UInt8>, preambular wantsPreambular: Bool, operative wantsOperative: Bool)
        -> Ends? {
        let n = u.count
        var i = 0
        while i < n, u[i] == 0x20 { i += 1 }
        guard i < n else { return Ends() }
        guard u[i] < 0x80 else { return nil }
        guard u[i] >= 0x41 && u[i] <= 0x5A else { return Ends() }  // an uppercase letter opens a phrase

        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * Self.wordLimit) { buffer -> Ends? in
            var words = Words(u: u, buffer: buffer, i: i)
            // The first word must open a phrase of a vocabulary asked for.
            guard words.read(through: 0) else { return nil }
            let first = words.id(0, in: self)
            let preambularOpens = wantsPreambular && opensPreambular[first]
            let operativeOpens = wantsOperative && opensOperative[first]
            guard preambularOpens || operativeOpens else { return Ends() }
            // A vocabulary none of whose adverbs and bases starts with the first word
            // has no phrase here (`phraseWords` would find none): it is not looked up.
            let p = preambularOpens ? phraseWords(preambular, &words) : 0
            let o = operativeOpens ? phraseWords(operative, &words) : 0
            if words.declined { return nil }
            return Ends(preambular: p > 0 ? words.end(p - 1) : nil, operative: o > 0 ? words.end(o - 1) : nil)
        }
    }

    /// The words at the start of a text, read as the lookups ask for them.
    private struct Words {
        let u: UnsafeBufferPointer<UInt8>
        /// Word k spans buffer[2k]..<buffer[2k+1]; its id is buffer[2 * wordLimit + k], -1 until looked up.
        let buffer: UnsafeMutableBufferPointer<Int>
        /// Where reading goes on: the end of the last word read.
        var i: Int
        /// The number of words read.
        var count = 0
        /// True when no word follows the last one read.
        var finished = false
        /// True when a word read holds a non-ASCII byte: the general path decides.
        var declined = false

        /// Where word `k` ends.
        func end(_ k: Int) -> Int { buffer[2 * k + 1] }

        /// Reads words until word `k` is read or there are no more; false when declined.
        mutating func read(through k: Int) -> Bool {
            if declined { return false }
            while count <= k && !finished && count < PhraseMatcher.wordLimit {
                if count > 0 {
                    // The word before ended at `i`: another follows only after a space.
                    guard i < u.count, u[i] == 0x20 else { finished = true; break }
                }
                while i < u.count, u[i] == 0x20 { i += 1 }
                guard i < u.count else { finished = true; break }
                guard u[i] < 0x80 else { declined = true; return false }
                guard PhraseMatcher.isLetter(u[i]) else { finished = true; break }
                let start = i
                while i < u.count {
                    let b = u[i]
                    if b >= 0x80 { declined = true; return false }
                    if PhraseMatcher.isLetter(b) { i += 1; continue }
                    if b == UInt8(ascii: "-") || b == UInt8(ascii: "'") {
                        guard i + 1 < u.count else { break }
                        if u[i + 1] >= 0x80 { declined = true; return false }
                        guard PhraseMatcher.isLetter(u[i + 1]) else { break }
                        i += 1
                        continue
                    }
                    break
                }
                buffer[2 * count] = start
                buffer[2 * count + 1] = i
                buffer[2 * PhraseMatcher.wordLimit + count] = -1
                count += 1
            }
            return true
        }

        /// The id of word `k` (read already) in `matcher`'s table.
        mutating func id(_ k: Int, in matcher: PhraseMatcher) -> Int {
            let slot = 2 * PhraseMatcher.wordLimit + k
            if buffer[slot] < 0 { buffer[slot] = matcher.wordID(u, buffer[2 * k], buffer[2 * k + 1]) }
            return buffer[slot]
        }
    }

    /// The most words from word `at` that form a phrase of `v`; nil when none does or when declined.
    private func longest(_ v: Vocabulary, at: Int, _ words: inout Words) -> Int? {
        guard words.read(through: at), at < words.count else { return nil }
        let most = Int(v.maxWordsByFirstWord[words.id(at, in: self)])
        guard most > 0, words.read(through: at + min(Self.maxWords, most) - 1) else { return nil }
        var k = min(Self.maxWords, words.count - at, most)
        while k > 0 {
            var key: UInt64 = 0
            for j in at..<(at + k) { key = key << 16 | UInt64(words.id(j, in: self)) }
            if v.contains(key) { return k }
            k -= 1
        }
        return nil
    }

    /// The number of words of the longest phrase of `bases` with its modifiers, with
    /// or without an adverb before it; 0 when there is none.
    private func phraseWords(_ bases: Vocabulary, _ words: inout Words) -> Int {
        func from(_ start: Int) -> Int {
            guard let b = longest(bases, at: start, &words) else { return 0 }
            var end = start + b
            for _ in 0..<2 {
                guard let m = longest(modifiers, at: end, &words) else { break }
                end += m
            }
            return end
        }
        var best = 0
        if let adverb = longest(adverbs, at: 0, &words) { best = from(adverb) }
        return max(best, from(0))
    }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// The id of the word `u[start..<end]`, compared without ASCII case; 0 when it is not a vocabulary word.
    ///
    /// A word's bytes are letters, `-` and `'` (see `Words`), which setting bit
    /// 0x20 lowercases: letters fold, and `-` (0x2D) and `'` (0x27) have the bit set already.
    private func wordID(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let length = end - start
        var slot = Self.hash(u, start, end) & (wordSlots.count - 1)
        while true {
            let entry = wordSlots[slot]
            if entry == 0 { return 0 }
            if Int(entry >> 16 & 0xFFFF) == length {
                var k = 0
                let base = Int(entry >> 32)
                while k < length, wordBytes[base + k] == u[start + k] | 0x20 { k += 1 }
                if k == length { return Int(entry & 0xFFFF) }
            }
            slot = (slot + 1) & (wordSlots.count - 1)
        }
    }

    /// A hash of the bytes `u[start..<end]` with bit 0x20 set (the lowercase of a
    /// word), eight bytes at a time.
    private static func hash(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let fold: UInt64 = 0x2020_2020_2020_2020
        var h = UInt64(end - start) &* 0x9E37_79B9_7F4A_7C15
        var k = start
        while k + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(u.baseAddress!).loadUnaligned(fromByteOffset: k, as: UInt64.self))
            h = (h ^ (word | fold)) &* 0x100_0000_01B3
            h ^= h >> 29
            k += 8
        }
        if k < end {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while k < end {
                tail |= UInt64(u[k] | 0x20) << shift
                shift += 8
                k += 1
            }
            h = (h ^ tail) &* 0x100_0000_01B3
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    fileprivate static func slot(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
    }
}

extension PhraseMatcher.Vocabulary {
    /// True when the packed phrase `key` is in the vocabulary.
    @inline(__always)
    fileprivate func contains(_ key: UInt64) -> Bool {
        var slot = PhraseMatcher.slot(key, slots.count)
        while true {
            let k = slots[slot]
            if k == key { return true }
            if k == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}
