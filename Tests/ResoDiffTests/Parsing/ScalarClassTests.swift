import Foundation
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
                ("isMark", ScalarClass.isMark(s),
                 [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory)),
                ("continuesWord", ScalarClass.continuesWord(s),
                 p.isAlphabetic || p.numericType != nil || [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory)),
            ]
            for (name, fast, expected) in pairs where fast != expected {
                disagreements.append("\(name) U+\(String(s.value, radix: 16))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("NFC-stable scalars keep every text of them in NFC")
    func nfcStable() {
        // Foundation's canonical decompositions of all of Unicode: which scalars stand
        // after the first in one (every possible second element of a composition).
        var laterInDecomposition = Set<UInt32>()
        for v in UInt32(0x80)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let d = String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars
            for x in d.dropFirst() { laterInDecomposition.insert(x.value) }
        }
        var problems: [String] = []
        var stable: [Unicode.Scalar] = []
        for v in UInt32(0)..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let listed = v < 0x80 || ScalarClass.nfcStableRanges.contains { $0.contains(v) }
            if ScalarClass.isNFCStable(s) != listed { problems.append("table U+\(String(v, radix: 16))") }
            guard listed else { continue }
            stable.append(s)
            let text = String(Character(s))
            if s.properties.canonicalCombiningClass != .notReordered { problems.append("class U+\(String(v, radix: 16))") }
            if Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) != [s] { problems.append("NFC U+\(String(v, radix: 16))") }
            if laterInDecomposition.contains(v) { problems.append("second U+\(String(v, radix: 16))") }
            if (text + ";").count != 2 || (text + " and").count != 5 { problems.append("joins U+\(String(v, radix: 16))") }
            if let first = text.decomposedStringWithCanonicalMapping.unicodeScalars.first,
               laterInDecomposition.contains(first.value) {
                problems.append("decomposition U+\(String(v, radix: 16))")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20))")
        #expect(!ScalarClass.isNFCStable("\u{301}") && !ScalarClass.isNFCStable("\u{212B}")
                && !ScalarClass.isNFCStable("\u{1161}") && !ScalarClass.isNFCStable("\u{1F600}"))
        // Random texts of them are their own NFC, as the argument says.
        var rng = SplitMix64(seed: 77_172)
        for _ in 0..<5_000 {
            let scalars = (0..<Int.random(in: 1...6, using: &rng)).map { _ in stable.randomElement(using: &rng)! }
            let text = String(String.UnicodeScalarView(scalars))
            if text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8) == false {
                problems.append(scalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20))")
    }

    @Test("the table answers the same from two threads filling it at once")
    func twoThreads() {
        // 512 scalars, in opposite orders on the two threads (whichever thread, or
        // another test, works out a scalar's flags first).
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
