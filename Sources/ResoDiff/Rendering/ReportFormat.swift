/// The formats a report can be written in, so that a caller (the command
/// line's `-o FILE`) can pick one from a file name.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable {
    /// Plain text for terminals (``TextRenderer``).
    case text
    /// JSON in the `resodiff/1` schema (``JSONRenderer``).
    case json
    /// A self-contained HTML page (``HTMLRenderer``).
    case html
    /// GitHub-flavoured Markdown for pull-request and issue comments (``MarkdownRenderer``).
    case markdown

    /// The format a file extension stands for: `txt` → text, `json`,
    /// `html` or `htm` → html, `md` or `markdown` → markdown. A leading dot
    /// is allowed and case is ignored; nil for any other extension.
    ///
    /// - Parameter fileExtension: The extension, with or without its dot (`".md"`, `"HTML"`).
    public init?(fileExtension: String) {
        var ext = Substring(fileExtension)
        if ext.first == "." { ext = ext.dropFirst() }
        switch ext.lowercased() {
        case "txt", "text": self = .text
        case "json": self = .json
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }

    /// The format a path's extension stands for (`report.html` → html),
    /// nil when the last path component has no known extension.
    ///
    /// - Parameter path: A file path; both `/` and `\` separate components.
    public init?(path: String) {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }

    /// The usual extension, without its dot: `txt`, `json`, `html`, `md`.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .html: "html"
        case .markdown: "md"
        }
    }
}
