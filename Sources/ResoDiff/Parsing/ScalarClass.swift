/// Unicode property tests with an ASCII fast path.
///
/// `Unicode.Scalar.Properties` answers through a binary search in the
/// standard library's property tables: correct for every scalar, but about a
/// hundred instructions a call, and the parser used to ask it for every
/// character in about ten passes. Resolution text is almost all ASCII, and in
/// ASCII every property used here is a fixed range, so these functions answer
/// ASCII scalars with a comparison and ask the tables only for the others.
/// `ScalarClassTests` checks them against `properties` for every ASCII
/// scalar and for random non-ASCII ones.
enum ScalarClass {
    /// `properties.isWhitespace`: in ASCII, tab, LF, VT, FF, CR and space.
    ///
    /// - Complexity: O(1); a table lookup only for non-ASCII scalars.
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return s.properties.isWhitespace
    }

    /// `properties.isAlphabetic`: in ASCII, the letters A–Z and a–z.
    @inline(__always)
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    /// `properties.isUppercase`: in ASCII, A–Z.
    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    /// `properties.isLowercase`: in ASCII, a–z.
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    /// `properties.numericType != nil`: in ASCII, the digits 0–9.
    @inline(__always)
    static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return s.properties.numericType != nil
    }

    /// `isAlphabetic(s) || isNumeric(s)`: a scalar that can be part of a word.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
