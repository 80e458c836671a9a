// libFuzzer target: the whole library pipeline on two documents.
//
// The input is split at its first NUL byte into an old and a new document
// (no NUL: at the middle). Each is decoded as the command line does; a
// refused document is read leniently instead, since the library accepts any
// String. Both are parsed, compared, and rendered by every renderer. Checks:
// - the HTML report never lets document text open a tag: every `<` starts a
//   tag (or `</tag`, `<!DOCTYPE`) from the fixed set the renderer writes;
// - the word diff of every rewording rebuilds both sides' texts (equal and
//   deleted runs give the old text, equal and inserted runs the new);
// - the changes rebuild both paragraph lists, in order (unchanged, removed
//   and the rest give the old ones when sorted back; see below);
// - JSON output is balanced and renderers never crash.
//
// Compiled by Tests/Fuzz/run.sh with the library sources into one module.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.firstIndex(of: 0)
    let (a, b) = cut.map { (bytes[..<$0], bytes[($0 + 1)...]) } ?? (bytes[..<(size / 2)], bytes[(size / 2)...])
    let old = Resolution(parsing: PipelineChecks.text(Array(a)))
    let new = Resolution(parsing: PipelineChecks.text(Array(b)))
    // A few threshold settings, chosen by the input, so pairing at its edges is explored.
    let thresholds = [0.5, 0.05, 1.0, 0.3]
    let threshold = thresholds[Int(size % thresholds.count)]
    let comparison = Aligner(options: .init(threshold: threshold)).compare(old, new, oldName: "old<script>&.txt",
                                                                            newName: "new\"'.txt")
    PipelineChecks.check(comparison)
    return 0
}

enum PipelineChecks {
    static func text(_ bytes: [UInt8]) -> String {
        (try? InputDecoder.decode(bytes, path: "fuzz")) ?? String(decoding: bytes, as: UTF8.self)
    }

    static func check(_ comparison: Comparison) {
        checkRebuild(comparison)
        for change in comparison.changes {
            if let rewording = change.rewording {
                checkWords(rewording.words, old: change.old.map(\.text).joined(separator: " "),
                           new: change.new.map(\.text).joined(separator: " "), what: "\(change.kind) \(ReportVocabulary.place(of: change))")
            }
        }
        for change in comparison.headerChanges {
            checkWords(change.words, old: change.old ?? "", new: change.new ?? "", what: "header \(change.field)")
        }

        _ = TextRenderer().render(comparison)
        _ = TextRenderer(options: .init(color: true, context: 1, full: false)).render(comparison)
        _ = TextRenderer(options: .init(color: false, full: true)).render(comparison)
        _ = TextRenderer(options: .init(statOnly: true)).render(comparison)
        checkHTML(HTMLRenderer().render(comparison))
        checkHTML(HTMLRenderer(options: .init(showUnchanged: false)).render(comparison))
        _ = MarkdownRenderer().render(comparison)
        _ = MarkdownRenderer(options: .init(context: 2, full: true)).render(comparison)
        checkJSON(JSONRenderer().render(comparison))
        _ = comparison.ignoringTechnicalChanges()
        _ = Summary(comparison).line
    }

    /// Every paragraph of both versions appears in exactly one change, in document order.
    static func checkRebuild(_ comparison: Comparison) {
        var oldSeen: [String] = [], newSeen: [String] = []
        for change in comparison.changes {
            switch change.kind {
            case .unchanged, .reworded, .split, .merged:
                require(!change.old.isEmpty && !change.new.isEmpty, "\(change.kind) with an empty side")
            case .added: require(change.old.isEmpty && change.new.count == 1, "bad added change")
            case .removed: require(change.new.isEmpty && change.old.count == 1, "bad removed change")
            case .moved: require(change.old.count == 1 && change.new.count == 1, "bad moved change")
            }
            oldSeen += change.old.map(\.label)
            newSeen += change.new.map(\.label)
        }
        require(newSeen == comparison.new.paragraphs.map(\.label), "changes do not rebuild the new paragraphs in order")
        // Moves put an old paragraph where it now stands, so only the multiset is kept.
        require(oldSeen.sorted() == comparison.old.paragraphs.map(\.label).sorted(),
                     "changes do not cover the old paragraphs exactly once")
    }

    static func checkWords(_ words: [WordEdit], old: String, new: String, what: String) {
        var rebuiltOld = "", rebuiltNew = ""
        for edit in words {
            require(!edit.text.isEmpty, "empty word run in \(what)")
            switch edit.operation {
            case .equal: rebuiltOld += edit.text; rebuiltNew += edit.text
            case .delete: rebuiltOld += edit.text
            case .insert: rebuiltNew += edit.text
            }
        }
        let expectedOld = TextNormalizer.collapsingWhitespace(old), expectedNew = TextNormalizer.collapsingWhitespace(new)
        require(rebuiltOld == expectedOld, "word diff of \(what) does not rebuild the old text:\n\(rebuiltOld.debugDescription)\n\(expectedOld.debugDescription)")
        require(rebuiltNew == expectedNew, "word diff of \(what) does not rebuild the new text:\n\(rebuiltNew.debugDescription)\n\(expectedNew.debugDescription)")
    }

    /// The tags HTMLRenderer writes; anything else after a `<` came from document text.
    static let allowedTags: Set<String> = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "table",
        "caption", "thead", "tbody", "tr", "th", "td", "main", "section", "div", "ul", "li", "dl", "dt", "dd",
        "span", "ins", "del", "a", "colgroup", "col",
    ]

    static func checkHTML(_ html: String) {
        let u = Array(html.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "<") {
                var j = i + 1
                if j < u.count, u[j] == UInt8(ascii: "/") { j += 1 }
                let start = j
                while j < u.count, u[j] == UInt8(ascii: "!") || (u[j] >= 0x30 && u[j] <= 0x39)
                        || (u[j] | 0x20 >= 0x61 && u[j] | 0x20 <= 0x7A) { j += 1 }
                let name = String(decoding: u[start..<j], as: UTF8.self)
                require(allowedTags.contains(name), "HTML tag <\(name)> not written by the renderer")
                require(j < u.count && (u[j] == UInt8(ascii: ">") || u[j] == UInt8(ascii: " ") || u[j] == UInt8(ascii: "/")),
                             "HTML tag <\(name) not followed by space, / or >")
                i = j
                continue
            }
            if u[i] == UInt8(ascii: "&") {
                // Only the five entities the renderer writes.
                let rest = u[i...].prefix(6)
                let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { rest.starts(with: $0.utf8) }
                require(ok, "bare & in HTML")
            }
            i += 1
        }
        require(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" },
                     "control character in HTML")
    }

    /// Brackets and braces balance outside strings, and strings close.
    static func checkJSON(_ json: String) {
        var depth = 0, inString = false, escaped = false
        for s in json.unicodeScalars {
            if inString {
                require(s.value >= 0x20, "raw control character in a JSON string")
                if escaped { escaped = false } else if s == "\\" { escaped = true } else if s == "\"" { inString = false }
                continue
            }
            switch s {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]": depth -= 1; require(depth >= 0, "JSON closes more than it opens")
            default: break
            }
        }
        require(depth == 0 && !inString, "JSON unbalanced")
    }
}

/// `precondition` that keeps its message in -O builds, so a crasher says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #file, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
