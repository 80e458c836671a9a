/// Interns words (case-folded for ``WordBag``, as they are for
/// ``RewordingClassifier``'s token diffs): an ``Interner`` of substrings
/// with a cache in front of it for plain ASCII words, looked up on their
/// bytes.
///
/// Hashing a `Substring` with the standard library's `Hasher` (and comparing
/// it with `==`, which is canonical equivalence) costs far more than a
/// short byte string needs. Almost every word of a resolution is ASCII, so
/// such words are folded to lowercase (when folding) and found by their bytes in an open
/// addressing table (FNV-1a hash, byte comparison). A word the table does not
/// know yet is interned through the ``Interner`` once, as it would have been
/// without the cache, and its id remembered; other words always go through
/// the ``Interner``. Ids are therefore exactly the ids the ``Interner`` alone
/// gives: the same words get the same ids, in the same order of first use.
struct WordInterner {
    /// Whether words are interned in lowercase (`String.lowercased()`).
    let foldsCase: Bool
    /// The ids of all words, by their lowercase text.
    private var interner = Interner<Substring>()
    /// The bytes of the cached ASCII words, one after another.
    private var arena: [UInt8] = []
    /// Open addressing slots: an index into `entries` plus one, 0 for empty.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The cached words: where their bytes stand in `arena`, their hash and id.
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
        return slowID(of: word)
    }

    /// The id of the word whose UTF-8 bytes are `bytes`; `word` builds it as
    /// a substring, asked only when the word is not plain ASCII.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, _ word: () -> Substring) -> Int32 {
        if let id = cachedID(of: bytes) { return id }
        return slowID(of: word())
    }

    /// The id of a plain ASCII word of at most 64 bytes, through the cache;
    /// nil for other words.
    private mutating func cachedID(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count <= 64 else { return nil }
        // FNV-1a over the folded bytes; any byte at or above 0x80 sets `high`.
        var hash: UInt32 = 2_166_136_261
        var high: UInt8 = 0
        let fold: UInt8 = foldsCase ? 0x20 : 0
        for byte in bytes {
            high |= byte
            hash = (hash ^ UInt32(Self.folded(byte, fold))) &* 16_777_619
        }
        guard high < 0x80 else { return nil }
        return lookUp(bytes, fold: fold, hash: hash)
    }

    /// `byte` in lowercase when `fold` is 0x20 and it is an ASCII capital.
    @inline(__always)
    private static func folded(_ byte: UInt8, _ fold: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | fold : byte
    }

    /// The id of a word the cache does not take, from the ``Interner``.
    private mutating func slowID(of word: Substring) -> Int32 {
        guard foldsCase else { return interner.id(word) }
        let isLowerASCII = word.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }
        return interner.id(isLowerASCII ? word : word.lowercased()[...])
    }

    /// The id of the ASCII word `bytes`, folded with `fold`, whose hash is
    /// `hash`: from the table, or interned and added to it.
    ///
    /// - Complexity: O(n) in the word's length, amortized.
    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, fold: UInt8, hash: UInt32) -> Int32 {
        var mask = slots.count - 1
        var slot = Int(hash) & mask
        let found = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena -> Int32? in
                    while slots[slot] != 0 {
                        let entry = entries[Int(slots[slot]) - 1]
                        if entry.hash == hash && Int(entry.count) == bytes.count {
                            var k = 0
                            let start = Int(entry.start)
                            while k < bytes.count && arena[start + k] == Self.folded(bytes[k], fold) { k += 1 }
                            if k == bytes.count { return entry.id }
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return found }
        let start = arena.count
        for byte in bytes { arena.append(Self.folded(byte, fold)) }
        // ASCII bytes are valid UTF-8, and folded ASCII is its own lowercase.
        let id = arena.withUnsafeBufferPointer { arena in
            interner.id(Substring(String(decoding: UnsafeBufferPointer(rebasing: arena[start...]), as: UTF8.self)))
        }
        entries.append((Int32(start), Int32(bytes.count), hash, id))
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
