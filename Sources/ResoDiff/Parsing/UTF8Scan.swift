/// Reading and writing UTF-8 bytes directly, for the passes that look at
/// every character.
///
/// A `String`'s storage is valid UTF-8, so a pass can walk its bytes: an
/// ASCII byte (below 0x80) is a whole scalar and is never part of another
/// scalar's encoding, so every test against an ASCII character (`*`, space,
/// `,`, digits) is a byte comparison, and only a byte at or above 0x80 needs
/// decoding. Output is gathered in a byte array and turned into a `String`
/// once, instead of appending scalars to a `String.UnicodeScalarView` one at
/// a time (each append re-checks capacity and ASCII-ness of the string).
enum UTF8Scan {
    /// Runs `body` over the UTF-8 bytes of `text`, without copying a native string.
    ///
    /// A native or small string is read where it is (`withContiguousStorageIfAvailable`
    /// borrows it), where `withUTF8`, a mutating method, needs a copy of the
    /// string: a retain and a release, on a string made on the other core as
    /// often as not.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return try text.withUTF8(body)
    }

    /// Runs `body` over the UTF-8 bytes of `text`, without copying a native string.
    @inline(__always)
    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8(body)
    }

    /// The number of bytes of the scalar whose encoding starts with `lead`.
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// True for a byte that continues a multi-byte scalar (10xxxxxx).
    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Decodes the scalar whose encoding starts at `i`.
    ///
    /// - Precondition: `u` is valid UTF-8 (as a `String`'s bytes are) and `i` is
    ///   the start of a scalar.
    /// - Returns: the scalar and the length of its encoding.
    /// - Complexity: O(1).
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = u[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let value: UInt32
        let length: Int
        if b0 < 0xE0 {
            value = UInt32(b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = UInt32(b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
            length = 3
        } else {
            value = UInt32(b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
                | UInt32(u[i + 3] & 0x3F)
            length = 4
        }
        // Valid UTF-8 never encodes a surrogate or a value above 0x10FFFF, so
        // the fallback is never taken.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the scalar that ends just before `i`.
    ///
    /// - Precondition: `i > 0`, and `i` is the start of a scalar or the end of `u`.
    /// - Complexity: O(1) (at most three steps back).
    @inline(__always)
    static func start(before i: Int, in u: UnsafeBufferPointer<UInt8>) -> Int {
        var k = i - 1
        while k > 0 && isContinuation(u[k]) { k -= 1 }
        return k
    }

    /// The scalar that ends just before `i`.
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, before i: Int) -> Unicode.Scalar {
        scalar(u, at: start(before: i, in: u)).scalar
    }

    // MARK: Eight bytes at a time
    //
    // A word is eight bytes of the text, loaded little-endian (byte k in bits
    // 8k…8k+7), and each test flags the high bit of the bytes it finds.

    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The word of `u` starting at byte `i`.
    /// - Precondition: `i + 8 <= u.count`.
    @inline(__always)
    static func word(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(u.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }

    /// True when some byte of `x` is zero. Exact for "some"; which bytes it
    /// flags is exact only up to the first zero byte (a borrow runs upwards).
    @inline(__always)
    static func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }

    /// The high bit of each byte of `x` that is zero, exactly (seven bits plus
    /// 0x7F never carry out of a byte).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let lows = ~highs
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// True when `u` is printable ASCII with single spaces between words and
    /// none at either end, and holds neither `*` nor, when `underscore` is
    /// set, `_`: text that display-text building and key folding leave as
    /// it is, so they can return it without rebuilding it.
    ///
    /// Eight bytes at a time (SWAR: each test below answers "does any byte
    /// of the word …" exactly), then byte by byte for the tail.
    /// - Complexity: O(n), about one instruction a byte.
    static func isCollapsedASCII(_ u: UnsafeBufferPointer<UInt8>, allowingUnderscore underscore: Bool) -> Bool {
        guard let first = u.first, let last = u.last, first != 0x20, last != 0x20 else { return u.isEmpty }
        let n = u.count
        var i = 0
        let forbidden = ones &* (underscore ? 0x2A : 0x5F)  // `_` is looked for only when it is not allowed
        var previousSpace: UInt64 = 0
        while i + 8 <= n {
            let x = word(u, at: i)
            // Every byte below 0x80 (so adding less than 0x80 never carries out of a byte),
            // from 0x20 (+0x60 sets the high bit) to 0x7E (+0x01 does not), and neither `*` nor `_`.
            guard x & highs == 0, (x &+ ones &* 0x60) & ~(x &+ ones) & highs == highs,
                  !hasZeroByte(x ^ (ones &* 0x2A)), !hasZeroByte(x ^ forbidden) else {
                return false
            }
            // Two spaces in a row: a space whose byte before (the flags shifted a byte,
            // the word before's last flag coming in at the bottom) is a space too.
            let spaces = zeroBytes(x ^ (ones &* 0x20))
            if spaces & (spaces << 8 | previousSpace >> 56) != 0 { return false }
            previousSpace = spaces
            i += 8
        }
        var previous: UInt8 = previousSpace >> 63 != 0 ? 0x20 : 0
        while i < n {
            let b = u[i]
            guard b >= 0x20, b < 0x7F, b != 0x2A, underscore || b != 0x5F, !(b == 0x20 && previous == 0x20) else {
                return false
            }
            previous = b
            i += 1
        }
        return true
    }

    /// True when `u` (valid UTF-8) is display text already, whatever its
    /// scalars: no white space but single spaces between words (none at
    /// either end, no tab, line end or white space beyond ASCII) and no `*`;
    /// ``TextScan/display(_:)-(String)`` would return it unchanged. The
    /// non-ASCII text of the other official languages that
    /// ``isCollapsedASCII(_:allowingUnderscore:)`` turns away.
    ///
    /// Non-ASCII white space is recognized by its lead bytes (C2 for U+0085
    /// and U+00A0, E1 for U+1680, E2 for U+2000–U+205F, E3 for U+3000), so a
    /// scalar is decoded only after one of those. Sixteen bytes at a time
    /// (each step's bytes beside the ones before them, for doubled spaces),
    /// up to a byte that is a control, `*`, such a lead byte or a second
    /// space; that byte is then judged alone, and the vectors go on after it.
    /// - Complexity: O(n).
    static func isCollapsedDisplay(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = u.first, let last = u.last, first != 0x20, last != 0x20, let base = u.baseAddress else {
            return u.isEmpty
        }
        let n = u.count
        let raw = UnsafeRawPointer(base)
        let space = SIMD16<UInt8>(repeating: 0x20), star = SIMD16<UInt8>(repeating: 0x2A)
        let c2 = SIMD16<UInt8>(repeating: 0xC2), e1 = SIMD16<UInt8>(repeating: 0xE1)
        let e2 = SIMD16<UInt8>(repeating: 0xE2), e3 = SIMD16<UInt8>(repeating: 0xE3)
        /// Whether the byte at `k` (a scalar's first) keeps the text display text,
        /// the byte before it being `previous`; and where the next scalar starts.
        func judge(_ k: Int, after previous: UInt8) -> (ok: Bool, next: Int) {
            let b = u[k]
            switch b {
            case 0x20: return (previous != 0x20, k + 1)
            case 0x09...0x0D, 0x2A: return (false, k + 1)
            default:
                guard isSpaceLead(b) else { return (true, k + 1) }
                let (s, length) = scalar(u, at: k)
                return (!ScalarClass.isWhitespace(s), k + length)
            }
        }
        // Byte 0 alone (the vectors look at bytes 1 ..< n, each beside the byte before it).
        var (ok, i) = judge(0, after: 0)
        guard ok else { return false }
        while i < n {
            if i + 16 <= n {
                let before = raw.loadUnaligned(fromByteOffset: i - 1, as: SIMD16<UInt8>.self)
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let flagged = (v .< space) .| (v .== star) .| (v .== c2) .| (v .== e1) .| (v .== e2) .| (v .== e3)
                    .| ((v .== space) .& (before .== space))
                let lanes = unsafeBitCast(flagged, to: SIMD2<UInt64>.self)
                if lanes[0] | lanes[1] == 0 {
                    i += 16
                    continue
                }
                // The first flagged byte: a scalar's first (the lead bytes and ASCII are).
                i += lanes[0] != 0 ? lanes[0].trailingZeroBitCount / 8 : 8 + lanes[1].trailingZeroBitCount / 8
            }
            (ok, i) = judge(i, after: u[i - 1])
            guard ok else { return false }
        }
        return true
    }

    /// What ``collapsedASCIITraits(_:)`` finds in collapsed ASCII text.
    struct CollapsedTraits: Equatable {
        /// Some byte is `_` (emphasis markup the comparison key drops).
        var hasUnderscore = false
        /// Some byte is an ASCII digit (a footnote marker may be there).
        var hasDigit = false
    }

    /// ``isCollapsedASCII(_:allowingUnderscore:)`` with `_` allowed, and in the
    /// same pass whether the text holds a `_` or a digit: nil when the text is
    /// not collapsed ASCII. One pass where the parser made three (display text,
    /// marker removal, comparison key).
    ///
    /// Sixteen bytes at a time, as ``lineMarks(_:)``: the flags are gathered over
    /// the whole text and read once at the end; a text shorter than 17 bytes is
    /// read byte by byte.
    /// - Complexity: O(n).
    static func collapsedASCIITraits(_ u: UnsafeBufferPointer<UInt8>) -> CollapsedTraits? {
        guard let first = u.first, let last = u.last, first != 0x20, last != 0x20 else {
            return u.isEmpty ? CollapsedTraits() : nil
        }
        let n = u.count
        guard n >= 17, let base = u.baseAddress else { return collapsedASCIITraitsByByte(u) }
        // The first byte is checked alone: the vectors below test bytes 1 ..< n (each
        // step's second load), and pairs through the first load beside them.
        guard first >= 0x21, first < 0x7F, first != 0x2A else { return nil }
        let raw = UnsafeRawPointer(base)
        let space = SIMD16<UInt8>(repeating: 0x20), star = SIMD16<UInt8>(repeating: 0x2A)
        let underscore = SIMD16<UInt8>(repeating: 0x5F), zero = SIMD16<UInt8>(repeating: 0x30)
        let printableSpan = SIMD16<UInt8>(repeating: 0x5E), ten = SIMD16<UInt8>(repeating: 10)
        var bad = SIMDMask<SIMD16<Int8>>(repeating: false), underscores = bad
        var digits = first >= 0x30 && first <= 0x39 ? SIMDMask<SIMD16<Int8>>(repeating: true) : bad
        if first == 0x5F { underscores = SIMDMask(repeating: true) }
        var i = 0
        while true {
            // The last step overlaps the one before, which only flags again what was flagged.
            let at = min(i, n - 17)
            let a = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            let b = raw.loadUnaligned(fromByteOffset: at + 1, as: SIMD16<UInt8>.self)
            // Outside 0x20 ... 0x7E (wrapping: below 0x20 becomes large), `*`, or a second space in a row.
            bad = bad .| ((b &- space) .> printableSpan) .| (b .== star) .| ((a .== space) .& (b .== space))
            underscores = underscores .| (b .== underscore)
            digits = digits .| ((b &- zero) .< ten)
            if at == n - 17 { break }
            i += 16
        }
        if anyLane(bad) { return nil }
        return CollapsedTraits(hasUnderscore: anyLane(underscores), hasDigit: anyLane(digits))
    }

    /// ``collapsedASCIITraits(_:)`` byte by byte.
    static func collapsedASCIITraitsByByte(_ u: UnsafeBufferPointer<UInt8>) -> CollapsedTraits? {
        guard let first = u.first, let last = u.last, first != 0x20, last != 0x20 else {
            return u.isEmpty ? CollapsedTraits() : nil
        }
        var traits = CollapsedTraits()
        var previous: UInt8 = 0
        for b in u {
            guard b >= 0x20, b < 0x7F, b != 0x2A, !(b == 0x20 && previous == 0x20) else { return nil }
            if b == 0x5F { traits.hasUnderscore = true }
            if b >= 0x30 && b <= 0x39 { traits.hasDigit = true }
            previous = b
        }
        return traits
    }

    /// True when some byte of `u` (of any value) is an ASCII digit: as
    /// ``containsASCIIDigit(_:)``, sixteen bytes a step (the last step
    /// overlapping the one before), for texts that are long.
    ///
    /// - Complexity: O(n).
    static func containsDigitByVectors(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        guard n >= 16, let base = u.baseAddress else { return containsASCIIDigit(u) }
        let raw = UnsafeRawPointer(base)
        let zero = SIMD16<UInt8>(repeating: 0x30), ten = SIMD16<UInt8>(repeating: 10)
        var i = 0
        while true {
            let at = min(i, n - 16)
            let v = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            if anyLane((v &- zero) .< ten) { return true }
            if at == n - 16 { return false }
            i += 16
        }
    }

    /// True when some byte of `u` is `byte`.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    static func contains(_ u: UnsafeBufferPointer<UInt8>, byte: UInt8) -> Bool {
        let pattern = ones &* UInt64(byte)
        var i = 0
        while i + 8 <= u.count {
            if hasZeroByte(word(u, at: i) ^ pattern) { return true }
            i += 8
        }
        while i < u.count {
            if u[i] == byte { return true }
            i += 1
        }
        return false
    }

    /// True when `u` is valid UTF-8 (as `String(validating:as:)` decides:
    /// no overlong form, no surrogate, nothing above U+10FFFF).
    ///
    /// Plain ASCII is passed over sixty-four bytes at a time; from the first
    /// byte at or above 0x80, each sequence is checked where it stands (its
    /// lead byte's range, its continuation bytes, and the second byte's range
    /// after E0, ED, F0 and F4), and the ASCII between sequences is passed
    /// over eight bytes at a time (up to the next byte at or above 0x80),
    /// until 64 bytes of ASCII in a row send the scan back to the quick pass.
    /// - Complexity: O(n).
    static func isValidUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var i = 0
        while i < n {
            i = firstByte(of: u, from: i, atLeast: 0x80)
            guard i < n else { return true }
            var ascii = 0  // ASCII bytes passed since the last sequence
            while i < n && ascii < 64 {
                let b = u[i]
                if b < 0x80 {
                    i += 1
                    ascii += 1
                    // More ASCII: passed a word at a time (a single byte, as a space between
                    // words of another script, costs no word), up to 64 bytes in all, after
                    // which the quick pass takes over again.
                    while i + 8 <= n && u[i] < 0x80 && ascii < 64 {
                        let high = word(u, at: i) & highs
                        if high != 0 { i += high.trailingZeroBitCount / 8; break }
                        i += 8
                        ascii += 8
                    }
                    continue
                }
                ascii = 0
                @inline(__always) func continues(_ k: Int) -> Bool { k < n && u[k] & 0xC0 == 0x80 }
                switch b {
                case 0xC2...0xDF:
                    guard continues(i + 1) else { return false }
                    i += 2
                case 0xE0...0xEF:
                    guard continues(i + 1), continues(i + 2) else { return false }
                    let second = u[i + 1]
                    if b == 0xE0 && second < 0xA0 || b == 0xED && second >= 0xA0 { return false }  // overlong, surrogate
                    i += 3
                case 0xF0...0xF4:
                    guard continues(i + 1), continues(i + 2), continues(i + 3) else { return false }
                    let second = u[i + 1]
                    if b == 0xF0 && second < 0x90 || b == 0xF4 && second >= 0x90 { return false }  // overlong, too large
                    i += 4
                default:
                    return false  // a continuation byte without a lead, C0, C1, F5 and above
                }
            }
        }
        return true
    }

    /// True when some byte of `u` is NUL.
    ///
    /// - Complexity: O(n), sixty-four bytes at a time.
    static func containsNUL(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let zero = SIMD16<UInt8>(repeating: 0)
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 64 <= u.count {
                let found = (raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) .== zero)
                    .| (raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<UInt8>.self) .== zero)
                    .| (raw.loadUnaligned(fromByteOffset: i + 32, as: SIMD16<UInt8>.self) .== zero)
                    .| (raw.loadUnaligned(fromByteOffset: i + 48, as: SIMD16<UInt8>.self) .== zero)
                if anyLane(found) { return true }
                i += 64
            }
        }
        while i < u.count {
            if u[i] == 0 { return true }
            i += 1
        }
        return false
    }

    /// The offset of the first byte of `u` from `start` that is at least
    /// `bound` (0x80 finds the first non-ASCII byte), or `u.count`.
    ///
    /// - Complexity: O(n), sixty-four bytes at a time up to the block that holds it.
    private static func firstByte(of u: UnsafeBufferPointer<UInt8>, from start: Int, atLeast bound: UInt8) -> Int {
        var i = start
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Below `bound`: the lanes where the minimum with bound - 1 is the byte itself.
            let below = SIMD16<UInt8>(repeating: bound &- 1)
            while i + 64 <= u.count {
                let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let b = raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<UInt8>.self)
                let c = raw.loadUnaligned(fromByteOffset: i + 32, as: SIMD16<UInt8>.self)
                let d = raw.loadUnaligned(fromByteOffset: i + 48, as: SIMD16<UInt8>.self)
                let highest = pointwiseMax(pointwiseMax(a, b), pointwiseMax(c, d))
                if anyLane(pointwiseMin(highest, below) .!= highest) { break }
                i += 64
            }
        }
        while i < u.count, u[i] < bound { i += 1 }
        return i
    }

    /// What the line reader and the furniture filter look for in a line, from
    /// one pass: two asterisks in a row (a separator run), a `|` (navigation
    /// lines), two spaces in a row (a layout gap).
    struct LineMarks {
        var starPair = false
        var pipe = false
        var spacePair = false
    }

    /// True when some lane of `mask` is set: its sixteen bytes read as two words
    /// (the standard library's `any` reduces lane by lane, in a call).
    @inline(__always)
    static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The offset of the first `,` `;` `:` or `.` in `u` from `start`, or `u.count`.
    ///
    /// Sixteen bytes at a time: the flags of a vector read as two words, whose
    /// lowest set byte is the answer.
    /// - Complexity: O(k) up to the byte found.
    static func firstClausePunctuation(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            let comma = SIMD16<UInt8>(repeating: 0x2C), semicolon = SIMD16<UInt8>(repeating: 0x3B)
            let colon = SIMD16<UInt8>(repeating: 0x3A), stop = SIMD16<UInt8>(repeating: 0x2E)
            while i + 16 <= u.count {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let found = (v .== comma) .| (v .== semicolon) .| (v .== colon) .| (v .== stop)
                let words = unsafeBitCast(found, to: SIMD2<UInt64>.self)
                if words[0] != 0 { return i + words[0].trailingZeroBitCount / 8 }
                if words[1] != 0 { return i + 8 + words[1].trailingZeroBitCount / 8 }
                i += 16
            }
        }
        while i < u.count {
            let b = u[i]
            if b == 0x2C || b == 0x3B || b == 0x3A || b == 0x2E { return i }
            i += 1
        }
        return u.count
    }

    /// The ``LineMarks`` of `u`.
    ///
    /// Sixteen bytes at a time: each step compares a vector of the line with
    /// the same vector one byte further on (a pair is a flagged byte whose next
    /// byte is flagged too), and the flags are gathered over the whole line and
    /// read once at the end. The last step overlaps the one before, which only
    /// flags again what was flagged. A line shorter than 17 bytes is read byte by byte.
    /// - Complexity: O(n).
    static func lineMarks(_ u: UnsafeBufferPointer<UInt8>) -> LineMarks {
        let n = u.count
        guard n >= 17, let base = u.baseAddress else { return lineMarksByByte(u) }
        let raw = UnsafeRawPointer(base)
        // Constants as vectors: comparing with a scalar compiles to a loop over the lanes.
        let star = SIMD16<UInt8>(repeating: 0x2A), space = SIMD16<UInt8>(repeating: 0x20)
        let pipe = SIMD16<UInt8>(repeating: 0x7C)
        var stars = SIMDMask<SIMD16<Int8>>(repeating: false), spaces = stars, pipes = stars
        var i = 0
        while true {
            let at = min(i, n - 17)
            let a = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            let b = raw.loadUnaligned(fromByteOffset: at + 1, as: SIMD16<UInt8>.self)
            stars = stars .| ((a .== star) .& (b .== star))
            spaces = spaces .| ((a .== space) .& (b .== space))
            pipes = pipes .| (a .== pipe) .| (b .== pipe)
            if at == n - 17 { break }
            i += 16
        }
        return LineMarks(starPair: anyLane(stars), pipe: anyLane(pipes), spacePair: anyLane(spaces))
    }

    /// ``lineMarks(_:)`` byte by byte.
    static func lineMarksByByte(_ u: UnsafeBufferPointer<UInt8>) -> LineMarks {
        var marks = LineMarks()
        var previous: UInt8 = 0
        for b in u {
            if b == 0x2A && previous == 0x2A { marks.starPair = true }
            if b == 0x20 && previous == 0x20 { marks.spacePair = true }
            if b == 0x7C { marks.pipe = true }
            previous = b
        }
        return marks
    }

    /// True when some byte of `u` is an ASCII digit.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    static func containsASCIIDigit(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 8 <= u.count {
            let x = word(u, at: i)
            // Seven bits of each byte plus less than 0x80 never carry into the next byte;
            // the bytes at or above 0x80 are masked out at the end.
            let y = x & ~highs
            if (y &+ ones &* 0x50) & ~(y &+ ones &* 0x46) & ~x & highs != 0 { return true }  // 0x30 ... 0x39
            i += 8
        }
        while i < u.count {
            if u[i] >= 0x30 && u[i] <= 0x39 { return true }
            i += 1
        }
        return false
    }

    /// The offset of the first byte at or after `i` that is below 0x20 or at
    /// or above 0x80 (a control character or part of a non-ASCII scalar), or
    /// `u.count`.
    ///
    /// - Complexity: O(k) in the length of the run, eight bytes at a time.
    static func endOfPrintableASCII(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i + 8 <= u.count {
            let x = word(u, at: i)
            // Flags bytes at or above 0x80 exactly, and bytes below 0x20 exactly up to the first
            // one (a borrow only ever flags bytes above it): the lowest flag is the answer.
            let flags = (x & highs) | ((x &- ones &* 0x20) & ~x & highs)
            if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < u.count, u[i] >= 0x20, u[i] < 0x80 { i += 1 }
        return i
    }

    /// The offset of the first byte at or after `i` that is below 0x20 (a
    /// control character) or the lead byte of a scalar beyond ASCII that may
    /// be white space or a line separator (C2, E1, E2, E3: see
    /// ``isCollapsedDisplay(_:)``), or `u.count`: a run of text that
    /// ``LineReader`` keeps as it stands, in any script. `i` must be at a
    /// scalar boundary, and so is the result.
    ///
    /// - Complexity: O(k) in the length of the run, eight bytes at a time.
    static func endOfPlainText(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i + 8 <= u.count {
            let x = word(u, at: i)
            // Bytes below 0x20 are flagged exactly up to the first one, the lead bytes exactly:
            // the lowest flag is the answer.
            let flags = ((x &- ones &* 0x20) & ~x & highs) | zeroBytes(x ^ (ones &* 0xC2)) | zeroBytes(x ^ (ones &* 0xE1))
                | zeroBytes(x ^ (ones &* 0xE2)) | zeroBytes(x ^ (ones &* 0xE3))
            if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < u.count, u[i] >= 0x20, !isSpaceLead(u[i]) { i += 1 }
        return i
    }

    /// Whether `b` is C2, E1, E2 or E3: the lead bytes of every scalar beyond
    /// ASCII that is white space or a line separator.
    @inline(__always)
    static func isSpaceLead(_ b: UInt8) -> Bool { b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 }

    /// Whether `u` starts with the characters of `prefix` (plain ASCII, without
    /// `K`, `;` or `` ` ``), as `String.hasPrefix` answers, read from the bytes;
    /// nil when a non-ASCII byte right after them leaves it to the character
    /// test (a combining mark joins the character before it).
    ///
    /// A byte beyond ASCII among them settles it too: it starts a scalar that
    /// either joins the character before it (which then differs from the
    /// prefix's) or starts a character of its own, which equals no ASCII
    /// character but through the three scalars canonically equivalent to one
    /// (U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK, U+1FEF GREEK VARIA:
    /// `K`, `;`, `` ` ``), which is why the prefix holds none of those.
    ///
    /// - Complexity: O(k) in the length of `prefix`.
    static func startsWithCharacters(_ u: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool? {
        let k = prefix.utf8CodeUnitCount
        let p = prefix.utf8Start
        for j in 0..<k {
            assert(p[j] != UInt8(ascii: "K") && p[j] != UInt8(ascii: ";") && p[j] != UInt8(ascii: "`"))
            guard j < u.count else { return false }
            if u[j] >= 0x80 { return false }
            // An ASCII byte is a character of its own, with any marks after it: a
            // different byte is a different character. (CR LF is one character, and
            // no prefix asked for ends in CR.)
            if u[j] != p[j] { return false }
        }
        if k < u.count, u[k] >= 0x80 { return nil }
        return true
    }

    /// A string from bytes that are known to be valid UTF-8 (copied out of a
    /// `String` at scalar boundaries, or encoded scalars).
    ///
    /// - Complexity: O(n); the validation is a fast pass for ASCII.
    @inline(__always)
    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 encoding of `s`.
    @inline(__always)
    mutating func appendUTF8(_ s: Unicode.Scalar) {
        if s.value < 0x80 {
            append(UInt8(truncatingIfNeeded: s.value))
        } else {
            UTF8.encode(s) { append($0) }
        }
    }
}
