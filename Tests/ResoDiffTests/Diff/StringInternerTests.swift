import Testing
@testable import ResoDiff

@Suite("StringInterner")
struct StringInternerTests {
    /// Two strings get one id exactly when `==` says they are equal, and
    /// the ids are dense: as `Interner<String>` numbers them, up to renaming.
    private func checkAgainstInterner(_ strings: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var fast = StringInterner()
        var reference = Interner<String>()
        var forward: [Int32: Int32] = [:], backward: [Int32: Int32] = [:]
        for string in strings {
            let f = fast.id(string), r = reference.id(string)
            if let known = forward[r] {
                #expect(known == f, "\(string.debugDescription) got another id", sourceLocation: sourceLocation)
            } else {
                forward[r] = f
            }
            if let known = backward[f] {
                #expect(known == r, "\(string.debugDescription) shares an id with an unequal string",
                        sourceLocation: sourceLocation)
            } else {
                backward[f] = r
            }
        }
        #expect(Int(fast.count) == reference.count, sourceLocation: sourceLocation)
        #expect(Set(forward.values) == Set((0..<fast.count).map { $0 }), sourceLocation: sourceLocation)
    }

    @Test("long ASCII strings that differ in one byte, around the hash's sixteen-byte steps")
    func nearDuplicates() {
        var rng = SplitMix64(seed: 0x5EED_0016)
        var strings: [String] = []
        for _ in 0..<3000 {
            let length = [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 47, 48, 49, 100, 183].randomElement(using: &rng)!
            var bytes = (0..<length).map { _ in UInt8.random(in: 0x61...0x63, using: &rng) }
            strings.append(String(decoding: bytes, as: UTF8.self))
            if !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= 0x01
                strings.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        strings += strings.shuffled(using: &rng).prefix(2000)
        checkAgainstInterner(strings)
        for string in strings.prefix(200) {
            #expect(UTF8Scan.withBytes(string, StringInterner.asciiHash) != nil)
            #expect(UTF8Scan.withBytes(string + "é", StringInterner.asciiHash) == nil)
            #expect(UTF8Scan.withBytes("é" + string, StringInterner.asciiHash) == nil)
        }
    }

    @Test("canonically equivalent strings share an id, ASCII or not, in either order")
    func equivalents() {
        checkAgainstInterner([
            "Kelvin", "\u{212A}elvin", "a;b", "a\u{037E}b", "\u{1FEF}x", "`x", "`x",
            "caf\u{E9}", "cafe\u{301}", "cafe", "", "\u{212A}", "K", "k",
        ])
        checkAgainstInterner(["\u{212A}elvin", "Kelvin", "a\u{037E}b", "a;b", "cafe\u{301}", "caf\u{E9}"])
    }

    @Test("seeded random strings: ids follow string equality")
    func random() {
        var rng = SplitMix64(seed: 0x5EED_0008)
        let pieces = ["a", "b", "K", "\u{212A}", ";", "\u{037E}", "`", "\u{1FEF}", "e", "\u{301}", "\u{E9}",
                      " ", "the General Assembly", "0123456789abcdef", "’", "\u{1F600}"]
        var strings: [String] = []
        for _ in 0..<4000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { s += pieces.randomElement(using: &rng)! }
            strings.append(s)
        }
        // Long ASCII strings too, many of them repeated, so the table grows.
        for k in 0..<3000 { strings.append(String(repeating: "x", count: k % 37) + "\(k % 1500)") }
        strings.shuffle(using: &rng)
        checkAgainstInterner(strings)
    }

    @Test("a rebuilt probing table holds each entry once, where probing from its hash finds it first",
          arguments: [1, 7, 512])
    func probingTable(entries: Int) {
        var rng = SplitMix64(seed: UInt64(entries))
        // Few distinct hashes among many entries: long runs of collisions, wrapping round the end.
        let hashes = (0..<entries).map { _ in UInt64.random(in: 0..<8, using: &rng) &* 0x9E37_79B9_7F4A_7C15 | 1023 }
        let slots = probingSlots(count: 1024, hashes: hashes)
        #expect(slots.count == 1024)
        #expect(slots.filter { $0 != 0 }.sorted() == (1...Int32(entries)).map { $0 })
        // Each entry sits in the first slot, from its hash on, not taken by an entry before it.
        for (e, hash) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: hash) & 1023
            while slots[s] != 0 && slots[s] < Int32(e + 1) { s = (s + 1) & 1023 }
            #expect(slots[s] == Int32(e + 1))
        }
    }
}
