/// How many times each label has been used so far, for the classifier's
/// "PP1", "PP1-2", "PP1-3" of a text that repeats its numbering (a
/// compilation of resolutions, a draft pasted twice).
///
/// A label of at most 15 plain ASCII bytes (nearly all: "OP12", "A.OP3(b)")
/// is packed with its length into two machine words and counted in an
/// open-addressing table of them: no hashing of a string, no comparison of
/// one. Any other label is counted in a dictionary. Two labels are counted
/// as one exactly when they are equal strings: ASCII strings are equal when
/// their bytes are, and the two kinds never meet.
struct LabelUses {
    /// Packed labels; a slot is empty when its count is 0.
    private var keys: [(UInt64, UInt64)]
    private var counts: [Int]
    private var filled = 0
    /// Labels that do not pack.
    private var others: [String: Int] = [:]

    /// A table with room for `capacity` labels before it grows.
    init(capacity: Int) {
        var size = 64
        while size < 2 * capacity { size *= 2 }
        keys = Array(repeating: (0, 0), count: size)
        counts = Array(repeating: 0, count: size)
    }

    /// Counts one more use of `label` and returns the number of uses, this one included.
    ///
    /// - Complexity: O(1) amortized for a packed label, O(n) in its length otherwise.
    mutating func use(_ label: String) -> Int {
        guard let key = Self.packed(label) else {
            let count = (others[label] ?? 0) + 1
            others[label] = count
            return count
        }
        if 2 * (filled + 1) > keys.count { grow() }
        let slot = find(key)
        if counts[slot] == 0 {
            keys[slot] = key
            filled += 1
        }
        counts[slot] += 1
        return counts[slot]
    }

    /// The slot holding `key`, or the empty one where it goes.
    private func find(_ key: (UInt64, UInt64)) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: ((key.0 ^ (key.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 32) & mask
        while counts[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Twice the slots, every label entered again.
    private mutating func grow() {
        let old = zip(keys, counts).filter { $0.1 != 0 }
        keys = Array(repeating: (0, 0), count: keys.count * 2)
        counts = Array(repeating: 0, count: keys.count)
        for (key, count) in old {
            let slot = find(key)
            keys[slot] = key
            counts[slot] = count
        }
    }

    /// `label`'s bytes in two words, its length in the last byte; nil when it
    /// is longer than 15 bytes or not plain ASCII.
    static func packed(_ label: String) -> (UInt64, UInt64)? {
        UTF8Scan.withBytes(label) { u -> (UInt64, UInt64)? in
            guard u.count <= 15 else { return nil }
            var words: (UInt64, UInt64) = (0, UInt64(u.count) << 56)
            var high: UInt8 = 0
            for k in 0..<u.count {
                high |= u[k]
                if k < 8 {
                    words.0 |= UInt64(u[k]) << (8 * UInt64(k))
                } else {
                    words.1 |= UInt64(u[k]) << (8 * UInt64(k - 8))
                }
            }
            return high < 0x80 ? words : nil
        }
    }
}
