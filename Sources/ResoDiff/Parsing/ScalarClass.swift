#if canImport(Glibc)
import Glibc
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
/// that `properties` itself fills, a scalar the first time it is asked
/// about; scalars beyond it ask `properties`.
/// `ScalarClassTests` checks every scalar of the plane, and a sample of the
/// others, against `properties`.
enum ScalarClass {
    /// `properties.isWhitespace`: in ASCII, tab, LF, VT, FF, CR and space; beyond
    /// it, the twenty scalars of Unicode's White_Space property, compared
    /// directly (the property has not changed since Unicode 6.3, and the
    /// tests hold it to `properties`).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000
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

    /// `isWordScalar(s) || isMark(s)`: a scalar that continues a word (a
    /// letter, a digit, or a mark on the letter before it).
    @inline(__always)
    static func continuesWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return flags(of: s) & (Flags.alphabetic | Flags.numeric | Flags.mark) != 0
    }

    /// Whether `s` is a combining mark (general category Mn, Mc or Me: the
    /// accent of an `e` written as `e` and U+0301, a vowel sign): none in ASCII.
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x80 && flags(of: s) & Flags.mark != 0
    }

    /// `properties.generalCategory == .spaceSeparator`: the white space above
    /// but the line and paragraph separators and the controls (tab to CR, U+0085).
    @inline(__always)
    static func isSpaceSeparator(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 }
        if v < 0x1680 { return v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Whether `s` keeps any text it stands in composed, in Unicode's normal form
    /// C (NFC), whatever stands around it, when the rest of the text does too:
    /// ASCII, and the ranges of ``nfcStableRanges``.
    ///
    /// A text of such scalars only is its own NFC, so two such texts are equal
    /// as Swift strings (canonical equivalence) exactly when their bytes are:
    /// their keys can be compared and hashed as bytes, without the standard
    /// library's normalizing hash.
    @inline(__always)
    static func isNFCStable(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // The most frequent ranges first: Latin, Cyrillic, CJK ideographs.
        if v < 0x0300 || (v >= 0x0400 && v <= 0x0482) || (v >= 0x4E00 && v <= 0x9FFF) { return true }
        return flags(of: s) & Flags.nfcStable != 0
    }

    /// The scalars beyond ASCII that ``isNFCStable(_:)`` accepts: the letters,
    /// digits and punctuation of accented Latin (Latin-1 to Latin Extended-B,
    /// Latin Extended Additional), Greek, Cyrillic, Hebrew, Arabic, general
    /// punctuation and currency signs, CJK punctuation, kana, CJK ideographs,
    /// Hangul syllables and full-width forms, without their combining marks.
    /// Each is its own NFC, has combining class 0, and is never the second
    /// element of a canonical composition, nor does its decomposition start
    /// with one; `ScalarClassTests` checks every one of them against
    /// Foundation's decompositions of all of Unicode. None joins the character
    /// after it into one (as the Arabic number signs do), so the end of a key
    /// made of them can be trimmed as bytes.
    static let nfcStableRanges: [ClosedRange<UInt32>] = [
        0x0080...0x02FF,  // Latin-1 Supplement to Spacing Modifier Letters
        0x0370...0x0373, 0x0375...0x037D, 0x037F...0x0386, 0x0388...0x03FF,  // Greek (not 0374, 037E, 0387)
        0x0400...0x0482, 0x048A...0x052F,  // Cyrillic and its supplement (not the combining 0483–0489)
        0x05D0...0x05F4,  // Hebrew letters and punctuation (not the points)
        0x0606...0x060F, 0x061B...0x064A, 0x0660...0x066F, 0x0671...0x06D5,  // Arabic (not the marks,
        0x06DE...0x06DE, 0x06E5...0x06E6, 0x06E9...0x06E9, 0x06EE...0x06FF,  // nor the signs 0600–0605, 06DD)
        0x1E00...0x1EFF,  // Latin Extended Additional
        0x2010...0x2027, 0x2030...0x205E,  // general punctuation (not the spaces and format controls)
        0x20A0...0x20C0,  // currency signs
        0x3001...0x3029, 0x3030...0x303F,  // CJK punctuation (not the marks 302A–302F)
        0x3041...0x3096, 0x309D...0x309F, 0x30A0...0x30FF,  // kana (not the sound marks 3099–309C)
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xAC00...0xD7A3,  // Hangul syllables
        0xFF01...0xFFEE,  // half-width and full-width forms
    ]

    /// The properties of a scalar, a bit each.
    fileprivate enum Flags {
        static let alphabetic: UInt8 = 1
        static let uppercase: UInt8 = 2
        static let lowercase: UInt8 = 4
        static let numeric: UInt8 = 8
        static let nfcStable: UInt8 = 16
        static let mark: UInt8 = 32
        /// Set in every entry of the table once its flags are worked out.
        static let known: UInt8 = 0x80

        /// The flags of `s`, from `properties`.
        static func of(_ s: Unicode.Scalar) -> UInt8 {
            let p = s.properties
            var f: UInt8 = 0
            if p.isAlphabetic { f |= alphabetic }
            if p.isUppercase { f |= uppercase }
            if p.isLowercase { f |= lowercase }
            if p.numericType != nil { f |= numeric }
            if ScalarClass.nfcStableRanges.contains(where: { $0.contains(s.value) }) { f |= nfcStable }
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: f |= mark
            default: break
            }
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
/// The flags of the Basic Multilingual Plane's scalars, each worked out (from
/// `properties`) the first time it is asked for, and kept: a byte a scalar,
/// 0 until then, the flags with ``ScalarClass/Flags/known`` set after. The
/// bytes are atomics read and written with relaxed ordering: two threads that
/// ask for the same new scalar at once both work out the same flags, and no
/// other memory depends on them. A text in one script touches a few thousand
/// scalars at most (about 0.2 µs each the first time).
private final class PlaneTable: @unchecked Sendable {
    static let shared = PlaneTable()

    /// 65,536 flags (surrogates are never asked for: they are no scalars).
    private let table: UnsafeMutablePointer<Atomic<UInt8>>

    private init() {
        // Zeroed memory holds 65,536 atomics of value 0: an atomic byte is laid out as a byte.
        table = calloc(0x10000, 1)!.bindMemory(to: Atomic<UInt8>.self, capacity: 0x10000)
    }

    /// The flags of `value` (below 0x10000, a scalar), ``ScalarClass/Flags/known`` set.
    @inline(__always)
    func flags(of value: UInt32) -> UInt8 {
        let known = table[Int(value)].load(ordering: .relaxed)
        if known != 0 { return known }
        let flags = ScalarClass.Flags.of(Unicode.Scalar(value)!) | ScalarClass.Flags.known
        table[Int(value)].store(flags, ordering: .relaxed)
        return flags
    }
}
#endif
