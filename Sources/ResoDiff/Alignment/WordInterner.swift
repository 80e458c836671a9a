/// Interns words (case-folded for ``WordBag``, as they are for
/// ``RewordingClassifier``'s token diffs): an ``Interner`` of substrings
/// with a cache in front of it for words of up to 64 bytes, looked up on
/// their bytes.
///
/// Hashing a `Substring` with the standard library's `Hasher` (and comparing
/// it with `==`, which is canonical equivalence) costs far more than a
/// short byte string needs. So a word is found by its bytes in an open
/// addressing table, eight bytes at a time (a word is copied into a zeroed
/// 64-byte buffer, folded and hashed a machine word at a time, and compared
/// with the table's zero-padded copy word by word): a plain ASCII word
/// folded to lowercase (when folding), any other word as it is written (the
/// words of the other official languages). A word the table does not know
/// yet is interned through the ``Interner`` once, as it would have been
/// without the cache (lowercased, when folding), and its id remembered under
/// its bytes: equal bytes are equal words, and words written differently
/// that are equal (in case, or canonically) each get their own entry, with
/// the id the ``Interner`` gives them. A folded ASCII entry and an entry as
/// written never share bytes (the latter has a byte above 0x7F). Longer
/// words always go through the ``Interner``. Ids are therefore exactly the
/// ids the ``Interner`` alone gives: the same words get the same ids, in the
/// same order of first use.
struct WordInterner {
    /// Whether words are interned in lowercase (`String.lowercased()`).
    let foldsCase: Bool
    /// The ids of all words, by their lowercase text.
    private var interner = Interner<Substring>()
    /// The bytes of the cached ASCII words (folded), each zero-padded to
    /// whole machine words, one after another.
    private var arena: [UInt64] = []
    /// Open addressing slots: an index into `entries` plus one, 0 for empty.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The cached words: where their words start in `arena`, their length in bytes, hash and id.
    private var entries: [(start: Int32, count: Int32, hash: UInt32, id: Int32)] = []

    /// Creates an empty interner.
    ///
    /// - Parameter foldsCase: Whether words that differ only in case are one word.
    init(foldsCase: Bool = true) {
        self.foldsCase = foldsCase
    }

    /// The id of a token's text, case-folded when ``foldsCase``.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    mutating func id(of word: Substring) -> Int32 {
        let cached = word.utf8.withContiguousStorageIfAvailable { bytes in cachedID(of: bytes) }
        if let cached, let id = cached { return id }
        if word.utf8.count <= 64, let id = word.utf8.withContiguousStorageIfAvailable({ foreignID(of: $0, word) }) {
            return id
        }
        return slowID(of: word)
    }

    /// The id of the word whose UTF-8 bytes are `bytes`; `word` builds it as
    /// a substring, asked only when the word is not plain ASCII.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, _ word: () -> Substring) -> Int32 {
        if let id = cachedID(of: bytes) { return id }
        return bytes.count <= 64 ? foreignID(of: bytes, word()) : slowID(of: word())
    }

    /// The id of a word of at most 64 bytes that is not plain ASCII (`word`, whose
    /// bytes are `bytes`), through the cache under its bytes as written.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    @inline(never)
    private mutating func foreignID(of bytes: UnsafeBufferPointer<UInt8>, _ word: Substring) -> Int32 {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &buffer) { raw -> Int32 in
            if let base = bytes.baseAddress { raw.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
            let words = raw.bindMemory(to: UInt64.self)
            let wordCount = (bytes.count + 7) >> 3
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            for k in 0..<wordCount {
                hash = (hash ^ words[k]) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
            }
            return lookUp(UnsafeBufferPointer(rebasing: words[0..<wordCount]), count: bytes.count,
                          hash: UInt32(truncatingIfNeeded: hash), foreign: word)
        }
    }

    /// The id of a plain ASCII word of at most 64 bytes, through the cache;
    /// nil for other words.
    private mutating func cachedID(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count <= 64 else { return nil }
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &buffer) { raw -> Int32? in
            if let base = bytes.baseAddress { raw.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
            let words = raw.bindMemory(to: UInt64.self)
            let wordCount = (bytes.count + 7) >> 3
            var high: UInt64 = 0
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            for k in 0..<wordCount {
                var word = words[k]
                high |= word
                if foldsCase { word = Self.lowercased(word) }
                words[k] = word
                hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
            }
            guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
            return lookUp(UnsafeBufferPointer(rebasing: words[0..<wordCount]), count: bytes.count,
                          hash: UInt32(truncatingIfNeeded: hash), foreign: nil)
        }
    }

    /// `word`'s eight ASCII bytes with A–Z turned to a–z (every byte below 0x80).
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        // Per byte b < 0x80: b + 0x3F has its high bit set when b ≥ 0x41, and
        // b + 0x25 when b ≥ 0x5B; neither sum carries into the next byte.
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~pastZ & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }

    /// The id of a word the cache does not take, from the ``Interner``.
    private mutating func slowID(of word: Substring) -> Int32 {
        guard foldsCase else { return interner.id(word) }
        let isLowerASCII = word.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }
        return interner.id(isLowerASCII ? word : word.lowercased()[...])
    }

    /// The id of the word `count` bytes long in `words` (zero-padded to whole
    /// words), whose hash is `hash`: from the table, or interned and added to
    /// it. The word is the (folded) plain ASCII word of those bytes when
    /// `foreign` is nil, else `foreign` as written.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    private mutating func lookUp(_ words: UnsafeBufferPointer<UInt64>, count: Int, hash: UInt32,
                                 foreign: Substring?) -> Int32 {
        var mask = slots.count - 1
        var slot = Int(hash) & mask
        let found = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena -> Int32? in
                    while slots[slot] != 0 {
                        let entry = entries[Int(slots[slot]) - 1]
                        if entry.hash == hash && Int(entry.count) == count {
                            var k = 0
                            let start = Int(entry.start)
                            while k < words.count && arena[start + k] == words[k] { k += 1 }
                            if k == words.count { return entry.id }
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return found }
        let start = arena.count
        arena.append(contentsOf: words)
        let id: Int32
        if let foreign {
            id = slowID(of: foreign)
        } else {
            // ASCII bytes are valid UTF-8, and folded ASCII is its own lowercase.
            let text = String(decoding: UnsafeRawBufferPointer(words).prefix(count), as: UTF8.self)
            id = interner.id(Substring(text))
        }
        entries.append((Int32(start), Int32(count), hash, id))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count {
            // Keep the load at most one half: rebuild twice as large.
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for (e, entry) in entries.enumerated() {
                var s = Int(entry.hash) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(e + 1)
            }
        }
        return id
    }
}
