/// The report as one self-contained HTML page: title block with both
/// documents' header metadata, a summary table, a legend, then every
/// paragraph in document order, old and new side by side, with an inline
/// redline under each rewording.
///
/// The page fetches nothing (inline CSS, no script, fonts or images) and is
/// written as polyglot markup: every element closed, attributes quoted, only
/// the entities `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, so it parses as XML
/// too. All document text, file names and header values pass through
/// ``HTMLEscaping/escape(_:)``.
///
/// Changes do not rely on colour: insertions are underlined (`<ins>`),
/// deletions struck through (`<del>`), and each change carries its kind as a
/// text badge. A print stylesheet sets A4 pages and keeps paragraphs whole.
///
/// Anchors: a paragraph of the new version has its label as `id` (`OP5`);
/// one of the old version `old-` and its label (`old-OP9`). Characters other
/// than ASCII letters, digits and `-_.()` become `-`, and a repeated id gets
/// `-2`, `-3`, … in document order, so ids are unique and deterministic.
public struct HTMLRenderer: ComparisonRenderer {
    /// What to show.
    public struct Options: Hashable, Sendable {
        /// The page title and heading; nil for "old → new" from the names.
        public var title: String?
        /// Show unchanged paragraphs (quietly); false elides them to a count.
        public var showUnchanged: Bool

        /// Creates options: title from the names, every paragraph shown.
        public init(title: String? = nil, showUnchanged: Bool = true) {
            self.title = title
            self.showUnchanged = showUnchanged
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a renderer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The page.
    ///
    /// - Complexity: O(t) in the total text of the comparison.
    public func render(_ comparison: Comparison) -> String {
        var ids = AnchorIDs()
        let title = options.title ?? "\(comparison.oldName) → \(comparison.newName)"
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="resodiff"/>
            <title>\(esc(title))</title>
            <style>
            \(Self.stylesheet)</style>
            </head>
            <body>

            """
        out += titleBlock(comparison, title: title)
        out += "<main>\n"
        out += summarySection(Summary(comparison))
        out += legendSection()
        out += paragraphsSection(comparison, ids: &ids)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Title block

    func titleBlock(_ comparison: Comparison, title: String) -> String {
        let changed = Set(comparison.headerChanges.map(\.field))
        var out = "<header class=\"title-block\">\n<h1>\(esc(title))</h1>\n"
        out += "<p class=\"summary-line\">\(esc(Summary(comparison).line))</p>\n"
        out += "<table class=\"documents\">\n<caption>Documents compared</caption>\n"
        out += "<thead><tr><th scope=\"col\"></th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead>\n<tbody>\n"
        out += "<tr><th scope=\"row\">file</th><td class=\"file\">\(esc(comparison.oldName))</td>"
            + "<td class=\"file\">\(esc(comparison.newName))</td></tr>\n"
        for field in Header.Field.allCases {
            let old = comparison.old.header[field], new = comparison.new.header[field]
            guard old != nil || new != nil else { continue }
            let isChanged = changed.contains(field)
            out += "<tr\(isChanged ? " class=\"changed\"" : "")><th scope=\"row\">\(esc(ReportVocabulary.fieldName(field)))"
            if isChanged { out += " <span class=\"badge\">changed</span>" }
            out += "</th><td>\(headerValue(old, isChanged ? "del" : nil))</td>"
                + "<td>\(headerValue(new, isChanged ? "ins" : nil))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</header>\n"
        return out
    }

    func headerValue(_ value: String?, _ tag: String?) -> String {
        guard let value else { return "<span class=\"absent\">(none)</span>" }
        guard let tag else { return esc(value) }
        return "<\(tag)>\(esc(value))</\(tag)>"
    }

    // MARK: Summary and legend

    func summarySection(_ summary: Summary) -> String {
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tables\">\n"
        out += "<table class=\"counts\">\n<caption>Paragraphs by kind of change</caption>\n"
        out += "<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n"
        for kind in Change.Kind.allCases {
            out += "<tr class=\"k-\(kind.rawValue)\"><th scope=\"row\">\(badge(kind))</th>"
                + "<td class=\"n\">\(summary[kind])</td></tr>\n"
        }
        out += "<tr><th scope=\"row\">renumbered (of unchanged)</th><td class=\"n\">\(summary.renumbered)</td></tr>\n"
        out += "<tr><th scope=\"row\">header fields changed</th><td class=\"n\">\(summary.headerChanges)</td></tr>\n"
        out += "</tbody>\n</table>\n"
        out += "<table class=\"counts\">\n<caption>Reworded paragraphs by category</caption>\n"
        out += "<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n"
        for category in Rewording.Category.allCases {
            out += "<tr><th scope=\"row\">\(esc(category.rawValue))</th><td class=\"n\">\(summary[category])</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</section>\n"
        return out
    }

    func legendSection() -> String {
        var out = "<section id=\"legend\">\n<h2>Legend</h2>\n<ul class=\"marks\">\n"
        out += "<li><ins>inserted words</ins> are underlined</li>\n"
        out += "<li><del>deleted words</del> are struck through</li>\n</ul>\n<dl class=\"kinds\">\n"
        for kind in Change.Kind.allCases {
            out += "<dt>\(badge(kind))</dt><dd>\(esc(ReportVocabulary.meaning(of: kind)))</dd>\n"
        }
        for category in Rewording.Category.allCases {
            out += "<dt><span class=\"category\">\(esc(category.rawValue))</span></dt>"
                + "<dd>\(esc(ReportVocabulary.meaning(of: category)))</dd>\n"
        }
        out += "</dl>\n</section>\n"
        return out
    }

    func badge(_ kind: Change.Kind) -> String {
        "<span class=\"badge\">\(esc(kind.rawValue))</span>"
    }

    // MARK: Paragraphs

    func paragraphsSection(_ comparison: Comparison, ids: inout AnchorIDs) -> String {
        var out = "<section id=\"paragraphs\">\n<h2>Paragraphs</h2>\n<table class=\"diff\">\n"
        out += "<colgroup><col class=\"old\"/><col class=\"new\"/></colgroup>\n"
        out += "<thead><tr><th scope=\"col\">Old: \(esc(comparison.oldName))</th>"
            + "<th scope=\"col\">New: \(esc(comparison.newName))</th></tr></thead>\n"
        var elided = 0
        func flushElided() {
            guard elided > 0 else { return }
            out += "<tbody class=\"elided\"><tr><td colspan=\"2\">… \(elided) unchanged paragraph\(elided == 1 ? "" : "s")</td></tr></tbody>\n"
            elided = 0
        }
        for change in comparison.changes {
            if change.kind == .unchanged && !options.showUnchanged {
                elided += 1
                continue
            }
            flushElided()
            out += changeBody(change, ids: &ids)
        }
        flushElided()
        if comparison.changes.isEmpty {
            out += "<tbody class=\"elided\"><tr><td colspan=\"2\">(no paragraphs)</td></tr></tbody>\n"
        }
        out += "</table>\n</section>\n"
        return out
    }

    /// One change as a table row group: heading, old | new, redline.
    func changeBody(_ change: Change, ids: inout AnchorIDs) -> String {
        var out = "<tbody class=\"change k-\(change.kind.rawValue)\">\n"
        out += "<tr class=\"head\"><th colspan=\"2\" scope=\"colgroup\">\(badge(change.kind)) "
        out += "<span class=\"place\">\(esc(ReportVocabulary.place(of: change)))</span>"
        var notes: [String] = []
        if change.isRenumbered { notes.append("renumbered") }
        if let rewording = change.rewording {
            notes.append(ReportVocabulary.categoryNote(rewording))
            notes.append("similarity " + ReportVocabulary.similarityText(rewording.similarity))
        }
        if !notes.isEmpty { out += " <span class=\"note\">\(esc(notes.joined(separator: " · ")))</span>" }
        out += "</th></tr>\n"

        let single = change.old.count == 1 && change.new.count == 1
        let words = single ? change.rewording?.words : nil
        out += "<tr class=\"sides\"><td class=\"old\">"
        out += side(change.old, prefix: "old-", mark: change.kind == .removed ? "del" : nil,
                    words: words, keep: .delete, absent: "(not in the old version)", ids: &ids)
        out += "</td><td class=\"new\">"
        out += side(change.new, prefix: "", mark: change.kind == .added ? "ins" : nil,
                    words: words, keep: .insert, absent: "(not in the new version)", ids: &ids)
        out += "</td></tr>\n"
        if let rewording = change.rewording {
            out += "<tr class=\"redline\"><td colspan=\"2\"><span class=\"redline-label\">Redline:</span> "
            out += "<span class=\"text\" dir=\"auto\">" + wordRuns(rewording.words, keep: nil) + "</span></td></tr>\n"
        }
        out += "</tbody>\n"
        return out
    }

    /// One side's paragraphs, each with its anchor and label.
    ///
    /// - Parameters:
    ///   - mark: `del` or `ins` to mark the whole text (removed, added).
    ///   - words: The word diff to show instead of the text (one paragraph each side).
    ///   - keep: The edit runs this side shows besides the equal ones.
    func side(_ paragraphs: [Paragraph], prefix: String, mark: String?, words: [WordEdit]?,
              keep: WordEdit.Operation, absent: String, ids: inout AnchorIDs) -> String {
        guard !paragraphs.isEmpty else { return "<span class=\"absent\">\(esc(absent))</span>" }
        var out = ""
        for paragraph in paragraphs {
            let id = ids.allocate(prefix + paragraph.label)
            out += "<div class=\"para\" id=\"\(esc(id))\"><a class=\"label\" href=\"#\(esc(id))\">\(esc(paragraph.label))</a> "
            // The text's own direction, so an Arabic paragraph reads right to left.
            out += "<span class=\"text\" dir=\"auto\">"
            if let words {
                out += wordRuns(words, keep: keep)
            } else if let mark {
                out += "<\(mark)>\(esc(paragraph.text))</\(mark)>"
            } else {
                out += esc(paragraph.text)
            }
            out += "</span></div>"
        }
        return out
    }

    /// Word runs with deletions in `<del>` and insertions in `<ins>`, the
    /// space before a run kept outside its mark. With `keep`, only equal
    /// runs and runs of that operation (one side of the diff); nil for all.
    func wordRuns(_ edits: [WordEdit], keep: WordEdit.Operation?) -> String {
        var out = ""
        for edit in edits {
            if let keep, edit.operation != .equal, edit.operation != keep { continue }
            var text = Substring(edit.text)
            if edit.operation != .equal, text.first == " " {
                out += " "
                text = text.dropFirst()
            }
            switch edit.operation {
            case .equal: out += esc(String(text))
            case .delete: out += "<del>\(esc(String(text)))</del>"
            case .insert: out += "<ins>\(esc(String(text)))</ins>"
            }
        }
        return out
    }

    private func esc(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: Anchors

    /// Hands out unique, deterministic element ids.
    struct AnchorIDs {
        /// Ids the page itself uses, never handed out to paragraphs.
        private var used: Set<String> = ["summary", "legend", "paragraphs"]

        /// An id for `name`: unsafe characters replaced by `-`, then `-2`,
        /// `-3`, … appended until it is unused.
        mutating func allocate(_ name: String) -> String {
            var base = String(name.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "(", ")": Character(scalar)
                default: "-"
                }
            })
            if base.isEmpty || base == "old-" { base += "p" }
            var id = base
            var n = 1
            while used.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            used.insert(id)
            return id
        }
    }

    // MARK: Style

    /// The inline stylesheet: readable on screen, in black and white and
    /// for colour-blind readers (blue and orange, never colour alone).
    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111; background: #fff; max-width: 75rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 0.4rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #888; }
        table { border-collapse: collapse; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; }
        table.documents th, table.documents td, table.counts th, table.counts td { border: 1px solid #aaa; }
        table.documents td.file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9rem; }
        .tables { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .summary-line { font-style: italic; }
        .badge { display: inline-block; border: 1px solid currentColor; border-radius: 0.2rem; padding: 0 0.3rem; font-family: system-ui, sans-serif; font-size: 0.72rem; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }
        .category { font-family: system-ui, sans-serif; font-size: 0.85rem; font-style: italic; }
        dl.kinds { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.kinds dd { margin: 0; }
        ins { text-decoration: underline; text-decoration-thickness: 2px; background: #dbe9ff; color: #0b3a8c; }
        del { text-decoration: line-through; text-decoration-thickness: 2px; background: #ffe4cc; color: #8a3300; }
        table.diff { width: 100%; table-layout: fixed; }
        table.diff col.old, table.diff col.new { width: 50%; }
        table.diff thead th { border-bottom: 2px solid #444; font-family: system-ui, sans-serif; font-size: 0.9rem; }
        tbody.change { border-top: 1px solid #bbb; break-inside: avoid; page-break-inside: avoid; }
        tr.head th { font-family: system-ui, sans-serif; font-size: 0.85rem; font-weight: normal; padding-top: 0.6rem; }
        .place { font-weight: bold; margin-left: 0.3rem; }
        .note { color: #444; margin-left: 0.5rem; }
        .para { break-inside: avoid; page-break-inside: avoid; margin: 0 0 0.4rem; }
        a.label { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; color: #333; text-decoration: none; margin-right: 0.3rem; }
        .absent { color: #666; font-style: italic; }
        tr.redline td { background: #f4f4f4; border-left: 4px double #777; }
        .redline-label { font-family: system-ui, sans-serif; font-size: 0.75rem; font-weight: bold; text-transform: uppercase; margin-right: 0.3rem; }
        tbody.k-unchanged { color: #555; }
        tbody.k-unchanged tr.head th { font-size: 0.72rem; padding-top: 0.3rem; }
        tbody.k-unchanged .badge { border-style: dotted; font-weight: normal; }
        tbody.elided td { color: #555; font-style: italic; text-align: center; border-top: 1px dashed #bbb; }
        tr.changed th { font-weight: bold; }
        @page { size: A4; margin: 18mm 15mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          ins, del { background: none; color: inherit; }
          tr.redline td { background: none; }
          a.label { color: inherit; }
          thead { display: table-header-group; }
          tbody.change, tr, .para { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
        }

        """
}
