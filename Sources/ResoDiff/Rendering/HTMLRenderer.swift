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
        var out = HTMLPage.head(title: title)
        out += titleBlock(comparison, title: title)
        out += "<main>\n"
        out += summarySection(Summary(comparison))
        out += legendSection()
        out += paragraphsHead(comparison)
        // What is shown and every anchor, in document order on this thread (an
        // anchor depends on those before it); then each row group, which
        // depends on its item alone, on two threads when there are many.
        let items = self.items(comparison.changes, ids: &ids)
        let renderer = self
        return ChunkedText.build(after: out, count: items.count,
                                 before: paragraphsTail(comparison) + "</main>\n" + HTMLPage.tail) { [items] k in
            renderer.body(of: items[k])
        }
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

    func badge(_ kind: Change.Kind) -> String { HTMLPage.badge(kind) }

    // MARK: Paragraphs

    /// The paragraphs section up to its first row group.
    func paragraphsHead(_ comparison: Comparison) -> String {
        var out = "<section id=\"paragraphs\">\n<h2>Paragraphs</h2>\n<table class=\"diff\">\n"
        out += "<colgroup><col class=\"old\"/><col class=\"new\"/></colgroup>\n"
        out += "<thead><tr><th scope=\"col\">Old: \(esc(comparison.oldName))</th>"
            + "<th scope=\"col\">New: \(esc(comparison.newName))</th></tr></thead>\n"
        return out
    }

    /// The paragraphs section after its last row group.
    func paragraphsTail(_ comparison: Comparison) -> String {
        (comparison.changes.isEmpty ? "<tbody class=\"elided\"><tr><td colspan=\"2\">(no paragraphs)</td></tr></tbody>\n" : "")
            + "</table>\n</section>\n"
    }

    /// One row group of the paragraphs table.
    enum Item {
        /// Unchanged paragraphs left out, as a count.
        case elided(Int)
        /// A change, its two sides, and the anchor of each side's paragraphs.
        case change(Change, old: [Paragraph], new: [Paragraph], oldIDs: [String], newIDs: [String])
    }

    /// The row groups in order, with their anchors handed out by `ids` in
    /// document order (each change's old side, then its new side).
    func items(_ changes: [Change], ids: inout AnchorIDs) -> [Item] {
        var items: [Item] = []
        var elided = 0
        for change in changes {
            if change.kind == .unchanged && !options.showUnchanged {
                elided += 1
                continue
            }
            if elided > 0 { items.append(.elided(elided)) }
            elided = 0
            // Each list asked for once: an unchanged pair makes its lists when asked.
            let olds = change.old, news = change.new
            let oldIDs = olds.map { ids.allocate("old-" + $0.label) }
            let newIDs = news.map { ids.allocate($0.label) }
            items.append(.change(change, old: olds, new: news, oldIDs: oldIDs, newIDs: newIDs))
        }
        if elided > 0 { items.append(.elided(elided)) }
        return items
    }

    /// The markup of one row group.
    func body(of item: Item) -> String {
        switch item {
        case .elided(let count):
            "<tbody class=\"elided\"><tr><td colspan=\"2\">… \(count) unchanged paragraph\(count == 1 ? "" : "s")</td></tr></tbody>\n"
        case let .change(change, olds, news, oldIDs, newIDs):
            changeBody(change, old: olds, new: news, oldIDs: oldIDs, newIDs: newIDs)
        }
    }

    /// One change as a table row group: heading, old | new, redline; `olds`
    /// and `news` are its sides, `oldIDs` and `newIDs` their paragraphs' anchors.
    func changeBody(_ change: Change, old olds: [Paragraph], new news: [Paragraph],
                    oldIDs: [String], newIDs: [String]) -> String {
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

        let single = olds.count == 1 && news.count == 1
        let words = single ? change.rewording?.words : nil
        out += "<tr class=\"sides\"><td class=\"old\">"
        out += side(olds, ids: oldIDs, mark: change.kind == .removed ? "del" : nil,
                    words: words, keep: .delete, absent: "(not in the old version)")
        out += "</td><td class=\"new\">"
        out += side(news, ids: newIDs, mark: change.kind == .added ? "ins" : nil,
                    words: words, keep: .insert, absent: "(not in the new version)")
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
    ///   - ids: Each paragraph's anchor.
    ///   - mark: `del` or `ins` to mark the whole text (removed, added).
    ///   - words: The word diff to show instead of the text (one paragraph each side).
    ///   - keep: The edit runs this side shows besides the equal ones.
    func side(_ paragraphs: [Paragraph], ids: [String], mark: String?, words: [WordEdit]?,
              keep: WordEdit.Operation, absent: String) -> String {
        guard !paragraphs.isEmpty else { return "<span class=\"absent\">\(esc(absent))</span>" }
        var out = ""
        for (paragraph, id) in zip(paragraphs, ids) {
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

    /// Word runs marked up (see ``HTMLPage/wordRuns(_:keep:)``).
    func wordRuns(_ edits: [WordEdit], keep: WordEdit.Operation?) -> String {
        HTMLPage.wordRuns(edits, keep: keep)
    }

    private func esc(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: Anchors

    /// Hands out unique, deterministic element ids.
    struct AnchorIDs {
        /// Ids handed out so far, and those the page itself uses.
        private var used: Set<String>
        /// By base, the suffix of the last id given for it, once one needed a
        /// suffix (a base given alone is not recorded: its suffix is 1).
        private var lastSuffix: [String: Int] = [:]

        /// Creates an allocator that never hands out `reserved`, the ids
        /// the page's own sections use.
        init(reserved: Set<String> = ["summary", "legend", "paragraphs"]) {
            used = reserved
        }

        /// An id for `name`: unsafe characters replaced by `-`, then `-2`,
        /// `-3`, … appended until it is unused.
        mutating func allocate(_ name: String) -> String {
            var base = Self.sanitized(name)
            if base.isEmpty || base == "old-" { base += "p" }
            // Most bases are free (a label, once): one lookup. A free base has no
            // suffix recorded, as `lastSuffix` holds only bases already given.
            if used.insert(base).inserted { return base }
            // The smallest free suffix, looked for from the last one given for this base:
            // ids are only ever added, so the ones below it are still taken.
            var n = lastSuffix[base, default: 1]
            var id = n == 1 ? base : "\(base)-\(n)"
            while used.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            lastSuffix[base] = n
            used.insert(id)
            return id
        }

        /// `name` with ASCII letters, digits and `-_.()` kept and any other
        /// character made one "-" (on the bytes: a non-ASCII scalar is a lead
        /// byte and its continuation bytes); `name` itself when all are kept.
        static func sanitized(_ name: String) -> String {
            func kept(_ b: UInt8) -> Bool {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                     UInt8(ascii: "("), UInt8(ascii: ")"):
                    true
                default:
                    false
                }
            }
            if name.utf8.allSatisfy(kept) { return name }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for b in name.utf8 {
                if kept(b) {
                    bytes.append(b)
                } else if b < 0x80 || b >= 0xC0 {
                    bytes.append(UInt8(ascii: "-"))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
