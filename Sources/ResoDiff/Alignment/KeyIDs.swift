/// Ids for the comparison keys of an old and a new list of paragraphs, for
/// the paragraph diff: equal ids exactly for equal keys (Swift's string
/// equality, as ``StringInterner`` decides it), and dense (below three times
/// the number of distinct keys; about twice when all are plain ASCII).
///
/// Keys compared as bytes (see below) are split in two by the top bit of their
/// hash (worked out by the parser, ``ComparisonKey``), and each half is
/// interned on a thread of its own: the k-th distinct key of half p gets id
/// 2k + p. A half's table holds where each key stands (its paragraph), never
/// a copy of its bytes (the keys of a session's compilation are 5.7 MB).
/// Equal keys of this kind have equal bytes, hence equal hashes, hence one
/// half. The other keys are interned afterwards on one thread, by string
/// equality: a key equal to one of the plain ASCII keys (its non-ASCII
/// scalars each canonically equivalent to an ASCII character) gets that
/// key's id from its half; any other key an id above both halves'.
///
/// Which keys are compared as bytes: when every key of both lists is
/// NFC-stable (``ComparisonKey/stableHash``: plain ASCII, or accented Latin,
/// Cyrillic, CJK… without combining marks, as the texts of the United
/// Nations' other languages are), all of them, since two such keys are
/// equal exactly when their bytes are. Otherwise the plain ASCII keys only:
/// a key that is not NFC-stable (a combining mark, say) may equal an
/// NFC-stable key with other bytes, and only string equality finds it, so
/// every key beyond ASCII goes to the second step.
enum KeyIDs {
    /// Paragraphs fewer than this (both lists) are interned on the calling thread.
    static let parallelMinimum = 1024

    /// The ids of the keys of `old` and of `new`.
    ///
    /// - Complexity: O(n) in the keys' total length, spread over two cores.
    static func ids(old: [Paragraph], new: [Paragraph]) -> (old: [Int32], new: [Int32]) {
        let sides = [old, new]
        let capacity = (old.count + new.count) / 2
        let allStable = old.allSatisfy { $0.comparisonKey.stableHash != nil }
            && new.allSatisfy { $0.comparisonKey.stableHash != nil }
        // Per half: its table, and by side and paragraph the id plus one (0: not in the half).
        let halves = ThreadSlots<(table: HalfTable, ids: [[Int32]])>(count: 2, initial: (HalfTable(capacity: 0), []))
        @Sendable func intern(half p: Int) {
            var table = HalfTable(capacity: capacity)
            var ids: [[Int32]] = []
            Sides.with(old, new) { lists in
                for side in 0..<2 {
                    // Through the elements' memory, and the hash and length without the
                    // text: both threads read every paragraph, half of them made on the
                    // other core, and each copy of a text is a retain that pulls its
                    // reference count across. A text is read (and retained) only when a
                    // key of the same hash and length is in the table already.
                    let paragraphs = lists[side]
                    var sideIDs = [Int32](repeating: 0, count: paragraphs.count)
                    for i in paragraphs.indices {
                        let key = paragraphs[i].comparisonKey
                        guard let hash = allStable ? key.stableHash : key.asciiHash, Int(hash >> 63) == p else { continue }
                        let k = table.id(count: key.byteCount, hash: hash, side: side, index: i, in: lists)
                        sideIDs[i] = 2 * k + Int32(p) + 1
                    }
                    ids.append(sideIDs)
                }
            }
            halves[p] = (table, ids)
        }
        if old.count + new.count >= parallelMinimum {
            Parallel.perform(iterations: 2) { intern(half: $0) }
        } else {
            intern(half: 0)
            intern(half: 1)
        }
        let tables = [halves[0].table, halves[1].table]
        var equivalents = StringInterner()  // for its ASCII equivalents of scalars
        // Each key is in one half at most: -1 where it is in neither (not plain ASCII).
        var result: [[Int32]] = (0..<2).map { side in
            zip(halves[0].ids[side], halves[1].ids[side]).map { $0 + $1 - 1 }
        }

        // The other keys, in order: old then new.
        var known: [String: Int32] = [:]  // by key (string equality): its id
        var fresh: [String: Int32] = [:]  // keys equal to no ASCII key: a number each
        var pending: [(side: Int, index: Int, number: Int32)] = []
        for side in 0..<2 {
            for i in result[side].indices where result[side][i] < 0 {
                let key = sides[side][i].key
                if let id = known[key] {
                    result[side][i] = id
                } else if let equivalent = equivalents.asciiEquivalent(of: key),
                          let id = equivalent.withUnsafeBufferPointer({ bytes -> Int32? in
                              let hash = StringInterner.asciiHash(bytes)!  // ASCII bytes
                              let p = Int(hash >> 63)
                              return Sides.with(old, new) { tables[p].existingID(bytes, hash: hash, in: $0) }.map { 2 * $0 + Int32(p) }
                          }) {
                    known[key] = id
                    result[side][i] = id
                } else {
                    // Equal to no ASCII key (the ASCII keys are all in the tables): equal
                    // only to keys of this kind, which `fresh` numbers by string equality.
                    let number = fresh[key] ?? Int32(fresh.count)
                    fresh[key] = number
                    pending.append((side, i, number))
                }
            }
        }
        // Above every id of the halves (2k + p < 2 · count of half p).
        let base = 2 * max(tables[0].count, tables[1].count)
        for (side, i, number) in pending { result[side][i] = base + number }
        return (result[0], result[1])
    }
}

/// An open-addressing table of distinct plain ASCII paragraph keys, each
/// entered with the paragraph it is the key of, not a copy of its bytes.
/// The k-th key entered gets id k.
private struct HalfTable {
    /// An entered key: its hash, its length, and its paragraph (a list and an index).
    private struct Entry {
        var hash: UInt64
        var count: Int32
        var side: Int32
        var index: Int32
    }

    /// Index into `entries` plus one, 0 for empty; at most half full.
    private var slots: [Int32]
    private var entries: [Entry] = []

    /// The number of keys entered: the next id.
    var count: Int32 { Int32(entries.count) }

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 1024
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        entries.reserveCapacity(capacity)
    }

    /// The id of the key `bytes` of paragraph `index` of `sides[side]`, whose
    /// ``StringInterner/asciiHash(_:)`` is `hash`: an equal key's, or the next
    /// id, entered with that paragraph. `sides` are the lists entries refer to,
    /// unchanged while the table is used.
    ///
    /// - Complexity: O(n) in the key's length, amortized.
    mutating func id(count: Int, hash: UInt64, side: Int, index: Int, in sides: Sides) -> Int32 {
        let (found, slot) = find(count: count, hash: hash, in: sides) { body in
            let paragraph = sides[side].baseAddress! + index
            return paragraph.pointee.comparisonKey.withBytes(of: paragraph.pointee.text, body)
        }
        if let found { return found }
        let id = Int32(entries.count)
        entries.append(Entry(hash: hash, count: Int32(count), side: Int32(side), index: Int32(index)))
        slots[slot] = id + 1
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of the key equal to `bytes` (hash `hash`), or nil when none was entered.
    ///
    /// - Complexity: O(n) in the length of `bytes`.
    func existingID(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, in sides: Sides) -> Int32? {
        find(count: bytes.count, hash: hash, in: sides) { $0(bytes) }.id
    }

    /// The id of the entry equal to the key `count` bytes long whose hash is
    /// `hash`, or the empty slot where it would go. `withKey` calls its
    /// argument with the key's bytes: asked only when an entry has the same
    /// hash and length.
    private func find(count: Int, hash: UInt64, in sides: Sides,
                      withKey: ((UnsafeBufferPointer<UInt8>) -> Bool) -> Bool) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash && Int(entry.count) == count && withKey({ equals(entry, $0, sides) }) {
                return (slots[slot] - 1, slot)
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// True when the key of `entry`'s paragraph is `bytes` (of the same length).
    private func equals(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>, _ sides: Sides) -> Bool {
        let paragraph = sides[Int(entry.side)].baseAddress! + Int(entry.index)
        return paragraph.pointee.comparisonKey.withBytes(of: paragraph.pointee.text) { key in
            bytes.isEmpty || memoryEqual(key.baseAddress!, bytes.baseAddress!, bytes.count)
        }
    }

    /// Twice the slots, every entry placed again.
    private mutating func grow() {
        slots = probingSlots(count: slots.count * 2, hashes: entries.lazy.map(\.hash))
    }
}

/// The old and new paragraphs' memory, which the tables' entries refer to:
/// read through it, a list is never copied (a retain of its buffer, shared
/// by both threads) for each look-up.
private struct Sides {
    let old: UnsafeBufferPointer<Paragraph>
    let new: UnsafeBufferPointer<Paragraph>

    /// The paragraphs of side 0 (old) or 1 (new).
    subscript(side: Int) -> UnsafeBufferPointer<Paragraph> { side == 0 ? old : new }

    /// Calls `body` with the memory of `old` and `new`.
    static func with<R>(_ old: [Paragraph], _ new: [Paragraph], _ body: (Sides) -> R) -> R {
        old.withUnsafeBufferPointer { o in new.withUnsafeBufferPointer { body(Sides(old: o, new: $0)) } }
    }
}
