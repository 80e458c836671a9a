/// The index page of a ``Batch``: the counts, one table row per paired
/// resolution (old → new names and symbols, how they were paired, counts
/// per kind of change, "technical update only") linking to its own report,
/// then the resolutions found on one side only.
///
/// Same conventions as ``HTMLRenderer``: one self-contained page (inline
/// CSS, no script), polyglot markup that parses as XML, every name and
/// header value escaped, states written as text rather than colour. Links
/// are relative file names, percent-encoded.
public struct BatchHTMLRenderer: Sendable {
    /// What to show.
    public struct Options: Hashable, Sendable {
        /// The page title and heading; nil for "Resolutions compared".
        public var title: String?

        /// Creates options.
        public init(title: String? = nil) {
            self.title = title
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a renderer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The kinds counted per pair, in column order (unchanged is left to the summary line).
    private static let kinds = Change.Kind.allCases.filter { $0 != .unchanged }

    /// The index page.
    ///
    /// - Parameters:
    ///   - batch: The batch.
    ///   - reportFileNames: The relative file name (or path) of each pair's
    ///     report, parallel to `batch.pairs`; nil for
    ///     ``reportFileNames(for:fileExtension:)`` with `html`.
    /// - Precondition: `reportFileNames`, when given, has one name per pair.
    /// - Complexity: O(p·c) for p pairs of c changes each.
    public func render(_ batch: Batch, reportFileNames: [String]? = nil) -> String {
        let links = reportFileNames ?? Self.reportFileNames(for: batch)
        precondition(links.count == batch.pairs.count, "one report file name per pair")
        let title = options.title ?? "Resolutions compared"
        var out = HTMLPage.head(title: title, extraStyle: Self.stylesheet)
        out += "<header class=\"title-block\">\n<h1>\(esc(title))</h1>\n"
        out += "<p class=\"summary-line\">\(esc(ReportVocabulary.batchLine(batch)))</p>\n</header>\n<main>\n"
        out += countsSection(BatchCounts(batch))
        out += pairsSection(batch, links: links)
        out += onlySection(batch.onlyOld, id: "only-old", heading: "Only in old (discontinued)")
        out += onlySection(batch.onlyNew, id: "only-new", heading: "Only in new (new this session)")
        out += "</main>\n" + HTMLPage.tail
        return out
    }

    func countsSection(_ counts: BatchCounts) -> String {
        var out = "<section id=\"counts\">\n<h2>Counts</h2>\n<table class=\"counts\">\n<caption>Resolutions</caption>\n<tbody>\n"
        let rows: [(String, Int)] = [
            ("paired", counts.paired),
            ("differ", counts.differing),
            ("technical update only (of those that differ)", counts.technicalUpdateOnly),
            ("the same", counts.same),
            ("only in old", counts.onlyOld),
            ("only in new", counts.onlyNew),
        ]
        for (name, n) in rows {
            out += "<tr><th scope=\"row\">\(esc(name))</th><td class=\"n\">\(n)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    func pairsSection(_ batch: Batch, links: [String]) -> String {
        var out = "<section id=\"pairs\">\n<h2>Paired resolutions</h2>\n"
        guard !batch.pairs.isEmpty else {
            return out + "<p class=\"absent\">(no resolutions paired)</p>\n</section>\n"
        }
        out += "<table class=\"pairs\">\n<thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Old</th>"
            + "<th scope=\"col\">New</th><th scope=\"col\">Paired by</th>"
        for kind in Self.kinds { out += "<th scope=\"col\" class=\"n\">\(esc(kind.rawValue))</th>" }
        out += "<th scope=\"col\" class=\"n\">header fields</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n"
        for (pair, link) in zip(batch.pairs, links) {
            let c = pair.comparison
            let summary = Summary(c)
            let status: String
            if pair.isTechnicalUpdateOnly {
                status = HTMLPage.badge("technical update only")
            } else if c.hasDifferences {
                status = HTMLPage.badge("differs")
            } else {
                status = "<span class=\"absent\">no differences</span>"
            }
            out += "<tr class=\"\(c.hasDifferences ? "differs" : "same")\">"
            out += "<td><a href=\"\(HTMLPage.href(link))\">\(esc(summary.line))</a></td>"
            out += "<td>\(document(c.oldName, c.old.header))</td><td>\(document(c.newName, c.new.header))</td>"
            out += "<td>\(esc(pair.reason.rawValue))</td>"
            for kind in Self.kinds { out += "<td class=\"n\">\(summary[kind])</td>" }
            out += "<td class=\"n\">\(summary.headerChanges)</td><td>\(status)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    /// A document's name and symbol, one above the other.
    func document(_ name: String, _ header: Header) -> String {
        var out = "<span class=\"file\">\(esc(name))</span>"
        out += header.symbol.map { "<br/><span class=\"symbol\">\(esc($0))</span>" }
            ?? "<br/><span class=\"absent\">(no symbol)</span>"
        return out
    }

    func onlySection(_ names: [String], id: String, heading: String) -> String {
        var out = "<section id=\"\(id)\">\n<h2>\(esc(heading))</h2>\n"
        guard !names.isEmpty else { return out + "<p class=\"absent\">(none)</p>\n</section>\n" }
        out += "<ul class=\"names\">\n"
        for name in names { out += "<li class=\"file\">\(esc(name))</li>\n" }
        out += "</ul>\n</section>\n"
        return out
    }

    private func esc(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: Report file names

    /// A deterministic, filesystem-safe file name for the report of the
    /// pair at `index` of a batch: the 1-based index with four digits (or
    /// more past 9999), a dash, then the new document's file name without
    /// its extension, reduced to ASCII letters, digits, `-`, `_` and `.`
    /// (each run of other characters becomes one `-`; dashes at either end
    /// dropped; at most 60 characters kept), then the extension:
    /// `0001-A-RES-75-68.html`, or just `0003.html` when nothing is left.
    ///
    /// Names are unique within a batch because the index is, and never
    /// start with a dot or name a directory.
    ///
    /// - Parameters:
    ///   - pair: The pair.
    ///   - index: Its index in `batch.pairs`.
    ///   - fileExtension: The extension, without its dot.
    /// - Complexity: O(n) in the length of the new document's name.
    public static func reportFileName(for pair: Batch.Pair, index: Int, fileExtension: String = "html") -> String {
        let number = String(index + 1)
        var name = String(repeating: "0", count: max(0, 4 - number.count)) + number
        var stem = Substring(Batch.fileName(pair.comparison.newName))
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        var safe = ""
        for scalar in stem.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": safe.unicodeScalars.append(scalar)
            default: if safe.last != "-" { safe += "-" }
            }
            if safe.count >= 60 { break }
        }
        let trimmed = safe.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed()
        if !trimmed.isEmpty { name += "-" + String(trimmed) }
        return fileExtension.isEmpty ? name : name + "." + fileExtension
    }

    /// ``reportFileName(for:index:fileExtension:)`` for every pair of `batch`, in order.
    ///
    /// - Complexity: O(n) in the total length of the new documents' names.
    public static func reportFileNames(for batch: Batch, fileExtension: String = "html") -> [String] {
        batch.pairs.enumerated().map { reportFileName(for: $1, index: $0, fileExtension: fileExtension) }
    }

    // MARK: Style

    /// Rules of the index page, added to ``HTMLPage/stylesheet``.
    static let stylesheet = """
        table.pairs { width: 100%; font-size: 0.9rem; }
        table.pairs th, table.pairs td { border: 1px solid #aaa; }
        table.pairs thead th { font-family: system-ui, sans-serif; font-size: 0.8rem; }
        table.pairs tr.same { color: #555; }
        .file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
        .symbol { font-weight: bold; }
        ul.names { padding-left: 1.2rem; }
        @media print {
          table.pairs tr { break-inside: avoid; page-break-inside: avoid; }
          a { color: inherit; }
        }

        """
}
