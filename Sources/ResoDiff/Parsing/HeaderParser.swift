/// Reads the header pieces (everything before the chapeau) into a ``Header``.
///
/// Works line by line, because header fields stand on lines of their own in
/// every layout seen (glued pieces were already cut apart by ``LineReader``):
/// - "Seventy-fifth session": a short line ending in "session";
/// - "Agenda item 103 (oo)", followed by the agenda item's title;
/// - "Resolution adopted by the General Assembly on" and a date, on the same or the next line;
/// - "[on the report of the First Committee (A/75/399, para. 96)]": the
///   parenthesized reference, possibly over several lines;
/// - "75/68. Title", the title continuing on the following lines of the same piece;
/// - a running symbol "A/RES/75/68" gives the symbol when no "75/68." line does.
/// Every line is also kept in ``Header/lines``.
enum HeaderParser {
    /// Parses header pieces, each given as its lines.
    ///
    /// - Complexity: O(n) in the total length of the pieces.
    static func parse(_ pieces: [[String]]) -> Header {
        var header = Header()
        enum Mode { case none, agendaTitle, adoption, report, title }
        var mode = Mode.none
        var report = ""
        var agendaTitle: [String] = []
        var title: [String] = []
        var fallbackSymbol: String?

        for piece in pieces {
            if mode == .title { mode = .none }
            for raw in piece {
                let line = TextScan.display(raw)
                guard !line.isEmpty else { continue }
                header.lines.append(line)
                if mode == .report {
                    report += " " + line
                    if contains(line, "]") { finishReport(report, into: &header); mode = .none }
                    continue
                }
                if isSession(line) {
                    header.session = line
                    mode = .none
                } else if line.hasPrefix("Agenda item") || line.hasPrefix("Agenda items") {
                    header.agendaItem = line
                    mode = .agendaTitle
                } else if contains(line, "adopted by the general assembly", ignoringCase: true) {
                    mode = .adoption
                    if let d = TextScan.date(in: line) { header.adoptionDate = d; mode = .none }
                } else if mode == .adoption, let d = TextScan.date(in: line) {
                    header.adoptionDate = d
                    mode = .none
                } else if line.hasPrefix("[") {
                    report = line
                    if contains(line, "]") { finishReport(report, into: &header); mode = .none } else { mode = .report }
                } else if let (symbol, rest) = symbolAndTitle(line) {
                    header.symbol = symbol
                    title = rest.isEmpty ? [] : [rest]
                    mode = .title
                } else if mode == .title {
                    title.append(line)
                } else if mode == .agendaTitle {
                    agendaTitle.append(line)
                } else if PageFurniture.isRunningSymbol(Substring(line)) {
                    fallbackSymbol = String(line.dropFirst(6))
                } else {
                    mode = .none
                }
            }
        }
        if header.symbol == nil { header.symbol = fallbackSymbol }
        if !title.isEmpty { header.title = joinWrapped(title) }
        if !agendaTitle.isEmpty { header.agendaItemTitle = joinWrapped(agendaTitle) }
        return header
    }

    /// True when `line` (lowercased first with `ignoringCase`) holds `needle`
    /// (lowercase ASCII) as characters.
    ///
    /// A line in plain ASCII is searched on its bytes: there every byte is a
    /// character, and lowercasing is ASCII folding. Any other line takes the
    /// character search (a mark after a letter makes another character; a
    /// non-ASCII letter can lowercase to an ASCII one).
    /// - Complexity: O(n·m) in the lengths of the line and the needle.
    static func contains(_ line: String, _ needle: StaticString, ignoringCase: Bool = false) -> Bool {
        let found: Bool? = UTF8Scan.withBytes(line) { u in
            // Only plain ASCII is settled here (CR LF, one character of two bytes, is not in display text).
            guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
            let m = needle.utf8CodeUnitCount, p = needle.utf8Start
            guard u.count >= m else { return m == 0 }
            for start in 0...(u.count - m) {
                var k = 0
                while k < m {
                    var b = u[start + k]
                    if ignoringCase && b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    if b != p[k] { break }
                    k += 1
                }
                if k == m { return true }
            }
            return false
        }
        if let found { return found }
        return containsByCharacters(line, needle, ignoringCase: ignoringCase)
    }

    /// ``contains(_:_:ignoringCase:)`` on characters, for any line.
    static func containsByCharacters(_ line: String, _ needle: StaticString, ignoringCase: Bool = false) -> Bool {
        let text = ignoringCase ? line.lowercased() : line
        return text.contains(String(decoding: UnsafeBufferPointer(start: needle.utf8Start,
                                                                   count: needle.utf8CodeUnitCount), as: UTF8.self))
    }

    /// "Seventy-fifth session", "Tenth emergency special session".
    static func isSession(_ line: String) -> Bool {
        // Plain ASCII: words and their case on the bytes, where they are the same as on characters.
        let settled: Bool? = UTF8Scan.withBytes(line) { u in
            guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
            var words = 0
            var lastStart = 0, lastEnd = 0
            var i = 0
            while i < u.count {
                while i < u.count, u[i] == 0x20 { i += 1 }
                guard i < u.count else { break }
                lastStart = i
                while i < u.count, u[i] != 0x20 { i += 1 }
                lastEnd = i
                words += 1
            }
            guard words >= 2, words <= 5, lastEnd - lastStart == 7 else { return false }
            let session: StaticString = "session"
            for k in 0..<7 {
                var b = u[lastStart + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != session.utf8Start[k] { return false }
            }
            let f = u[0]
            return f >= 0x41 && f <= 0x5A || f >= 0x30 && f <= 0x39
        }
        if let settled { return settled }
        return isSessionByCharacters(line)
    }

    /// ``isSession(_:)`` on characters, for any line.
    static func isSessionByCharacters(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.count >= 2, words.count <= 5, words.last?.lowercased() == "session",
              let f = line.unicodeScalars.first, ScalarClass.isUppercase(f) || ScalarClass.isNumeric(f)
        else { return false }
        return true
    }

    /// "75/68. Title" or "50/245 A. Title": the symbol and the rest of the line.
    static func symbolAndTitle(_ line: String) -> (String, String)? {
        let u = Array(line.utf8)
        var i = 0
        func digits() -> Int {
            let s = i
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
            return i - s
        }
        guard (1...3).contains(digits()), i < u.count, u[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard (1...4).contains(digits()) else { return nil }
        var symbolEnd = i
        if i + 1 < u.count, u[i] == UInt8(ascii: " "), u[i + 1] >= 0x41, u[i + 1] <= 0x5A,
           i + 2 == u.count || u[i + 2] == UInt8(ascii: ".") {
            i += 2
            symbolEnd = i
        }
        guard i == u.count || u[i] == UInt8(ascii: ".") else { return nil }
        let symbol = String(decoding: u[0..<symbolEnd], as: UTF8.self)
        let rest = i < u.count ? String(decoding: u[(i + 1)...], as: UTF8.self).trimmingSpaces() : ""
        return (symbol, rest)
    }

    /// Takes the last parenthesized reference out of "[on the report of … (A/75/399, para. 96)]".
    private static func finishReport(_ text: String, into header: inout Header) {
        guard let close = text.lastIndex(of: ")"),
              let open = text[..<close].lastIndex(of: "(") else { return }
        let inner = text[text.index(after: open)..<close].trimmingSpaces()
        if !inner.isEmpty { header.committeeReport = inner }
    }

    /// Joins lines of a wrapped field, a trailing hyphen continuing the word.
    private static func joinWrapped(_ lines: [String]) -> String {
        BlockTable.joined(lines)
    }
}

extension Substring {
    /// The substring without leading and trailing plain spaces, as a `String`.
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
