import Testing
@testable import ResoDiff

@Suite("Scalar classes (fast paths)")
struct ScalarClassTests {
    /// Every scalar of the Basic Multilingual Plane (ASCII and the table), and a
    /// seeded sample of the rest of Unicode.
    static let scalars: [Unicode.Scalar] = {
        var result = (0..<0x10000).compactMap { Unicode.Scalar(UInt32($0)) }
        var rng = SplitMix64(seed: 75_68)
        while result.count < 0x10000 - 0x800 + 20_000 {
            if let s = Unicode.Scalar(UInt32.random(in: 0x10000...0x10FFFF, using: &rng)) { result.append(s) }
        }
        result += ["\u{A0}", "\u{85}", "\u{2028}", "\u{3000}", "É", "ß", "İ", "Σ", "٣", "½", "²", "Ⓐ", "\u{301}", "中"]
        return result
    }()

    @Test("every fast path agrees with Unicode.Scalar.Properties")
    func agreesWithProperties() {
        var disagreements: [String] = []
        for s in Self.scalars {
            let p = s.properties
            let pairs: [(String, Bool, Bool)] = [
                ("isWhitespace", ScalarClass.isWhitespace(s), p.isWhitespace),
                ("isAlphabetic", ScalarClass.isAlphabetic(s), p.isAlphabetic),
                ("isUppercase", ScalarClass.isUppercase(s), p.isUppercase),
                ("isLowercase", ScalarClass.isLowercase(s), p.isLowercase),
                ("isNumeric", ScalarClass.isNumeric(s), p.numericType != nil),
                ("isWordScalar", ScalarClass.isWordScalar(s), p.isAlphabetic || p.numericType != nil),
                ("isSpaceSeparator", ScalarClass.isSpaceSeparator(s), p.generalCategory == .spaceSeparator),
            ]
            for (name, fast, expected) in pairs where fast != expected {
                disagreements.append("\(name) U+\(String(s.value, radix: 16))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("the table answers the same from two threads filling it at once")
    func twoThreads() {
        // Scalars of 4 blocks, in opposite orders on the two threads (whichever thread,
        // or another test, fills a block first).
        let scalars = (0x1E00..<0x2000).compactMap { Unicode.Scalar(UInt32($0)) }
        let answers = ThreadSlots<[Bool]>(count: 2, initial: [])
        Parallel.perform(iterations: 2) { k in
            let order = k == 0 ? scalars : scalars.reversed()
            var result = order.map { ScalarClass.isUppercase($0) }
            if k == 1 { result.reverse() }
            answers[k] = result
        }
        #expect(answers[0] == scalars.map(\.properties.isUppercase))
        #expect(answers[1] == answers[0])
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
