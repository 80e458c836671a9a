import Foundation
import Testing

/// The folder of golden files: `Tests/ResoDiffTests/Snapshots/`.
let snapshotsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// The folder of test inputs: `Tests/ResoDiffTests/Fixtures/`.
let fixturesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The repository's `Samples/` folder.
let samplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

/// Reads a fixture's text.
func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(name), encoding: .utf8)
}

/// Checks `actual` against the golden file `Snapshots/<named>.<ext>`.
///
/// When the file is missing, or the environment has `RESODIFF_RECORD=1`, it
/// writes the file and records a failure, so that recording never passes
/// silently. On a mismatch it records a failure showing the first differing lines.
func expectGolden(_ actual: String, named: String, ext: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let url = snapshotsDirectory.appendingPathComponent("\(named).\(ext)")
    let record = ProcessInfo.processInfo.environment["RESODIFF_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: snapshotsDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(Comment(rawValue: "recorded golden file \(url.lastPathComponent); check it and run again"),
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record(Comment(rawValue: "could not write golden file \(url.path): \(error)"),
                         sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    var i = 0
    while i < max(e.count, a.count), report.count < 12 {
        let el = i < e.count ? String(e[i]) : "<end of file>"
        let al = i < a.count ? String(a[i]) : "<end of file>"
        if el != al {
            report.append("line \(i + 1):")
            report.append("- \(el)")
            report.append("+ \(al)")
        }
        i += 1
    }
    let message = "output differs from \(url.lastPathComponent) (set RESODIFF_RECORD=1 to re-record):\n"
        + report.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
