/// The pieces every resodiff HTML page shares: the document shell (head
/// with inline stylesheet, body, closing tags), the base stylesheet, kind
/// badges, marked-up word runs and relative links. ``HTMLRenderer``,
/// ``HistoryHTMLRenderer`` and ``BatchHTMLRenderer`` build on them, so the
/// pages look and behave alike: self-contained, no script, polyglot markup
/// that parses as XML, every piece of text through ``HTMLEscaping/escape(_:)``.
enum HTMLPage {
    /// The page up to and including the opening `<body>` line: doctype,
    /// XHTML namespace, UTF-8, the escaped `title`, and the base stylesheet
    /// followed by `extraStyle` (rules of one kind of page; may be empty).
    static func head(title: String, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="resodiff"/>
        <title>\(HTMLEscaping.escape(title))</title>
        <style>
        \(stylesheet)\(extraStyle)</style>
        </head>
        <body>

        """
    }

    /// The end of the page: closes `<body>` and `<html>`, with a trailing newline.
    static let tail = "</body>\n</html>\n"

    /// A change kind as a text badge, so that kinds never rely on colour.
    static func badge(_ kind: Change.Kind) -> String {
        badge(kind.rawValue)
    }

    /// `text` as a badge (escaped).
    static func badge(_ text: String) -> String {
        "<span class=\"badge\">\(HTMLEscaping.escape(text))</span>"
    }

    /// Word runs with deletions in `<del>` and insertions in `<ins>`, the
    /// space before a run kept outside its mark. With `keep`, only equal
    /// runs and runs of that operation (one side of the diff); nil for all.
    ///
    /// - Complexity: O(t) in the total length of the runs.
    static func wordRuns(_ edits: [WordEdit], keep: WordEdit.Operation?) -> String {
        var out = ""
        var previous: WordEdit.Operation?
        for edit in edits {
            if let keep, edit.operation != .equal, edit.operation != keep { continue }
            var text = Substring(edit.text)
            if edit.operation != .equal, text.first == " " {
                out += " "
                text = text.dropFirst()
            } else if edit.operation == .insert && previous == .delete {
                // In a redline, "Encourages" struck through and "Calls upon"
                // underlined must not run together into one word.
                out += " "
            }
            previous = edit.operation
            switch edit.operation {
            case .equal: out += HTMLEscaping.escape(String(text))
            case .delete: out += "<del>\(HTMLEscaping.escape(String(text)))</del>"
            case .insert: out += "<ins>\(HTMLEscaping.escape(String(text)))</ins>"
            }
        }
        return out
    }

    /// A relative file name as an `href` value: UTF-8 bytes other than
    /// ASCII letters, digits and `-._~/` percent-encoded (so `#`, `?`, `%`,
    /// spaces and quotes cannot change what the link points to), then
    /// escaped for the attribute. A name with a scheme cannot arise: `:` is encoded.
    ///
    /// - Complexity: O(n) in the length of `name`.
    static func href(_ name: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return HTMLEscaping.escape(out)
    }

    /// The base stylesheet: readable on screen, in black and white and
    /// for colour-blind readers (blue and orange, never colour alone), with
    /// a print stylesheet (A4 pages, paragraphs kept whole).
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
