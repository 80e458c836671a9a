import Testing
@testable import ResoDiff

@Suite("Key ids for the paragraph diff")
struct KeyIDsTests {
    /// Texts whose keys are equal in several ways: the same bytes, quote and
    /// dash styles the key folds, emphasis, terminal punctuation, and
    /// canonically equivalent scalars (ASCII or not).
    static let vocabulary = [
        "Urges all States to act", "Urges all States to act;", "Urges *all* States to act,", "Urges all States",
        "Notes “the report”", "Notes \"the report\";", "Notes the report", "Kelvin scale", "\u{212A}elvin scale;",
        "a;b", "a\u{037E}b", "caf\u{E9} talks", "cafe\u{301} talks,", "cafe talks", "Decides – again", "Decides - again;",
        "", "Recalling its resolution 75/68,", "Recalling its resolution 75/68 and", "Recalling its resolution 77/12",
    ]

    /// Texts of the other official languages, every key NFC-stable (so all keys
    /// are compared as bytes), equal in the ways the key folds.
    static let stableVocabulary = [
        "Réaffirme sa résolution 75/68", "Réaffirme sa  résolution 75/68;", "Réaffirme *sa* résolution 75/68,",
        "Réaffirme sa résolution", "Prend note du « rapport »", "Prend note du \"rapport\";", "Décide – encore",
        "Décide - encore;", "Призывает все государства", "Призывает все государства;", "Призывает все государства и",
        "呼吁所有国家", "呼吁所有国家。", "呼吁所有国家;", "Exhorta a los Estados", "Exhorta a los Estados, y",
        "Hace notar la situación", "Recalling its resolution 75/68,", "Recalling its resolution 75/68",
        "تدعو جميع الدول", "تدعو جميع الدول،", "", "Αθήνα", "Vi\u{1EC7}t Nam",
    ]

    @Test("a key's stability: NFC-stable scalars only, however the key is made")
    func stability() {
        var prefixes = 0
        for text in Self.stableVocabulary {
            let form = TextNormalizer.comparisonKeyForm(text)
            #expect(form.stableHash != nil, "\(text)")
            // Held as a length of the text when the text needs no folding, with the same bytes.
            if case .stablePrefix = form { prefixes += 1 }
            #expect(form.withBytes(of: text) { Array($0) } == Array(Reference.comparisonKey(text).utf8), "\(text)")
            #expect(form.stableHash == UTF8Scan.withBytes(Reference.comparisonKey(text), StringInterner.byteHash))
            #expect(ComparisonKey.folded(TextNormalizer.comparisonKey(text)).stableHash
                    == TextNormalizer.comparisonKeyForm(text).stableHash, "\(text)")
        }
        for text in ["cafe\u{301} talks,", "Ἀθῆναι", "\u{212A}elvin scale;", "a\u{037E}b", "🙂 noted", "\u{1100}\u{1161}"] {
            #expect(TextNormalizer.comparisonKeyForm(text).stableHash == nil, "\(text)")
        }
        #expect(prefixes >= 10)
        // Equal keys made two ways hash alike: a prefix (plain text) and a folded ASCII key.
        #expect(TextNormalizer.comparisonKeyForm("Urges all States to act;").stableHash
                == TextNormalizer.comparisonKeyForm("Urges *all* States to act,").stableHash)
    }

    @Test("a key of NFC-stable scalars is compared as bytes, and only such a key: every scalar of the plane")
    func stabilityOfEveryScalar() {
        var disagreements: [String] = []
        for v in UInt32(0x80)..<0x10000 {
            guard let s = Unicode.Scalar(v), !ScalarClass.isWhitespace(s) else { continue }
            for text in ["a" + String(s) + "b", String(s) + "b;", "a" + String(s)] {
                let form = TextNormalizer.comparisonKeyForm(text)
                // A stable scalar leaves a key compared as bytes; a key compared as bytes holds
                // stable scalars only (a key may be left to string equality when it need not be:
                // U+037E, equal to ";", trimmed from the end, leaves "a").
                let key = TextNormalizer.comparisonKey(text)
                if ScalarClass.isNFCStable(s) && form.stableHash == nil
                    || form.stableHash != nil && !key.unicodeScalars.allSatisfy(ScalarClass.isNFCStable) {
                    disagreements.append("U+\(String(v, radix: 16)) in \(text.debugDescription)")
                }
                // The same bytes as the reference key, however it is held.
                if form.withBytes(of: text, { Array($0) }) != Array(Reference.comparisonKey(text).utf8) {
                    disagreements.append("bytes of \(text.debugDescription)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("equal ids exactly for equal keys, dense, on one thread or two, compared as bytes or not",
          arguments: [40, 700, 3000], [false, true])
    func idsFollowKeys(count: Int, stable: Bool) {
        let vocabulary = stable ? Self.stableVocabulary : Self.vocabulary
        var rng = SplitMix64(seed: UInt64(count))
        func paragraphs(_ n: Int) -> [Paragraph] {
            (0..<n).map { k in
                // Mostly distinct ASCII keys, with the vocabulary's equal ones mixed in.
                let text = Int.random(in: 0..<4, using: &rng) == 0
                    ? vocabulary.randomElement(using: &rng)!
                    : "Requests report \(Int.random(in: 0..<(n / 2 + 1), using: &rng)) item \(k % 7);"
                return Paragraph(kind: .operative, label: "OP\(k)", text: text)
            }
        }
        let old = paragraphs(count / 2), new = paragraphs(count - count / 2)
        // Whether every key is compared as bytes (NFC-stable), or string equality is needed.
        let allStable = (old + new).allSatisfy { $0.comparisonKey.stableHash != nil }
        #expect(allStable == stable || (count == 40 && allStable))
        let (oldIDs, newIDs) = KeyIDs.ids(old: old, new: new)
        #expect(oldIDs.count == old.count && newIDs.count == new.count)
        let all = old + new, ids = oldIDs + newIDs
        var reference = Interner<String>()
        var byReference: [Int32: Int32] = [:], byID: [Int32: Int32] = [:]
        for (paragraph, id) in zip(all, ids) {
            let r = reference.id(paragraph.key)
            #expect(byReference[r, default: id] == id, "equal keys, other ids: \(paragraph.key.debugDescription)")
            #expect(byID[id, default: r] == r, "one id, unequal keys: \(paragraph.key.debugDescription)")
            byReference[r] = id
            byID[id] = r
        }
        // Dense enough for the diff's tables: below three times the distinct keys.
        #expect(ids.allSatisfy { $0 >= 0 && Int($0) < 3 * reference.count })
        #expect(reference.count > count / 4)
    }
}
