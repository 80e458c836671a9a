#if canImport(Glibc)
import Synchronization
#endif

/// Unicode property tests with fast paths.
///
/// `Unicode.Scalar.Properties` answers through a binary search in the
/// standard library's property tables: correct for every scalar, but about a
/// hundred instructions a call, and the parser asks for every character in
/// several passes. In ASCII every property used here is a fixed range, so
/// ASCII scalars are answered with a comparison. Other scalars of the Basic
/// Multilingual Plane (accented Latin, Cyrillic, Arabic, CJK: the texts of
/// the United Nations' other official languages) are answered from a table
/// that `properties` itself fills, 128 scalars at a time, the first time a
/// scalar of a block is asked about; scalars beyond it ask `properties`.
/// `ScalarClassTests` checks every scalar of the plane, and a sample of the
/// others, against `properties`.
enum ScalarClass {
    /// `properties.isWhitespace`: in ASCII, tab, LF, VT, FF, CR and space.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return flags(of: s) & Flags.whitespace != 0
    }

    /// `properties.isAlphabetic`: in ASCII, the letters A–Z and a–z.
    @inline(__always)
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return flags(of: s) & Flags.alphabetic != 0
    }

    /// `properties.isUppercase`: in ASCII, A–Z.
    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return flags(of: s) & Flags.uppercase != 0
    }

    /// `properties.isLowercase`: in ASCII, a–z.
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return flags(of: s) & Flags.lowercase != 0
    }

    /// `properties.numericType != nil`: in ASCII, the digits 0–9.
    @inline(__always)
    static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return flags(of: s) & Flags.numeric != 0
    }

    /// `isAlphabetic(s) || isNumeric(s)`: a scalar that can be part of a word.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return flags(of: s) & (Flags.alphabetic | Flags.numeric) != 0
    }

    /// `properties.generalCategory == .spaceSeparator`: in ASCII, the space.
    @inline(__always)
    static func isSpaceSeparator(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 }
        return flags(of: s) & Flags.spaceSeparator != 0
    }

    /// The properties of a scalar, a bit each.
    fileprivate enum Flags {
        static let whitespace: UInt8 = 1
        static let alphabetic: UInt8 = 2
        static let uppercase: UInt8 = 4
        static let lowercase: UInt8 = 8
        static let numeric: UInt8 = 16
        static let spaceSeparator: UInt8 = 32

        /// The flags of `s`, from `properties`.
        static func of(_ s: Unicode.Scalar) -> UInt8 {
            let p = s.properties
            var f: UInt8 = 0
            if p.isWhitespace { f |= whitespace }
            if p.isAlphabetic { f |= alphabetic }
            if p.isUppercase { f |= uppercase }
            if p.isLowercase { f |= lowercase }
            if p.numericType != nil { f |= numeric }
            if p.generalCategory == .spaceSeparator { f |= spaceSeparator }
            return f
        }
    }

    /// The flags of a scalar that is not ASCII.
    @inline(never)
    private static func flags(of s: Unicode.Scalar) -> UInt8 {
        #if canImport(Glibc)
        if s.value < 0x10000 { return PlaneTable.shared.flags(of: s.value) }
        #endif
        return Flags.of(s)
    }
}

#if canImport(Glibc)
/// The flags of the Basic Multilingual Plane's scalars, each block of 128
/// filled (from `properties`, under a lock) the first time it is read, and
/// then read without one: a block's bit in `ready` is set, with release
/// ordering, after its flags are written, and read with acquire ordering
/// before them. Filling a block costs about 30 µs; a text in one script
/// touches a few blocks.
private final class PlaneTable: @unchecked Sendable {
    static let shared = PlaneTable()

    /// 65,536 flags (surrogates stay 0: they are no scalars).
    private let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
    /// Bit b of word w: block 64w + b (scalars 128(64w + b) ..< 128(64w + b + 1)) is filled.
    private let ready: InlineArray<8, Atomic<UInt64>> = InlineArray { _ in Atomic<UInt64>(0) }
    /// Held while a block is filled.
    private let filling = Mutex<Void>(())

    private init() {}

    /// The flags of `value` (below 0x10000).
    @inline(__always)
    func flags(of value: UInt32) -> UInt8 {
        let block = Int(value >> 7)
        if ready[block >> 6].load(ordering: .acquiring) & (1 << UInt64(block & 63)) == 0 { fill(block) }
        return table[Int(value)]
    }

    /// Fills `block`, unless another thread has.
    private func fill(_ block: Int) {
        filling.withLock { _ in
            let bit: UInt64 = 1 << UInt64(block & 63)
            guard ready[block >> 6].load(ordering: .relaxed) & bit == 0 else { return }
            for v in UInt32(block << 7)..<UInt32((block + 1) << 7) {
                table[Int(v)] = Unicode.Scalar(v).map(ScalarClass.Flags.of) ?? 0
            }
            ready[block >> 6].bitwiseOr(bit, ordering: .releasing)
        }
    }
}
#endif
