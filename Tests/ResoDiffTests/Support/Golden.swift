import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<named>.<ext>` (next to
/// this folder), as swift-argument-parser's `expectSnapshot` does.
///
/// When the file is missing, or the environment has `RESODIFF_RECORD=1`, the
/// file is (re)written from `actual` and the test fails anyway, so that
/// recording never passes silently: check the file, then run again. On a
/// mismatch, the failure names the first differing line and shows it from
/// both sides.
///
/// - Parameters:
///   - actual: The output under test.
///   - named: The golden's name, without extension (`"JSONRenderer-sample"`).
///   - ext: The golden's extension, without dot (`"json"`).
func expectGolden(_ actual: String, named: String, ext: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let snapshots = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support/
        .deletingLastPathComponent()  // ResoDiffTests/
        .appendingPathComponent("Snapshots", isDirectory: true)
    let url = snapshots.appendingPathComponent("\(named).\(ext)")
    let recording = ProcessInfo.processInfo.environment["RESODIFF_RECORD"] == "1"
    let expected = try? String(contentsOf: url, encoding: .utf8)

    if recording || expected == nil {
        do {
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("recorded golden \(url.path); check it, then run again without RESODIFF_RECORD",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not write golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actual else { return }

    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < want.count, line < got.count, want[line] == got[line] { line += 1 }
    let show = { (lines: [Substring]) in line < lines.count ? "\"\(lines[line])\"" : "(end of text)" }
    Issue.record("""
        output differs from golden \(named).\(ext) at line \(line + 1):
          expected: \(show(want))
            actual: \(show(got))
        (\(want.count) lines expected, \(got.count) actual; RESODIFF_RECORD=1 rewrites the golden)
        """, sourceLocation: sourceLocation)
}
