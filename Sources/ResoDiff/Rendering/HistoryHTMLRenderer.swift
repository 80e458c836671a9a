/// The history of a resolution as one self-contained HTML page: a title
/// block listing the versions with their header metadata, the counts of
/// each step, a legend, then a matrix whose rows are paragraphs (lineages)
/// and whose columns are versions, each cell giving the paragraph's label
/// there and how it got there, with the word diff of each rewording in a
/// `<details>` element (opens without script), and the paragraph's latest
/// text in a final column.
///
/// Same conventions as ``HTMLRenderer``: inline CSS, no script, polyglot
/// markup that parses as XML, all text through ``HTMLEscaping/escape(_:)``,
/// states written as text badges and insertions and deletions as `<ins>`
/// and `<del>` (never colour alone), a print stylesheet (A4 landscape).
///
/// Anchors: each row has the paragraph's label in the latest version it
/// reaches as `id` (`OP5`), made safe and unique as ``HTMLRenderer`` does
/// (`OP5-2` for a removed paragraph that had the label of a current one).
public struct HistoryHTMLRenderer: Sendable {
    /// What to show.
    public struct Options: Hashable, Sendable {
        /// The page title and heading; nil for the version names joined by arrows.
        public var title: String?
        /// Show paragraphs that never changed; false elides them to a count.
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
    /// - Complexity: O(v·p + t) for v versions of p paragraphs and t the
    ///   total text of the history's changes.
    public func render(_ history: History) -> String {
        let title = options.title ?? history.versions.map(\.name).joined(separator: " → ")
        var out = HTMLPage.head(title: title, extraStyle: Self.stylesheet)
        out += titleBlock(history, title: title)
        out += "<main>\n"
        out += summarySection(history)
        out += legendSection()
        // The matrix's parts in order, every anchor handed out in that order on
        // this thread; then the rows, each depending on itself alone, on two
        // threads when there are many.
        let parts = matrixParts(history)
        let latest = history.versions.count - 1
        let renderer = self
        return ChunkedText.build(after: out, count: parts.count, before: "</main>\n" + HTMLPage.tail) { [parts] k in
            switch parts[k] {
            case .markup(let text): text
            case let .row(lineage, id): renderer.row(lineage, latest: latest, id: id)
            }
        }
    }

    // MARK: Title block

    func titleBlock(_ history: History, title: String) -> String {
        var out = "<header class=\"title-block\">\n<h1>\(esc(title))</h1>\n"
        if !history.comparisons.isEmpty {
            out += "<ul class=\"steps\">\n"
            for (k, comparison) in history.comparisons.enumerated() {
                out += "<li>\(esc(stepName(k + 1))): \(esc(Summary(comparison).line))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<table class=\"documents\" id=\"versions\">\n<caption>Versions</caption>\n<thead><tr><th scope=\"col\"></th>"
        for k in history.versions.indices { out += "<th scope=\"col\">\(esc(ReportVocabulary.versionName(k)))</th>" }
        out += "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">file</th>"
        for version in history.versions { out += "<td class=\"file\">\(esc(version.name))</td>" }
        out += "</tr>\n"
        let headers = history.versions.map(\.resolution.header)
        for field in Header.Field.allCases where headers.contains(where: { $0[field] != nil }) {
            out += "<tr><th scope=\"row\">\(esc(ReportVocabulary.fieldName(field)))</th>"
            for (k, header) in headers.enumerated() {
                let changed = k > 0 && headers[k - 1][field] != header[field]
                out += changed ? "<td class=\"changed\">" : "<td>"
                out += header[field].map(esc) ?? "<span class=\"absent\">(none)</span>"
                if changed { out += " " + HTMLPage.badge("changed") }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</header>\n"
        return out
    }

    /// "v1 → v2" for the step into version `k` (k ≥ 1).
    func stepName(_ k: Int) -> String {
        ReportVocabulary.versionName(k - 1) + " → " + ReportVocabulary.versionName(k)
    }

    // MARK: Summary and legend

    func summarySection(_ history: History) -> String {
        var out = "<section id=\"summary\">\n<h2>Changes between versions</h2>\n"
        guard !history.comparisons.isEmpty else {
            return out + "<p class=\"absent\">(one version only)</p>\n</section>\n"
        }
        out += "<table class=\"counts\">\n<caption>Paragraphs by kind of change, per step</caption>\n<thead><tr><th scope=\"col\">Step</th>"
        for kind in Change.Kind.allCases { out += "<th scope=\"col\">\(HTMLPage.badge(kind))</th>" }
        out += "<th scope=\"col\">renumbered</th>"
        for category in Rewording.Category.allCases { out += "<th scope=\"col\">\(esc(category.rawValue))</th>" }
        out += "<th scope=\"col\">header fields</th></tr></thead>\n<tbody>\n"
        for (k, comparison) in history.comparisons.enumerated() {
            let summary = Summary(comparison)
            out += "<tr><th scope=\"row\">\(esc(stepName(k + 1)))</th>"
            for kind in Change.Kind.allCases { out += "<td class=\"n\">\(summary[kind])</td>" }
            out += "<td class=\"n\">\(summary.renumbered)</td>"
            for category in Rewording.Category.allCases { out += "<td class=\"n\">\(summary[category])</td>" }
            out += "<td class=\"n\">\(summary.headerChanges)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    func legendSection() -> String {
        var out = "<section id=\"legend\">\n<h2>Legend</h2>\n<p>Each cell shows the paragraph's label in that version "
            + "and how it got there from the previous version.</p>\n<ul class=\"marks\">\n"
        out += "<li><ins>inserted words</ins> are underlined</li>\n"
        out += "<li><del>deleted words</del> are struck through</li>\n</ul>\n<dl class=\"kinds\">\n"
        for state in State.legendCases {
            out += "<dt>\(state.badge)</dt><dd>\(esc(state.meaning))</dd>\n"
        }
        for category in Rewording.Category.allCases {
            out += "<dt><span class=\"category\">\(esc(category.rawValue))</span></dt>"
                + "<dd>\(esc(ReportVocabulary.meaning(of: category)))</dd>\n"
        }
        out += "</dl>\n</section>\n"
        return out
    }

    // MARK: Matrix

    /// A part of the matrix section: markup as it stands, or a lineage's row
    /// with its anchor.
    enum MatrixPart {
        /// Markup written as it stands (the table's head, group rows, closings).
        case markup(String)
        /// A lineage's row, with the anchor handed out for it.
        case row(History.Lineage, id: String)
    }

    /// The matrix section as parts in document order, the rows' anchors
    /// handed out in that order.
    func matrixParts(_ history: History) -> [MatrixPart] {
        var ids = HTMLRenderer.AnchorIDs(reserved: ["versions", "summary", "legend", "paragraphs"])
        let count = history.versions.count, latest = count - 1
        var out = "<section id=\"paragraphs\">\n<h2>Paragraphs</h2>\n<table class=\"history\">\n"
        out += "<thead><tr><th scope=\"col\">Paragraph</th>"
        for (k, version) in history.versions.enumerated() {
            out += "<th scope=\"col\">\(esc(ReportVocabulary.versionName(k)))"
            if let symbol = version.resolution.header.symbol { out += "<br/><span class=\"symbol\">\(esc(symbol))</span>" }
            out += "</th>"
        }
        out += "<th scope=\"col\" class=\"latest\">Latest text</th></tr></thead>\n"

        var parts: [MatrixPart] = []
        func row(_ lineage: History.Lineage) {
            // A lineage always has a step in its last version.
            guard let last = lineage.steps[lineage.lastVersion] else { return }
            parts.append(.row(lineage, id: ids.allocate(last.paragraph.label)))
        }
        let current = history.lineages.filter { $0.lastVersion == latest }
        let removed = history.lineages.filter { $0.lastVersion < latest }
        out += "<tbody class=\"current\">\n"
        parts.append(.markup(out))
        var elided = 0
        for lineage in current {
            if !options.showUnchanged && !Self.changed(lineage, latest: latest) {
                elided += 1
                continue
            }
            row(lineage)
        }
        out = ""
        if elided > 0 {
            out += "<tr class=\"elided\"><td colspan=\"\(count + 2)\">… \(elided) paragraph\(elided == 1 ? "" : "s") "
                + "unchanged in every version</td></tr>\n"
        }
        if history.lineages.isEmpty {
            out += "<tr class=\"elided\"><td colspan=\"\(count + 2)\">(no paragraphs)</td></tr>\n"
        }
        out += "</tbody>\n"
        if !removed.isEmpty {
            out += "<tbody class=\"removed\">\n<tr class=\"group\"><th colspan=\"\(count + 2)\" scope=\"colgroup\">"
                + "Removed along the way</th></tr>\n"
            parts.append(.markup(out))
            for lineage in removed { row(lineage) }
            out = "</tbody>\n"
        }
        out += "</table>\n</section>\n"
        parts.append(.markup(out))
        return parts
    }

    /// True when a lineage changed anywhere: a difference in some step, or
    /// missing from the first or the latest version.
    static func changed(_ lineage: History.Lineage, latest: Int) -> Bool {
        lineage.firstVersion > 0 || lineage.lastVersion < latest
            || lineage.steps.contains { $0?.change?.isDifference ?? false }
    }

    /// One lineage: its anchor `id` and latest label, a cell per version, the latest text.
    func row(_ lineage: History.Lineage, latest: Int, id: String) -> String {
        guard let last = lineage.steps[lineage.lastVersion] else { return "" }
        var out = "<tr id=\"\(esc(id))\" class=\"\(Self.changed(lineage, latest: latest) ? "changed" : "same")\">"
        out += "<th scope=\"row\"><a class=\"label\" href=\"#\(esc(id))\">\(esc(last.paragraph.label))</a></th>"
        for k in lineage.steps.indices { out += cell(lineage, k) }
        out += "<td class=\"latest\">"
        if lineage.lastVersion < latest {
            out += "<span class=\"note\">last in \(esc(ReportVocabulary.versionName(lineage.lastVersion)))</span> "
                + "<span class=\"text\" dir=\"auto\"><del>\(esc(last.paragraph.text))</del></span>"
        } else {
            out += "<span class=\"text\" dir=\"auto\">\(esc(last.paragraph.text))</span>"
        }
        out += "</td></tr>\n"
        return out
    }

    /// The cell of version `k`: label, state badge, notes, word diff.
    func cell(_ lineage: History.Lineage, _ k: Int) -> String {
        guard let step = lineage.steps[k] else {
            let state: State = k > 0 && lineage.steps[k - 1] != nil ? .gone : .absent
            return "<td class=\"s-\(state.rawValue)\">\(state.badge)</td>"
        }
        let state = State(step.change)
        var out = "<td class=\"s-\(state.rawValue)\"><span class=\"label\">\(esc(step.paragraph.label))</span>"
        if state != .first { out += " " + state.badge }
        var notes: [String] = []
        if let change = step.change {
            if change.isRenumbered, let old = change.firstOld { notes.append("was \(old.label)") }
            switch change.kind {
            case .moved, .merged: notes.append("from " + change.oldLabels)
            case .split: notes.append("from \(change.oldLabels) into \(change.newLabels)")
            case .reworded:
                if let old = change.firstOld, old.label != step.paragraph.label { notes.append("was \(old.label)") }
            case .unchanged, .added, .removed: break
            }
            if let rewording = change.rewording {
                notes.append(ReportVocabulary.categoryNote(rewording))
                notes.append("similarity " + ReportVocabulary.similarityText(rewording.similarity))
            }
        }
        if !notes.isEmpty { out += " <span class=\"note\">\(esc(notes.joined(separator: " · ")))</span>" }
        if let rewording = step.change?.rewording {
            out += "<details><summary>word diff \(esc(stepName(k)))</summary>"
                + "<div class=\"text\" dir=\"auto\">\(HTMLPage.wordRuns(rewording.words, keep: nil))</div></details>"
        }
        out += "</td>"
        return out
    }

    private func esc(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: States

    /// A paragraph's state in one version, as the matrix names it.
    enum State: String {
        case first, new, same, reworded, moved, split, merged, removed, gone, absent

        /// The state of a step that came about by `change` (nil: the first version).
        init(_ change: Change?) {
            guard let change else { self = .first; return }
            switch change.kind {
            case .unchanged: self = .same
            case .added: self = .new
            case .removed: self = .removed
            case .reworded: self = .reworded
            case .moved: self = .moved
            case .split: self = .split
            case .merged: self = .merged
            }
        }

        /// The states a legend lists (`removed` never stands in a step; `first` has no badge).
        static let legendCases: [State] = [.new, .same, .reworded, .moved, .split, .merged, .gone, .absent]

        var badge: String {
            self == .absent ? "<span class=\"absent\">—</span>" : HTMLPage.badge(rawValue)
        }

        var meaning: String {
            switch self {
            case .first: "as in the first version"
            case .new: "new in this version"
            case .same: "same text as in the previous version (possibly renumbered)"
            case .reworded: ReportVocabulary.meaning(of: .reworded)
            case .moved: ReportVocabulary.meaning(of: .moved)
            case .split: ReportVocabulary.meaning(of: .split)
            case .merged: ReportVocabulary.meaning(of: .merged)
            case .removed, .gone: "removed in this version"
            case .absent: "not in this version"
            }
        }
    }

    // MARK: Style

    /// Rules of the history page, added to ``HTMLPage/stylesheet``.
    static let stylesheet = """
        body { max-width: 100rem; }
        ul.steps { margin: 0.3rem 0 0.8rem; padding-left: 1.2rem; font-style: italic; }
        td.changed { font-weight: bold; }
        table.history { width: 100%; font-size: 0.85rem; }
        table.history th, table.history td { border: 1px solid #bbb; }
        table.history thead th { font-family: system-ui, sans-serif; font-size: 0.8rem; border-bottom: 2px solid #444; }
        table.history td.latest, table.history th.latest { width: 40%; }
        table.history .label { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; }
        table.history .note { display: block; color: #444; font-size: 0.75rem; }
        table.history .symbol { font-weight: normal; }
        tr.same { color: #555; }
        td.s-absent { text-align: center; }
        td.s-new, td.s-reworded, td.s-moved, td.s-split, td.s-merged { background: #eef4ff; }
        td.s-gone { background: #fff1e6; }
        td.s-same .badge { border-style: dotted; font-weight: normal; }
        td.s-gone .badge { border-style: double; border-width: 3px; }
        details { margin-top: 0.2rem; }
        details summary { font-family: system-ui, sans-serif; font-size: 0.72rem; cursor: pointer; }
        details .text { margin-top: 0.2rem; padding: 0.2rem 0.3rem; background: #f4f4f4; border-left: 4px double #777; }
        tbody.removed tr.group th { font-family: system-ui, sans-serif; border-top: 2px solid #444; padding-top: 0.6rem; }
        tr.elided td { color: #555; font-style: italic; text-align: center; border-top: 1px dashed #bbb; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { max-width: none; }
          td.s-new, td.s-reworded, td.s-moved, td.s-split, td.s-merged, td.s-gone { background: none; }
          details .text { background: none; }
          table.history tr { break-inside: avoid; page-break-inside: avoid; }
        }

        """
}
