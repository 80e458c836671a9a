/// The third stage: cuts a block into the paragraphs glued together in it.
///
/// A block is cut
/// - after a chapeau at its start (`The General Assembly, Having taken note …`);
/// - before emphasis markup around an opening phrase that follows `, ; : .`
///   (`…relevant resolutions,*Recognizing* the common…`);
/// - in a run-together preamble (a piece that itself opens with a preambular
///   phrase), before a capitalized preambular opening that follows `, ` or `; `
///   — an ordinary comma is followed by a lowercase word or by a word outside
///   the vocabulary, so it never cuts;
/// - before a paragraph number followed by an operative opening, after `, ; : .`
///   (`…security, 1. Urges …`);
/// - before a sub-paragraph letter after `:` or `;` (`…as follows: (a) To …`).
enum ParagraphSplitter {
    /// The words that make a short "The …," line a chapeau.
    static let chapeauBodies = ["Assembly", "Council", "Conference", "Commission", "Committee", "Board", "Meeting"]

    /// True when `display` (markup removed, white space collapsed) is a chapeau: "The General Assembly,".
    static func isChapeau(_ display: String) -> Bool {
        guard display.hasPrefix("The "), display.hasSuffix(",") || display.hasSuffix(":") else { return false }
        let words = display.split(separator: " ")
        guard words.count <= 8 else { return false }
        return words.contains { w in chapeauBodies.contains { w.hasPrefix($0) } }
    }

    /// True when `rest` (what follows an opening phrase) starts with "and", "or" or
    /// punctuation: "…, Convinced and determined, …" is a list inside a sentence.
    static func continuesWithConjunction(_ rest: Substring) -> Bool {
        let r = rest.drop(while: { $0 == " " })
        guard let f = r.first else { return true }
        if f == "," || f == ";" || f == "." { return true }
        return r.hasPrefix("and ") || r.hasPrefix("or ")
    }

    /// True when the text just before `end` is `,` or `;`, possibly followed by a
    /// footnote marker (`,[1]`, `,1`, `, 1/`).
    static func followsClauseComma(_ scalars: [Unicode.Scalar], before end: Int) -> Bool {
        var k = end - 1
        var skipped = 0
        while k >= 0, skipped < 6 {
            let c = scalars[k]
            if c == "," || c == ";" { return true }
            guard c == "]" || c == "[" || c == "/" || c == " " || (c.value >= 0x30 && c.value <= 0x39) else { return false }
            k -= 1
            skipped += 1
        }
        return false
    }

    /// Cuts `text` into paragraphs; the pieces keep their markup.
    ///
    /// - Complexity: O(n) in the length of `text`: each position is looked at a
    ///   constant number of times, and a phrase is matched only at the few
    ///   positions that follow the right punctuation.
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let indices = Array(text.unicodeScalars.indices)
        var cuts: [Int] = []

        // A chapeau at the start.
        var firstBodyScalar = 0
        while firstBodyScalar < scalars.count, scalars[firstBodyScalar] == "*" || scalars[firstBodyScalar] == " " {
            firstBodyScalar += 1
        }
        if firstBodyScalar + 4 < scalars.count, text[indices[firstBodyScalar]...].hasPrefix("The ") {
            var k = firstBodyScalar
            while k < scalars.count, k - firstBodyScalar < 80, scalars[k] != "," { k += 1 }
            if k < scalars.count, scalars[k] == ",",
               isChapeau(TextScan.display(text[indices[firstBodyScalar]...indices[k]])) {
                var next = k + 1
                while next < scalars.count, scalars[next] == "*" || scalars[next] == " " { next += 1 }
                if next < scalars.count { cuts.append(k + 1) }
            }
        }

        func pieceIsPreambular(from start: Int) -> Bool {
            var k = start
            while k < scalars.count, scalars[k] == "*" || scalars[k] == " " { k += 1 }
            guard k < scalars.count else { return false }
            if TextScan.leadingNumber(text[indices[k]...]) != nil { return false }
            return OpeningPhrases.matchPreambular(in: text[indices[k]...]) != nil
        }

        var pieceStart = cuts.last ?? 0
        var preambular = pieceIsPreambular(from: pieceStart)
        var lastSignificant: Unicode.Scalar?  // last scalar that is not a space or `*`
        var pieceHasLetters = false  // a piece made of a number alone ("1.") is never cut
        var i = 0
        func cut(at k: Int) {
            guard k > pieceStart else { return }
            cuts.append(k)
            pieceStart = k
            pieceHasLetters = false
            preambular = pieceIsPreambular(from: k)
        }
        while i < scalars.count {
            let c = scalars[i]
            let afterClause = lastSignificant.map(TextScan.isClausePunctuation) ?? false
            if i > pieceStart, pieceHasLetters {
                if c == "*", afterClause {
                    var j = i
                    while j < scalars.count, scalars[j] == "*" { j += 1 }
                    if j < scalars.count, scalars[j].properties.isUppercase,
                       let m = OpeningPhrases.match(in: text[indices[j]...]) {
                        let end = j + m.phrase.unicodeScalars.count
                        if end < scalars.count, scalars[end] == "*" {
                            cut(at: i)
                            i = end
                            lastSignificant = nil
                            continue
                        }
                    }
                } else if c.properties.isUppercase, preambular, i >= 2, scalars[i - 1] == " ",
                          followsClauseComma(scalars, before: i - 1),
                          let m = OpeningPhrases.matchPreambular(in: text[indices[i]...]),
                          !continuesWithConjunction(text[indices[i]...].dropFirst(m.length)) {
                    cut(at: i)
                } else if afterClause, c.value >= 0x30, c.value <= 0x39, i >= 1, scalars[i - 1] == " " || scalars[i - 1] == "*",
                          let (_, rest) = TextScan.leadingNumber(text[indices[i]...]),
                          OpeningPhrases.matchOperative(in: rest.drop(while: { $0 == " " || $0 == "*" })) != nil {
                    var k = i
                    while k > pieceStart, scalars[k - 1] == "*" { k -= 1 }
                    cut(at: k)
                } else if afterClause, c == "(", lastSignificant == ":" || lastSignificant == ";",
                          TextScan.leadingSubMarker(text[indices[i]...]) != nil {
                    cut(at: i)
                }
            }
            if c != " " && c != "*" { lastSignificant = c }
            if c.properties.isAlphabetic { pieceHasLetters = true }
            i += 1
        }

        var pieces: [String] = []
        var start = 0
        for k in cuts + [scalars.count] {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<k])
            let s = String(piece).trimmingSpaces()
            if !TextScan.display(s).isEmpty { pieces.append(s) }
            start = k
        }
        return pieces
    }
}
