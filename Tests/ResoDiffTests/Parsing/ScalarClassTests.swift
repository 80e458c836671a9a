import Testing
@testable import ResoDiff

@Suite("Scalar classes (ASCII fast paths)")
struct ScalarClassTests {
    /// Every ASCII scalar, and a seeded sample of the rest of Unicode.
    static let scalars: [Unicode.Scalar] = {
        var result = (0..<0x80).compactMap { Unicode.Scalar(UInt32($0)) }
        var rng = SplitMix64(seed: 75_68)
        while result.count < 20_000 {
            if let s = Unicode.Scalar(UInt32.random(in: 0x80...0x10FFFF, using: &rng)) { result.append(s) }
        }
        result += ["\u{A0}", "\u{85}", "\u{2028}", "\u{3000}", "É", "ß", "İ", "Σ", "٣", "½", "²", "Ⓐ", "\u{301}", "中"]
        return result
    }()

    @Test("every fast path agrees with Unicode.Scalar.Properties")
    func agreesWithProperties() {
        for s in Self.scalars {
            let p = s.properties
            #expect(ScalarClass.isWhitespace(s) == p.isWhitespace, "\(s.value)")
            #expect(ScalarClass.isAlphabetic(s) == p.isAlphabetic, "\(s.value)")
            #expect(ScalarClass.isUppercase(s) == p.isUppercase, "\(s.value)")
            #expect(ScalarClass.isLowercase(s) == p.isLowercase, "\(s.value)")
            #expect(ScalarClass.isNumeric(s) == (p.numericType != nil), "\(s.value)")
            #expect(ScalarClass.isWordScalar(s) == (p.isAlphabetic || p.numericType != nil), "\(s.value)")
        }
    }

    @Test("UTF-8 decoding forwards and backwards matches the scalar view")
    func decoding() {
        let text = "a\u{A0}é中😀’z" + String(String.UnicodeScalarView(Self.scalars.prefix(3000)))
        let expected = Array(text.unicodeScalars)
        UTF8Scan.withBytes(text) { u in
            var i = 0
            var decoded: [Unicode.Scalar] = []
            while i < u.count {
                let (s, n) = UTF8Scan.scalar(u, at: i)
                decoded.append(s)
                #expect(UTF8Scan.length(lead: u[i]) == n)
                i += n
            }
            #expect(decoded == expected)
            var backwards: [Unicode.Scalar] = []
            var k = u.count
            while k > 0 {
                backwards.append(UTF8Scan.scalar(u, before: k))
                k = UTF8Scan.start(before: k, in: u)
            }
            #expect(backwards.reversed() == expected)
        }
    }
}
