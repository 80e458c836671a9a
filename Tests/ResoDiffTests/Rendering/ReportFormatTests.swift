import Testing
@testable import ResoDiff

@Suite("Report format")
struct ReportFormatTests {
    @Test("file extensions name formats", arguments: [
        (".txt", ReportFormat.text), ("txt", .text), (".json", .json), ("JSON", .json), (".html", .html),
        (".htm", .html), (".md", .markdown), (".markdown", .markdown), (".MD", .markdown),
    ])
    func extensions(ext: String, format: ReportFormat) {
        #expect(ReportFormat(fileExtension: ext) == format)
    }

    @Test("unknown extensions name none", arguments: ["", ".", ".pdf", "docx", ".txt.gz"])
    func unknown(ext: String) {
        #expect(ReportFormat(fileExtension: ext) == nil)
    }

    @Test("paths name formats by their last extension", arguments: [
        ("report.html", ReportFormat?.some(.html)), ("out/diff.v2.json", .json), ("/tmp/a.md", .markdown),
        ("C:\\out\\r.TXT", .text), ("Makefile", nil), (".md", nil), ("dir.md/file", nil), ("-", nil),
    ])
    func paths(path: String, format: ReportFormat?) {
        #expect(ReportFormat(path: path) == format)
    }

    @Test("every format's own extension names it")
    func roundTrip() {
        for format in ReportFormat.allCases { #expect(ReportFormat(fileExtension: format.fileExtension) == format) }
    }
}
