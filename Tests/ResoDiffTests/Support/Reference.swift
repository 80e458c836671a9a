import Foundation
@testable import ResoDiff

/// The parser's text passes as they were before the ASCII fast paths
/// (commit be8b0d0): the specification the fast versions are checked against
/// on random text (`FastPathEquivalenceTests`). Kept verbatim, slow on purpose.
enum Reference {
    static func display(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s == "*" { continue }
            if s.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }

    static func comparisonKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let mapped: Unicode.Scalar?
            switch scalar.value {
            case 0x2A, 0x5F: mapped = nil                          // * _ emphasis markup
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: mapped = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: mapped = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: mapped = "-"
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                    mapped = nil
                } else {
                    mapped = scalar
                }
            }
            guard let m = mapped else { continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(m)
        }
        var key = String(out)
        // Terminal punctuation and a trailing conjunction follow position, not content.
        while true {
            if let last = key.last, ";,.:".contains(last) {
                key.removeLast()
                while key.last == " " { key.removeLast() }
                continue
            }
            if key.hasSuffix(" and") { key.removeLast(4); continue }
            if key.hasSuffix(" or") { key.removeLast(3); continue }
            break
        }
        return key
    }

    static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    static func removingMarkers(from text: String, known: Set<String>) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func boundary(_ k: Int) -> Bool {
            k >= s.count || s[k].properties.isWhitespace || ",;:.)”’\"'*".unicodeScalars.contains(s[k])
        }
        while i < s.count {
            let c = s[i]
            // [12]
            if c == "[" {
                var j = i + 1
                while j < s.count, isDigit(s[j]), j - i <= 3 { j += 1 }
                if j > i + 1, j < s.count, s[j] == "]" {
                    i = j + 1
                    if out.last == " ", i < s.count, s[i] == " " { i += 1 }
                    continue
                }
            }
            if isDigit(c), i == 0 || !isDigit(s[i - 1]) {
                var j = i
                while j < s.count, isDigit(s[j]) { j += 1 }
                let n = j - i
                if n <= 3, i > 0 {
                    let before = s[i - 1]
                    // " 1/" followed by a boundary: 1990s style.
                    if before == " ", j < s.count, s[j] == "/", boundary(j + 1), i >= 2, s[i - 2] != "/" {
                        while let last = out.last, last == " " { out.removeLast() }
                        i = j + 1
                        continue
                    }
                    var marker = String.UnicodeScalarView()
                    marker.append(contentsOf: s[i..<j])
                    if boundary(j), known.contains(String(marker)), gluedMarkerContext(s, at: i) {
                        i = j
                        continue
                    }
                }
                out.append(contentsOf: s[i..<j])
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    static func gluedMarkerContext(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let before = s[i - 1]
        var k = i - 1
        if before.properties.isAlphabetic {
            // The word before must be at least three letters and not a code like G77.
        } else if ",;:)”’\".".unicodeScalars.contains(before) {
            k -= 1
            guard k >= 0 else { return false }
        } else {
            return false
        }
        var letters = 0
        var allLower = true
        while k >= 0, s[k].properties.isAlphabetic {
            if s[k].properties.isUppercase && (k == 0 || s[k - 1].properties.isAlphabetic) { allLower = false }
            if s[k].properties.isUppercase && before == "." { allLower = false }
            letters += 1
            k -= 1
        }
        if before == "." { return letters >= 3 && allLower }
        if before.properties.isAlphabetic { return letters >= 3 && allLower }
        // After punctuation: the word before may be anything but a number ("1,000").
        guard letters == 0 else { return true }
        guard k >= 0 else { return false }
        let c = s[k]
        if c.value >= 0x30 && c.value <= 0x39 {
            // "2020,1": a year or a number glued to its footnote; "1,000" has three digits after.
            var j = i
            while j < s.count, s[j].value >= 0x30, s[j].value <= 0x39 { j += 1 }
            return j - i < 3
        }
        return c == ")" || c == "”" || c == "\"" || c == "’" || c == "]"
    }

    static func read(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var indent = 0
        var atLineStart = true
        var lastWasCR = false
        var isFirst = true

        func emit() {
            while let last = current.last, last == " " { current.removeLast() }
            for piece in splitAtSeparatorRuns(String(current)) {
                if piece.isEmpty {
                    lines.append(.blank)
                } else if Reference.isFurniture(piece) {
                    lines.append(.blank)
                } else {
                    lines.append(SourceLine(text: piece, indent: indent))
                }
            }
            current = String.UnicodeScalarView()
            indent = 0
            atLineStart = true
        }

        for s in text.unicodeScalars {
            if isFirst {
                isFirst = false
                if s == "\u{FEFF}" { continue }
            }
            switch s.value {
            case 0x0D:
                emit()
                lastWasCR = true
                continue
            case 0x0A:
                if lastWasCR { lastWasCR = false; continue }
                emit()
                continue
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                lastWasCR = false
                emit()
                continue
            default:
                lastWasCR = false
            }
            let isTab = s == "\t"
            let isSpace = isTab || s.properties.isWhitespace || s.value == 0x200B
            if atLineStart {
                if isSpace {
                    indent = isTab ? (indent / 8 + 1) * 8 : indent + 1
                    continue
                }
                atLineStart = false
            }
            if isSpace {
                current.append(" ")
                if isTab { current.append(" ") }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty || !atLineStart { emit() }
        return lines
    }

    static func splitAtSeparatorRuns(_ line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "*" else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j] == "*" { j += 1 }
            if j - i >= 2, i > 0, j < scalars.count,
               !scalars[i - 1].properties.isWhitespace, !scalars[j].properties.isWhitespace {
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[start..<i])
                pieces.append(String(piece).trimmingSpaces())
                pieces.append("")
                start = j
            }
            i = j
        }
        var last = String.UnicodeScalarView()
        last.append(contentsOf: scalars[start...])
        pieces.append(String(last).trimmingSpaces())
        return pieces
    }

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
               ParagraphSplitter.isChapeau(Reference.display(text[indices[firstBodyScalar]...indices[k]])) {
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
            return Reference.matchPreambular(in: text[indices[k]...]) != nil
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
                       let m = Reference.match(in: text[indices[j]...]) {
                        let end = j + m.phrase.unicodeScalars.count
                        if end < scalars.count, scalars[end] == "*" {
                            cut(at: i)
                            i = end
                            lastSignificant = nil
                            continue
                        }
                    }
                } else if c.properties.isUppercase, preambular, i >= 2, scalars[i - 1] == " ",
                          Reference.followsClauseComma(scalars, before: i - 1),
                          let m = Reference.matchPreambular(in: text[indices[i]...]),
                          !ParagraphSplitter.continuesWithConjunction(text[indices[i]...].dropFirst(m.length)) {
                    cut(at: i)
                } else if afterClause, c.value >= 0x30, c.value <= 0x39, i >= 1, scalars[i - 1] == " " || scalars[i - 1] == "*",
                          let (_, rest) = TextScan.leadingNumber(text[indices[i]...]),
                          Reference.matchOperative(in: rest.drop(while: { $0 == " " || $0 == "*" })) != nil {
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
            if !Reference.display(s).isEmpty { pieces.append(s) }
            start = k
        }
        return pieces
    }

    static func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var space = false
        while i < scalars.endIndex {
            let s = scalars[i]
            if s.properties.isWhitespace {
                space = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            if isWordScalar(s) {
                i = scalars.index(after: i)
                while i < scalars.endIndex {
                    let c = scalars[i]
                    // A combining mark stays with the word it follows (round sixteen).
                    if isWordScalar(c) || isMark(c) { i = scalars.index(after: i); continue }
                    // A joiner stays inside the word when a word character follows it.
                    if isJoiner(c) {
                        let next = scalars.index(after: i)
                        if next < scalars.endIndex && isWordScalar(scalars[next]) {
                            i = scalars.index(after: next)
                            continue
                        }
                    }
                    break
                }
            } else {
                i = scalars.index(after: i)
            }
            tokens.append(Token(text: Substring(scalars[start..<i]), spaceBefore: space))
            space = false
        }
        return tokens
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2F, 0x27, 0x2019, 0x2E, 0x2C, 0x2010, 0x2011: true  // - / ' ’ . , hyphens
        default: false
        }
    }

    /// `PageFurniture.isRule` before its first-byte test.
    static func isRule(_ line: String) -> Bool {
        let u = line.utf8
        return u.count >= 5 && (u.allSatisfy { $0 == UInt8(ascii: "_") } || u.allSatisfy { $0 == UInt8(ascii: "-") })
    }

    static func isFurniture(_ line: String) -> Bool {
        if line.utf8.count <= 24, PageFurniture.webLines.contains(line.lowercased()) { return true }
        if isRule(line) { return false }  // rules are the footnote stage's business
        if line.hasPrefix("©") { return true }
        if let f = line.utf8.first, f == UInt8(ascii: "C") || f == UInt8(ascii: "c") {
            let head = line.prefix(13).lowercased()
            if head.hasPrefix("copyright ©") || head.hasPrefix("copyright (c)") { return true }
        }
        if line.utf8.filter({ $0 == UInt8(ascii: "|") }).count >= 2 { return true }
        let tokens = line.split(separator: " ")
        if tokens.count == 2, tokens[0] == "Page", tokens[1].allSatisfy(\.isNumber) { return true }
        if !tokens.isEmpty {
            var allFurniture = true
            var strong = false
            for t in tokens {
                if PageFurniture.isJobNumber(t) || PageFurniture.isBarcode(t) || PageFurniture.isPageNumber(t) || isRunningSymbol(t) || t == "/..." {
                    strong = true
                } else if PageFurniture.isLanguageTag(t) || PageFurniture.isDateStamp(t) {
                    continue
                } else {
                    allFurniture = false
                    break
                }
            }
            if allFurniture && strong { return true }
        }
        // A running head: the symbol set off by a layout gap at either end of the line.
        guard line.utf8.contains(UInt8(ascii: "/")) else { return false }
        if let gap = line.range(of: "  ") {
            let head = line[..<gap.lowerBound]
            if isRunningSymbol(head) { return true }
        }
        if let gap = line.range(of: "  ", options: .backwards) {
            let tail = line[gap.upperBound...].trimmingCharacters(in: .whitespaces)
            if isRunningSymbol(Substring(tail)) { return true }
        }
        return false
    }

    static func isRunningSymbol(_ t: Substring) -> Bool {
        let s = t.trimmingCharacters(in: .whitespaces)
        guard s.hasPrefix("A/RES/") else { return false }
        let rest = s.dropFirst(6)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber),
              let first = parts[1].first, first.isNumber else { return false }
        return true
    }

    static func phraseMatch(in text: Substring, bases: Set<String>) -> (phrase: String, length: Int)? {
        let words = leadingWords(text, limit: 10)
        guard let first = words.first, first.isCapitalized else { return nil }
        func phrase(_ from: Int, _ count: Int) -> String? {
            guard from + count <= words.count else { return nil }
            return words[from..<(from + count)].map(\.lower).joined(separator: " ")
        }
        func longest(in set: Set<String>, at i: Int) -> Int? {
            var k = min(Reference.maxWords, words.count - i)
            while k > 0 {
                if let p = phrase(i, k), set.contains(p) { return k }
                k -= 1
            }
            return nil
        }
        // Try with an adverb first (longest), then without.
        var best: Int?
        var starts: [Int] = []
        if let a = longest(in: Reference.adverbSet, at: 0) { starts.append(a) }
        starts.append(0)
        for start in starts {
            guard let b = longest(in: bases, at: start) else { continue }
            var end = start + b
            for _ in 0..<2 {
                guard let m = longest(in: Reference.modifierSet, at: end) else { break }
                end += m
            }
            if end > (best ?? 0) { best = end }
        }
        guard let count = best else { return nil }
        let endIndex = words[count - 1].end
        let length = text.distance(from: text.startIndex, to: endIndex)
        return (String(text[..<endIndex]), length)
    }

    static let adverbSet = Set(OpeningPhrases.adverbs)
    static let modifierSet = Set(OpeningPhrases.modifiers)
    static let maxWords = 4
    struct Word {
        var lower: String
        var isCapitalized: Bool
        var end: Substring.Index
    }

    static func leadingWords(_ text: Substring, limit: Int) -> [Word] {
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while words.count < limit {
            while i < scalars.endIndex, scalars[i] == " " { i = scalars.index(after: i) }
            guard i < scalars.endIndex, scalars[i].properties.isAlphabetic else { break }
            let start = i
            var lower = String.UnicodeScalarView()
            while i < scalars.endIndex {
                let c = scalars[i]
                if c.value >= 0x41 && c.value <= 0x5A, let l = Unicode.Scalar(c.value + 0x20) {
                    lower.append(l)  // ASCII fast path
                } else if c.value >= 0x61 && c.value <= 0x7A {
                    lower.append(c)
                } else if c.properties.isAlphabetic {
                    lower.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                } else if c == "-" || c == "'" || c == "’" {
                    let next = scalars.index(after: i)
                    guard next < scalars.endIndex, scalars[next].properties.isAlphabetic else { break }
                    lower.append(c)
                } else {
                    break
                }
                i = scalars.index(after: i)
            }
            words.append(Word(lower: String(lower), isCapitalized: scalars[start].properties.isUppercase,
                              end: i))
            // A word must end at a space or punctuation; anything else (a digit) ends the phrase.
            guard i < scalars.endIndex, scalars[i] == " " else { break }
        }
        return words
    }

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

    static func matchPreambular(in text: Substring) -> (phrase: String, length: Int)? {
        phraseMatch(in: text, bases: Set(OpeningPhrases.preambularBases))
    }

    static func matchOperative(in text: Substring) -> (phrase: String, length: Int)? {
        phraseMatch(in: text, bases: Set(OpeningPhrases.operativeBases))
    }

    static func match(in text: Substring) -> (phrase: String, length: Int)? {
        let p = matchPreambular(in: text)
        let o = matchOperative(in: text)
        switch (p, o) {
        case let (p?, o?): return p.length >= o.length ? p : o
        case let (p?, nil): return p
        case let (nil, o?): return o
        case (nil, nil): return nil
        }
    }

    // MARK: Character-level tests replaced by byte-level ones in round three

    /// `ParagraphSplitter.isChapeau` as it was.
    static func isChapeau(_ display: String) -> Bool {
        guard display.hasPrefix("The "), display.hasSuffix(",") || display.hasSuffix(":") else { return false }
        let words = display.split(separator: " ")
        guard words.count <= 8 else { return false }
        return words.contains { w in ParagraphSplitter.chapeauBodies.contains { w.hasPrefix($0) } }
    }

    /// `ParagraphSplitter.continuesWithConjunction` as it was.
    static func continuesWithConjunction(_ rest: Substring) -> Bool {
        let r = rest.drop(while: { $0 == " " })
        guard let f = r.first else { return true }
        if f == "," || f == ";" || f == "." { return true }
        return r.hasPrefix("and ") || r.hasPrefix("or ")
    }

    /// `TextScan.leadingNumber` as it was.
    static func leadingNumber(_ text: Substring) -> (number: String, rest: Substring)? {
        let u = text.utf8
        var i = u.startIndex
        while i < u.endIndex, u[i] == UInt8(ascii: "*") || u[i] == UInt8(ascii: " ") { i = u.index(after: i) }
        let start = i
        var digits = 0
        while i < u.endIndex, u[i] >= 0x30, u[i] <= 0x39 { i = u.index(after: i); digits += 1 }
        guard digits > 0, digits <= 3, i < u.endIndex, u[i] == UInt8(ascii: ".") else { return nil }
        let numberEnd = i
        i = u.index(after: i)
        guard i < u.endIndex, u[i] == UInt8(ascii: " ") || u[i] == UInt8(ascii: "*") else { return nil }
        let number = String(decoding: u[start..<numberEnd], as: UTF8.self)
        return (number, text[i...])
    }

    /// `TextScan.leadingSubMarker` as it was, on the UTF-8 view's indices.
    static func leadingSubMarker(_ text: Substring) -> (marker: String, rest: Substring)? {
        let u = text.utf8
        var i = u.startIndex
        while i < u.endIndex, u[i] == UInt8(ascii: "*") || u[i] == UInt8(ascii: " ") { i = u.index(after: i) }
        guard i < u.endIndex, u[i] == UInt8(ascii: "(") else { return nil }
        i = u.index(after: i)
        let start = i
        var count = 0
        while i < u.endIndex, u[i] >= 0x61, u[i] <= 0x7A { i = u.index(after: i); count += 1 }
        guard count >= 1, count <= 5, i < u.endIndex, u[i] == UInt8(ascii: ")") else { return nil }
        let marker = String(decoding: u[start..<i], as: UTF8.self)
        if count > 1 && !TextScan.isRoman(marker) && !(marker.utf8.allSatisfy { $0 == marker.utf8.first }) { return nil }
        i = u.index(after: i)
        guard i < u.endIndex, u[i] == UInt8(ascii: " ") || u[i] == UInt8(ascii: "*") else { return nil }
        return (marker, text[i...])
    }

    /// `ResolutionParser.isClosing` as it was.
    static func isClosing(_ display: String) -> Bool {
        guard let f = display.first(where: { $0 != " " }), f.isNumber else { return false }
        let words = display.split(separator: " ", maxSplits: 3)
        guard words.count >= 3, words[1].lowercased() == "plenary", words[2].lowercased().hasPrefix("meeting") else {
            return false
        }
        let w = words[0]
        let digits = w.prefix(while: \.isNumber)
        return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count)))
    }

    /// `ResolutionParser.annexSuffix` as it was.
    static func annexSuffix(_ display: String) -> String? {
        guard display.drop(while: { $0 == " " }).hasPrefix("Annex") || display.drop(while: { $0 == " " }).hasPrefix("ANNEX")
        else { return nil }
        let words = display.split(separator: " ")
        guard let f = words.first, f == "Annex" || f == "ANNEX", words.count <= 2 else { return nil }
        if words.count == 1 { return "" }
        let n = words[1]
        guard n.allSatisfy({ "IVXLC0123456789".contains($0) }) else { return nil }
        return String(n)
    }

    /// `Block.text` as it was: lines joined, a word broken by a hyphen at a line end rejoined.
    static func blockText(_ lines: [SourceLine]) -> String {
        var out = ""
        for line in lines {
            if out.isEmpty { out = line.text; continue }
            let tail = Array(out.unicodeScalars.suffix(2))
            var hyphenated = false
            if tail.count == 2, tail[1] == "-", ScalarClass.isAlphabetic(tail[0]),
               let first = line.text.unicodeScalars.first, ScalarClass.isAlphabetic(first) {
                hyphenated = true
            }
            if !hyphenated { out += " " }
            out += line.text
        }
        return out
    }

    /// `BlockSplitter.endsWithWordHyphen` as it was.
    static func endsWithWordHyphen(_ block: ReferenceBlock) -> Bool {
        guard let last = block.lines.last else { return false }
        let s = Array(last.text.unicodeScalars.suffix(2))
        return s.count == 2 && s[1] == "-" && ScalarClass.isAlphabetic(s[0])
    }
}
