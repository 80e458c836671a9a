import Foundation
import Testing

/// Runs the built `resodiff` binary and captures what it prints.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the run was stopped for taking longer than its timeout.
    var timedOut = false
    /// Wall-clock seconds the run took.
    var seconds: Double = 0

    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle, where SwiftPM builds it.
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("resodiff")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/resodiff")
    }()

    static func sample(_ name: String) -> String { root.appendingPathComponent("Samples/\(name)").path }

    /// Runs the binary.
    ///
    /// - Parameters:
    ///   - stdin: Bytes for standard input (ignored when `stdinFile` is given).
    ///   - stdinFile: A file to read standard input from (`/dev/zero`, a large file).
    ///   - timeout: Seconds after which the process is killed and `timedOut` set.
    init(_ arguments: [String], stdin: Data? = nil, stdinFile: FileHandle? = nil,
         environment: [String: String] = [:], timeout: Double? = nil) throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdinFile ?? input
        let start = Date()
        try process.run()
        let killed = Killed()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { killed.set(); process.terminate() }
            }
        }
        if stdinFile == nil, let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        seconds = Date().timeIntervalSince(start)
        timedOut = killed.value
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// A flag set from the timeout's queue and read after the process ends.
private final class Killed: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

@Suite("resodiff command line")
struct CLITests {
    let real = Run.sample("A-RES-75-68.txt")
    let newer = Run.sample("A-RES-77-illustrative.txt")

    @Test("two different versions: a report, exit status 1, nothing on stderr")
    func differentVersions() throws {
        let run = try Run([real, newer])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("--- \(real)"))
        #expect(run.stdout.contains("reworded"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when piped")
        #expect(run.stdout.contains("{+") && run.stdout.contains("[-"), "wdiff markers when piped")
    }

    @Test("RESODIFF_TIMINGS prints the phases' times on stderr, one line, and changes nothing else")
    func timings() throws {
        let plain = try Run([real, newer])
        let timed = try Run([real, newer], environment: ["RESODIFF_TIMINGS": "1"])
        #expect(timed.status == plain.status && timed.stdout == plain.stdout)
        #expect(plain.stderr.isEmpty)
        let lines = timed.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(timed.stderr.hasPrefix("resodiff: timings: read and parse "))
        for phase in ["align", "render", "write"] { #expect(timed.stderr.contains(", \(phase) ")) }
        #expect(timed.stderr.contains(" ms (cpu ") && timed.stderr.contains(" MiB)"),
                "each phase with its processor time and the peak memory")
    }

    @Test("the same file twice: exit status 0")
    func sameFile() throws {
        let run = try Run([real, real])
        #expect(run.status == 0)
        #expect(run.stdout.contains("no differences"))
    }

    @Test("--quiet prints nothing and keeps the exit status")
    func quiet() throws {
        let run = try Run(["--quiet", real, newer])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    }

    @Test("'-' reads standard input")
    func standardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: real))
        let run = try Run(["-", real], stdin: data)
        #expect(run.status == 0)
    }

    @Test("--color=always colours, NO_COLOR does not override an explicit request")
    func color() throws {
        #expect(try Run(["--color=always", real, newer]).stdout.contains("\u{1B}["))
        #expect(try Run(["--color=always", real, newer], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
        #expect(!(try Run(["--color=never", real, newer]).stdout.contains("\u{1B}[")))
    }

    @Test("--stat prints the names and the summary line only")
    func stat() throws {
        let run = try Run(["--stat", real, newer])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 3)
    }

    @Test("--help and --version exit 0 and print to stdout")
    func helpAndVersion() throws {
        let help = try Run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE:") && help.stdout.contains("EXIT STATUS:"))
        let version = try Run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("resodiff "))
    }

    @Test("trouble: exit status 2 and one line on stderr", arguments: [
        ["/nonexistent/old.txt", "/nonexistent/new.txt"],
        ["/tmp", "/nonexistent.txt"],
        ["only-one.txt"],
        ["--frobnicate", "a", "b"],
        ["--format", "pdf", "a", "b"],
        ["--threshold", "2", "a", "b"],
        ["-", "-"],
    ])
    func trouble(arguments: [String]) throws {
        let run = try Run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("resodiff: error: "))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test("binary and invalid UTF-8 input are refused with a clear error")
    func badBytes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url
        let binary = directory.appendingPathComponent("binary.txt")
        try Data([0x55, 0x72, 0x00, 0x67, 0x65, 0x73]).write(to: binary)
        let latin1 = directory.appendingPathComponent("latin1.txt")
        try Data([0x4E, 0x6F, 0x74, 0x65, 0x73, 0x20, 0xE9, 0x0A]).write(to: latin1)
        let binaryRun = try Run([binary.path, real])
        #expect(binaryRun.status == 2)
        #expect(binaryRun.stderr.contains("binary"))
        let latinRun = try Run([latin1.path, real])
        #expect(latinRun.status == 2)
        #expect(latinRun.stderr.contains("not valid UTF-8"))
        #expect(latinRun.stderr.contains("offset 6"))
    }

    @Test("-o writes the report atomically and refuses to overwrite an input")
    func outputFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url
        let report = directory.appendingPathComponent("report.txt")
        let run = try Run(["-o", report.path, real, newer])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("--- "))

        let missing = try Run(["-o", directory.appendingPathComponent("no/such/dir/report.txt").path, real, newer])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))

        let copy = directory.appendingPathComponent("input.txt")
        try FileManager.default.copyItem(atPath: real, toPath: copy.path)
        let before = try Data(contentsOf: copy)
        let clobber = try Run(["-o", copy.path, copy.path, newer])
        #expect(clobber.status == 2)
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test("--ignore-technical drops routine updates from the exit status")
    func ignoreTechnical() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url
        let old = directory.appendingPathComponent("old.txt"), new = directory.appendingPathComponent("new.txt")
        try "Decides to include in the provisional agenda of its seventy-seventh session the item.\n".write(to: old, atomically: true, encoding: .utf8)
        try "Decides to include in the provisional agenda of its seventy-ninth session the item.\n".write(to: new, atomically: true, encoding: .utf8)
        #expect(try Run([old.path, new.path]).status == 1)
        #expect(try Run(["--ignore-technical", old.path, new.path]).status == 0)
    }
}

@Suite("resodiff on three or more versions")
struct HistoryCLITests {
    @Test("three versions: one summary line per step, lineages, exit status 1")
    func threeVersions() throws {
        let run = try Run([Run.sample("A-RES-73-illustrative.txt"), Run.sample("A-RES-75-68.txt"),
                           Run.sample("A-RES-77-illustrative.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("v1 → v2: "))
        #expect(run.stdout.contains("v2 → v3: "))
    }

    @Test("versions out of session order: a warning on stderr, the history still given")
    func outOfOrder() throws {
        let run = try Run([Run.sample("A-RES-77-illustrative.txt"), Run.sample("A-RES-73-illustrative.txt"),
                           Run.sample("A-RES-75-68.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("resodiff: warning: "))
        #expect(run.stderr.contains("(session 73) comes after"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.contains("v2 → v3: "))
    }

    @Test("histories as JSON and HTML")
    func historyFormats() throws {
        let versions = [Run.sample("A-RES-73-illustrative.txt"), Run.sample("A-RES-75-68.txt"),
                        Run.sample("A-RES-77-illustrative.txt")]
        let json = try Run(["--format", "json"] + versions)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "resodiff-history/1")
        #expect((object?["versions"] as? [Any])?.count == 3)
        let html = try Run(["--format", "html"] + versions)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("the same version three times: exit status 0")
    func sameThrice() throws {
        let sample = Run.sample("A-RES-75-68.txt")
        #expect(try Run([sample, sample, sample]).status == 0)
    }

    @Test("--fail-on limits what makes the exit status 1")
    func failOn() throws {
        let old = Run.sample("A-RES-75-68.txt"), new = Run.sample("A-RES-77-illustrative.txt")
        #expect(try Run(["-q", "--fail-on", "added", old, new]).status == 1)
        #expect(try Run(["-q", "--fail-on", "merged", old, new]).status == 0)
        let bad = try Run(["--fail-on", "everything", old, new])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown kind"))
    }
}

@Suite("report formats on the command line")
struct FormatCLITests {
    let old = Run.sample("A-RES-75-68.txt"), new = Run.sample("A-RES-77-illustrative.txt")

    @Test("-o picks the format from the file extension", arguments: [
        ("report.html", "<!DOCTYPE html>"), ("report.json", "{\n  \"schema\": \"resodiff/1\""),
        ("report.md", "## "), ("report.txt", "--- "),
    ])
    func formatFromExtension(name: String, prefix: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url
        let report = directory.appendingPathComponent(name)
        let run = try Run(["-o", report.path, old, new])
        #expect(run.status == 1)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix(prefix))
        // Nothing but the report is left in the directory: no temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [name])
    }

    @Test("--format overrides the extension, and JSON parses")
    func explicitFormat() throws {
        let run = try Run(["--format", "json", old, new])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "resodiff/1")
        #expect((object?["changes"] as? [Any])?.isEmpty == false)
    }
}

@Suite("resodiff parse")
struct ParseCLITests {
    @Test("prints labels and openings as text, and the same as JSON")
    func parse() throws {
        let sample = Run.sample("A-RES-75-68.txt")
        let text = try Run(["parse", sample])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Paragraphs (26)"))
        #expect(text.stdout.contains("OP13"))
        let json = try Run(["parse", "--format", "json", sample])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["paragraphs"] as? [Any])?.count == 26)
    }

    @Test("a text that is not a resolution gets a notice on stderr and is still compared")
    func notAResolution() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url
        let plain = directory.appendingPathComponent("plain.txt")
        try "Minutes of the meeting.\n\nThe chair opened the meeting at 10 a.m.\n".write(to: plain, atomically: true, encoding: .utf8)
        let run = try Run([plain.path, Run.sample("A-RES-75-68.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("resodiff: notice: \(plain.path): no resolution structure recognized"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.contains("added"))
    }

    @Test("a large comparison, with glibc's allocator settings (with or without huge pages), reports as it does without them")
    func allocatorTuning() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Over the 1 MB threshold, both files together.
        let (old, new, size) = try Self.largePair(scratch, times: 90)
        #expect(size > 1 << 20)

        let untuned = try Run(["--format", "json", old, new], environment: ["RESODIFF_ALLOCATOR_TUNING": "0"])
        let tuned = try Run(["--format", "json", old, new])
        // The settings without huge pages: what a run gets when huge pages come slowly.
        let plain = try Run(["--format", "json", old, new], environment: ["RESODIFF_ALLOCATOR_TUNING": "plain"])
        // A caller's own settings (not the allocator's) are kept and the tuning still applies.
        let withCallerSettings = try Run(["--format", "json", old, new],
                                         environment: ["GLIBC_TUNABLES": "glibc.rtld.optional_static_tls=2048"])
        #expect(untuned.status == 1 && untuned.stderr.isEmpty)
        #expect(untuned.stdout.contains("\"reworded\""))
        for run in [tuned, plain, withCallerSettings] {
            #expect(run.status == untuned.status)
            #expect(run.stderr == untuned.stderr)
            #expect(run.stdout == untuned.stdout)
        }
    }

    /// Two versions made of the sample versions `times` times each, written in
    /// `scratch`: their paths and their size together.
    static func largePair(_ scratch: Scratch, times: Int) throws -> (old: String, new: String, size: Int) {
        func text(_ sample: String) throws -> String {
            String(repeating: try String(contentsOfFile: Run.sample(sample), encoding: .utf8) + "\n\n", count: times)
        }
        let (oldText, newText) = (try text("A-RES-75-68.txt"), try text("A-RES-77-illustrative.txt"))
        return (try scratch.file("old.txt", oldText), try scratch.file("new.txt", newText),
                oldText.utf8.count + newText.utf8.count)
    }

    @Test("large inputs, parsed on two threads: errors in the order of the paths; standard input as a file")
    func largeInputsOnTwoThreads() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Over the 64 KiB from which the inputs are parsed on two threads.
        let (old, new, size) = try Self.largePair(scratch, times: 8)
        #expect(size > 64 << 10)
        let missing = scratch.url.appendingPathComponent("missing.txt").path

        let files = try Run(["--format", "json", old, new])
        let piped = try Run(["--format", "json", "-", new], stdin: try Data(contentsOf: URL(fileURLWithPath: old)))
        #expect(files.status == 1 && files.stderr.isEmpty)
        #expect(piped.status == 1 && piped.stderr.isEmpty)
        // The same comparison, the old version's name apart.
        #expect(piped.stdout.replacingOccurrences(of: "\"-\"", with: "\"\(old)\"") == files.stdout)
        for (arguments, named) in [([missing, new], missing), ([old, missing], missing), ([missing, scratch.url.appendingPathComponent("gone.txt").path], missing)] {
            let run = try Run(arguments)
            #expect(run.status == 2 && run.stdout.isEmpty)
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(named), "\(run.stderr)")
        }
    }
}

@Suite("resodiff on two directories")
struct BatchCLITests {
    let corpus = Run.root.appendingPathComponent("Tests/ResoDiffTests/Fixtures/corpus")

    @Test("a summary line per resolution, then the reports; exit status 1")
    func batch() throws {
        let run = try Run([corpus.appendingPathComponent("old").path, corpus.appendingPathComponent("new").path])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "no progress line when stderr is not a terminal")
        #expect(run.stdout.hasPrefix("6 resolutions paired: 6 differ (2 technical update only)"))
        #expect(run.stdout.components(separatedBy: "[technical update only]").count == 3)
        #expect(run.stdout.components(separatedBy: "\n--- ").count == 7, "one report per differing pair")
    }

    @Test("-o DIR writes an HTML index linking one report per resolution")
    func htmlDirectory() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("resodiff-batch-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Run(["-o", out.path, corpus.appendingPathComponent("old").path, corpus.appendingPathComponent("new").path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.count == 7)
        #expect(files.contains("index.html"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        for file in files where file != "index.html" {
            #expect(index.contains("href=\"\(file)\""), "index does not link \(file)")
            #expect(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        }
    }

    @Test("-o DIR under a missing parent is a clear error")
    func missingParent() throws {
        let run = try Run(["-o", "/nonexistent/parent/out", corpus.appendingPathComponent("old").path,
                           corpus.appendingPathComponent("new").path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("resodiff: error: "))
    }

    @Test("--stat prints the summary only; the same directory twice exits 0")
    func statAndSame() throws {
        let old = corpus.appendingPathComponent("old").path
        let stat = try Run(["--stat", old, corpus.appendingPathComponent("new").path])
        #expect(stat.stdout.split(separator: "\n").count == 7)
        let same = try Run([old, old])
        #expect(same.status == 0)
    }
}
