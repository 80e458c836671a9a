/// Interns strings to dense ids, as ``Interner`` does for `String` (equal
/// strings, in Swift's sense of canonical equivalence, get one id), with
/// plain ASCII strings found by their bytes.
///
/// Hashing a long `String` with `Hasher` (SipHash over its normalized
/// scalars) and comparing it with `==` costs far more than its bytes need.
/// Paragraph comparison keys are almost always plain ASCII, so they are
/// looked up in an open addressing table by their bytes (a multiplicative
/// hash over 8 bytes at a time, then a byte comparison).
///
/// Equality stays Swift's string equality:
/// - two ASCII strings are equal exactly when their bytes are;
/// - two strings that are not plain ASCII are looked up in a dictionary, as
///   ``Interner`` would;
/// - a non-ASCII string equals an ASCII one only when each of its non-ASCII
///   scalars is canonically equivalent to one ASCII character (Unicode has
///   three: U+037E GREEK QUESTION MARK, U+1FEF GREEK VARIA, U+212A KELVIN
///   SIGN; which scalars qualify is asked of `String` equality, not listed
///   here). Such a string is also entered in the byte table under its ASCII
///   equivalent, so an ASCII string finds it there.
///
/// The ids differ from ``Interner``'s only in numbering where such
/// equivalents occur: they are dense, and two strings get one id exactly
/// when they are equal. Callers use ids for equality only.
struct StringInterner {
    /// The number of distinct strings seen: the next id.
    private(set) var count: Int32 = 0
    /// Strings that are not plain ASCII.
    private var others: [String: Int32] = [:]
    /// The ASCII character each non-ASCII scalar is canonically equivalent to, or 0xFF.
    private var asciiEquivalent: [UInt32: UInt8] = [:]
    /// The bytes of the ASCII strings in the table, one after another.
    private var arena: [UInt8] = []
    /// Open addressing slots: an index into `entries` plus one, 0 for empty.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The table's strings: where their bytes stand in `arena`, their hash and id.
    private var entries: [(start: Int, count: Int, hash: UInt64, id: Int32)] = []

    /// Creates an empty interner.
    init() {}

    /// The id of `string`, assigning the next free one if it is new.
    ///
    /// - Complexity: O(n) in the string's length, amortized.
    mutating func id(_ string: String) -> Int32 {
        let ascii = UTF8Scan.withBytes(string) { bytes -> Int32? in
            guard let hash = Self.asciiHash(bytes) else { return nil }
            return tableID(bytes, hash: hash)
        }
        return ascii ?? otherID(string)
    }

    /// A hash of `bytes`, or nil when they are not all ASCII.
    ///
    /// Sixteen bytes a step, in two lanes whose multiplications do not wait
    /// for each other; a text of sixteen bytes or more ends with its last
    /// sixteen (overlapping the step before), a shorter one is read byte by
    /// byte; the lanes and the length are mixed at the end.
    /// - Complexity: O(n).
    static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let (hash, high) = hashAndHighBits(bytes)
        return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
    }

    /// ``asciiHash(_:)`` of any bytes, ASCII or not: the same hash where that
    /// one exists.
    ///
    /// - Complexity: O(n).
    static func byteHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hashAndHighBits(bytes).hash
    }

    /// The hash of ``asciiHash(_:)``, and the bytes or-ed together in some
    /// order (a byte's high bit set in it exactly when one is not ASCII).
    @inline(__always)
    private static func hashAndHighBits(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, high: UInt64) {
        let n = bytes.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var high: UInt64 = 0
        if n >= 16, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var k = 0
            while true {
                let at = min(k, n - 16)
                let x = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let y = raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)
                high |= x | y
                a = (a ^ x) &* 0x100_0000_01B3 &+ 0x2545_F491_4F6C_DD1D
                b = (b ^ y) &* 0xFF51_AFD7_ED55_8CCD &+ 0x1405_7B7E_F767_814F
                if at == n - 16 { break }
                k += 16
            }
        } else {
            var shift: UInt64 = 0
            for byte in bytes {
                if shift < 64 { a ^= UInt64(byte) << shift } else { b ^= UInt64(byte) << (shift - 64) }
                high |= UInt64(byte)
                shift += 8
            }
        }
        var hash = (a ^ (b >> 29) ^ (b << 35) ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 32
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return (hash ^ (hash >> 29), high)
    }

    /// The id of the ASCII string `bytes` with hash `hash`: from the table,
    /// or the next free id, entered in the table.
    private mutating func tableID(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (found, slot) = find(bytes, hash: hash)
        if let found { return found }
        let id = count
        count += 1
        insert(bytes, hash: hash, id: id, at: slot)
        return id
    }

    /// The entry for `bytes` (its id), or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (Int32?, Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena -> (Int32?, Int) in
                    while slots[slot] != 0 {
                        let entry = entries[Int(slots[slot]) - 1]
                        if entry.hash == hash && entry.count == bytes.count
                            && (bytes.isEmpty || memoryEqual(arena.baseAddress! + entry.start, bytes.baseAddress!, bytes.count)) {
                            return (entry.id, slot)
                        }
                        slot = (slot + 1) & mask
                    }
                    return (nil, slot)
                }
            }
        }
    }

    /// Enters `bytes` with `id` in the empty slot `slot`.
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, id: Int32, at slot: Int) {
        entries.append((arena.count, bytes.count, hash, id))
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count {
            // Keep the load at most one half: rebuild twice as large.
            slots = probingSlots(count: slots.count * 2, hashes: entries.lazy.map(\.hash))
        }
    }

    /// The id of a string that is not plain ASCII.
    private mutating func otherID(_ string: String) -> Int32 {
        if let id = others[string] { return id }
        let id: Int32
        if let equivalent = asciiEquivalent(of: string) {
            id = equivalent.withUnsafeBufferPointer { bytes in
                tableID(bytes, hash: Self.asciiHash(bytes)!)
            }
        } else {
            id = count
            count += 1
        }
        others[string] = id
        return id
    }

    /// The plain ASCII string `string` equals (each of its non-ASCII scalars
    /// canonically equivalent to one ASCII character), or nil when it has none.
    ///
    /// - Complexity: O(n) in the string's length.
    mutating func asciiEquivalent(of string: String) -> [UInt8]? {
        var equivalent: [UInt8] = []
        equivalent.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if scalar.isASCII { equivalent.append(UInt8(scalar.value)); continue }
            let ascii = asciiCharacter(equivalentTo: scalar)
            if ascii == 0xFF { return nil }
            equivalent.append(ascii)
        }
        return equivalent
    }

    /// The ASCII character `scalar` is canonically equivalent to, or 0xFF.
    private mutating func asciiCharacter(equivalentTo scalar: Unicode.Scalar) -> UInt8 {
        if let known = asciiEquivalent[scalar.value] { return known }
        let text = String(Character(scalar))
        var found: UInt8 = 0xFF
        for x in UInt8(0)..<0x80 where text == String(Character(Unicode.Scalar(x))) {
            found = x
            break
        }
        asciiEquivalent[scalar.value] = found
        return found
    }
}

/// An open-addressing table of `count` slots (a power of two) holding entries
/// 1, 2, … (0 is an empty slot), the k-th in the first free slot from
/// `hashes`' k-th element on: the table a hash table of those entries
/// rebuilds when it grows.
///
/// - Complexity: O(n) expected, for a table at most half full.
func probingSlots(count: Int, hashes: some Sequence<UInt64>) -> [Int32] {
    var slots = [Int32](repeating: 0, count: count)
    let mask = count - 1
    for (e, hash) in hashes.enumerated() {
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(e + 1)
    }
    return slots
}

/// Whether `count` bytes at `a` and at `b` are the same.
@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var k = 0
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    while k + 8 <= count {
        if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
            return false
        }
        k += 8
    }
    while k < count {
        if a[k] != b[k] { return false }
        k += 1
    }
    return true
}
