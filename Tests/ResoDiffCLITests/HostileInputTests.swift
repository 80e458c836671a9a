import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under the system's temporary directory, removed by `remove()`; for every CLI test that writes files.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("resodiff-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in the directory and returns its path.
    @discardableResult
    func file(_ name: String, _ bytes: some Sequence<UInt8>) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// The names in the directory, sorted.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// True when the tests run as root, who reads and writes regardless of permissions.
let isRoot = geteuid() == 0

/// Hostile and odd inputs on the command line; docs/RELIABILITY.md lists each
/// with the behaviour these tests pin down.
@Suite("resodiff on hostile and odd inputs")
struct HostileInputTests {
    let sample = Run.sample("A-RES-75-68.txt")
    let other = Run.sample("A-RES-77-illustrative.txt")

    /// Checks the shape of every refusal: exit status 2, nothing on stdout,
    /// one line on stderr starting "resodiff: error: ".
    func expectTrouble(_ run: Run, mentioning words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("resodiff: error: "), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.split(separator: "\n").count == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        for word in words {
            #expect(run.stderr.contains(word), "stderr lacks '\(word)': \(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Bytes that are not text

    @Test("binary data with NUL bytes: exit 2, 'binary', from a file or standard input")
    func binary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes: [UInt8] = Array("Urges all States".utf8) + [0, 0, 1, 2, 0xFF] + Array("to act;".utf8)
        expectTrouble(try Run([try scratch.file("binary.txt", bytes), sample]), mentioning: "binary")
        expectTrouble(try Run(["-", sample], stdin: Data(bytes)), mentioning: "<stdin>", "binary")
    }

    @Test("invalid UTF-8: exit 2, the offset of the first bad byte, a hint to convert", arguments: [
        ([0x4E, 0x6F, 0xE9, 0x0A] as [UInt8], 2),        // Latin-1 é
        ([0x61, 0x62, 0x63, 0xC3] as [UInt8], 3),        // truncated sequence at the end
        ([0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0x80] as [UInt8], 4),      // overlong NUL after a BOM
        ([0xED, 0xA0, 0x80] as [UInt8], 0),              // an encoded surrogate
    ])
    func invalidUTF8(bytes: [UInt8], offset: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        expectTrouble(try Run([try scratch.file("bad.txt", bytes), sample]),
                      mentioning: "not valid UTF-8", "offset \(offset)", "iconv")
    }

    @Test("UTF-16 with a byte-order mark, little- and big-endian, is decoded and compared normally")
    func utf16() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let le = try scratch.file("le.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = try scratch.file("be.txt", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for path in [le, be] {
            let same = try Run([path, sample])
            #expect(same.status == 0, "\(path): \(same.stderr)")
            #expect(same.stdout.contains("no differences"))
            let differs = try Run(["--format", "json", path, other])
            #expect(differs.status == 1)
            #expect(differs.stdout == (try Run(["--format", "json", sample, other])).stdout
                .replacingOccurrences(of: sample, with: path), "a UTF-16 copy reports like its UTF-8 original")
        }
        // A UTF-8 byte-order mark is dropped too.
        let bom = try scratch.file("bom.txt", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(try Run([bom, sample]).status == 0)
    }

    // MARK: Empty and large inputs

    @Test("an empty file is an empty document: both empty is exit 0, against a resolution everything is added")
    func empty() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let empty = try scratch.file("empty.txt", [])
        let both = try Run([empty, empty])
        #expect(both.status == 0)
        #expect(both.stdout.contains("no differences"))
        let added = try Run(["--stat", empty, sample])
        #expect(added.status == 1)
        #expect(added.stdout.contains("26 added"), "\(added.stdout)")
        let removed = try Run(["--stat", "--format", "json", sample, empty])
        #expect(removed.status == 1)
        #expect(removed.stdout.contains("\"removed\": 26"))
        // Only white space reads the same as empty.
        let blank = try scratch.file("blank.txt", " \n\t\r\n\u{A0}\n")
        #expect(try Run([blank, empty]).status == 0)
    }

    /// A file of one line of `megabytes` MB of words, no line break anywhere.
    func oneLine(megabytes: Int, in scratch: Scratch) throws -> String {
        let path = scratch.url.appendingPathComponent("line.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let chunk = Data(String(repeating: "peace ", count: 1 << 17).utf8)  // 768 KiB
        var written = 0
        while written < megabytes << 20 {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.close()
        return path
    }

    @Test("one line of 4 MB: finishes in bounded time as one paragraph")
    func longLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let line = try oneLine(megabytes: 4, in: scratch)
        let empty = try scratch.file("empty.txt", [])
        let run = try Run(["--stat", line, empty], timeout: 300)
        #expect(!run.timedOut, "took over 300 s")
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 removed"), "\(run.stdout)")
    }

    @Test("one line of 50 MB (under the 64 MiB limit): finishes, no crash (set RESODIFF_SLOW_TESTS=1)",
          .enabled(if: ProcessInfo.processInfo.environment["RESODIFF_SLOW_TESTS"] != nil, "slow: about a minute in release, minutes in debug"))
    func fiftyMegabyteLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let line = try oneLine(megabytes: 50, in: scratch)
        let empty = try scratch.file("empty.txt", [])
        let run = try Run(["--stat", line, empty], timeout: 1200)
        #expect(!run.timedOut, "took over 1200 s")
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 removed"), "\(run.stdout)")
    }

    @Test("a file over the 64 MiB limit: exit 2 naming the limit, without reading it (sparse file)")
    func overLimit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("huge.txt", [])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(64 << 20) + 1)
        try handle.close()
        let run = try Run([path, sample], timeout: 60)
        expectTrouble(run, mentioning: "huge.txt", "67108865 bytes", "64 MiB input limit")
        #expect(run.seconds < 30)
    }

    @Test("endless standard input (/dev/zero): stops at the 64 MiB limit, exit 2, instead of exhausting memory")
    func endlessStandardInput() throws {
        let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
        let run = try Run(["-", sample], stdinFile: zero, timeout: 120)
        #expect(!run.timedOut)
        expectTrouble(run, mentioning: "<stdin>", "64 MiB input limit")
        // A device named as a file has no size to check beforehand either.
        expectTrouble(try Run(["/dev/zero", sample], timeout: 120), mentioning: "/dev/zero", "64 MiB input limit")
    }

    /// `count` copies of one operative paragraph, blank-line separated.
    func repeated(_ count: Int) -> String {
        String(repeating: "Urges all States to take further measures to strengthen cooperation on verification;\n\n",
               count: count)
    }

    @Test("10,000 identical paragraphs against themselves and against 9,999: fast, right counts")
    func manyIdenticalParagraphs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let many = try scratch.file("many.txt", repeated(10_000))
        let fewer = try scratch.file("fewer.txt", repeated(9_999))
        let same = try Run(["--stat", many, many], timeout: 120)
        #expect(same.status == 0)
        #expect(same.stdout.contains("no differences; 10000 unchanged"), "\(same.stdout)")
        let one = try Run(["--stat", many, fewer], timeout: 120)
        #expect(one.status == 1)
        #expect(one.stdout.contains("1 removed; 9999 unchanged"), "\(one.stdout)")
        #expect(!same.timedOut && !one.timedOut)
    }

    @Test("10,000 paragraphs alternating between two texts, shifted by one: one move, fast")
    func alternatingParagraphs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let a = "Recalling its resolution on the strengthening of disarmament,\n\n"
        let b = "Urges all States to act on verification;\n\n"
        let ab = try scratch.file("ab.txt", String(repeating: a + b, count: 5_000))
        let ba = try scratch.file("ba.txt", String(repeating: b + a, count: 5_000))
        let run = try Run(["--stat", ab, ba], timeout: 120)
        #expect(!run.timedOut)
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 moved; 9999 unchanged") || run.stdout.contains("1 added, 1 removed; 9998 unchanged"),
                "\(run.stdout)")
    }

    // MARK: Paths that are not readable files

    @Test("a directory where a file is expected: exit 2")
    func directory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        expectTrouble(try Run([scratch.url.path, sample]), mentioning: "is a directory")
        expectTrouble(try Run([sample, scratch.url.path]), mentioning: "is a directory")
    }

    @Test("a missing file: exit 2, 'no such file'")
    func missing() throws {
        expectTrouble(try Run([sample, "/nonexistent/resolution.txt"]), mentioning: "/nonexistent/resolution.txt", "no such file")
    }

    @Test("an unreadable file (mode 000): exit 2, 'cannot read'", .enabled(if: !isRoot, "running as root, who reads any file"))
    func unreadable() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("secret.txt", "Urges all States;\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        expectTrouble(try Run([path, sample]), mentioning: "secret.txt", "cannot read")
    }

    @Test("'-' for both sides: exit 2")
    func standardInputTwice() throws {
        expectTrouble(try Run(["-", "-"], stdin: Data("Urges all States;\n".utf8)), mentioning: "one side only")
    }

    @Test("the same file twice: exit 0")
    func sameFileTwice() throws {
        let run = try Run([sample, sample])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    // MARK: Output

    @Test("directories of many files with bad ones (read on two threads): the first in name order is named, exit 2")
    func badFilesInDirectories() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fm = FileManager.default
        let old = scratch.url.appendingPathComponent("old"), new = scratch.url.appendingPathComponent("new")
        try fm.createDirectory(at: old, withIntermediateDirectories: true)
        try fm.createDirectory(at: new, withIntermediateDirectories: true)
        let text = Array(try String(contentsOfFile: sample, encoding: .utf8).utf8)
        for k in 0..<20 {
            let name = String(format: "%02d.txt", k)
            try Data(text).write(to: old.appendingPathComponent(name))
            // Two bad files, on different threads' turns: 07 (odd) before 10 (even).
            let bytes = k == 7 ? text + [0xC3, 0x28] : k == 10 ? text + [0x00] : text
            try Data(bytes).write(to: new.appendingPathComponent(name))
        }
        // A directory named like a resolution is passed over.
        try fm.createDirectory(at: new.appendingPathComponent("zz.txt"), withIntermediateDirectories: true)
        expectTrouble(try Run([old.path, new.path]), mentioning: "07.txt", "not valid UTF-8")
        try Data(text).write(to: new.appendingPathComponent("07.txt"))
        expectTrouble(try Run([old.path, new.path]), mentioning: "10.txt", "binary data")
        try Data(text).write(to: new.appendingPathComponent("10.txt"))
        let same = try Run([old.path, new.path])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.hasPrefix("20 resolutions paired: 0 differ"), "\(same.stdout)")
    }

    @Test("-o into a missing directory: exit 2, 'does not exist', nothing created")
    func outputIntoMissingDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = scratch.url.appendingPathComponent("no/such/report.html").path
        expectTrouble(try Run(["-o", target, sample, other]), mentioning: "does not exist")
        #expect(try scratch.contents().isEmpty)
        // A parent that is a file, not a directory, is the same trouble.
        let file = try scratch.file("file.txt", "x")
        expectTrouble(try Run(["-o", file + "/report.txt", sample, other]), mentioning: "does not exist")
    }

    @Test("-o naming an input, directly or through a symbolic link: refused, the input untouched")
    func outputNamesAnInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.file("old.txt", try Data(contentsOf: URL(fileURLWithPath: sample)))
        let link = scratch.url.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        expectTrouble(try Run(["-o", input, input, other]), mentioning: "refusing to overwrite an input")
        expectTrouble(try Run(["-o", input, link, other]), mentioning: "refusing to overwrite an input")
        expectTrouble(try Run(["-o", link, input, other]), mentioning: "refusing to overwrite an input")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(try scratch.contents() == ["link.txt", "old.txt"])
    }

    @Test("-o onto a directory: exit 2, 'is a directory', nothing written beside it")
    func outputOntoDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("report.txt/inner"),
                                                withIntermediateDirectories: true)
        expectTrouble(try Run(["-o", scratch.url.appendingPathComponent("report.txt").path, sample, other]),
                      mentioning: "is a directory")
        #expect(try scratch.contents() == ["report.txt"], "no temporary file left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("report.txt").path) == ["inner"])
    }

    @Test("a write the system refuses (even to root: /proc, /sys) fails with exit 2 and leaves no file")
    func failedWrite() throws {
        for target in ["/proc/resodiff-report.txt", "/sys/resodiff-report.txt"]
        where FileManager.default.fileExists(atPath: (target as NSString).deletingLastPathComponent) {
            expectTrouble(try Run(["-o", target, sample, other]), mentioning: target, "cannot write")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test("a batch report directory the system will not create (even for root: /proc): exit 2, the system's reason")
    func uncreatableReportDirectory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self") else { return }
        let samples = (sample as NSString).deletingLastPathComponent
        let run = try Run(["-o", "/proc/resodiff-reports", samples, samples])
        expectTrouble(run, mentioning: "/proc/resodiff-reports", "cannot write: no such file or directory")
        #expect(!run.stderr.contains("operation could not be completed"), "\(run.stderr)")
    }

    @Test("a read-only directory: exit 2, no partial or temporary file", .enabled(if: !isRoot, "running as root, who writes anywhere"))
    func readOnlyDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let directory = scratch.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        expectTrouble(try Run(["-o", directory.appendingPathComponent("report.txt").path, sample, other]),
                      mentioning: "cannot write")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    // MARK: Text that would be markup

    static let hostileOld = """
        The General Assembly,

        Recalling its resolution on <script>alert("x")</script> & the </style> tag,

        1. Urges all States to follow [this link](javascript:alert(1)) and <a href="javascript:alert(2)">that one</a>;

        """
    static let hostileNew = """
        The General Assembly,

        Recalling its resolution on <script>alert("y")</script> & the </style><script>evil()</script> tag,

        1. Urges all States to follow [this link](javascript:alert(1)) and <img src=x onerror=alert(3)>;

        """

    @Test("document text with <script>, </style>, javascript: and & comes out escaped in HTML")
    func hostileHTML() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let old = try scratch.file("old.txt", Self.hostileOld), new = try scratch.file("new.txt", Self.hostileNew)
        let run = try Run(["--format", "html", old, new])
        #expect(run.status == 1)
        let html = run.stdout
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href=\"javascript"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(html.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(html.contains("&lt;script&gt;alert(&quot;"))
        #expect(html.contains("&lt;/style&gt;"))
        #expect(html.contains(" &amp; the "))
        // The page parses as XML, so nothing in it opened an element it did not close.
        #expect(throws: Never.self) { _ = try XMLDocument(data: Data(html.utf8)) }
    }

    @Test("the same text is inert in Markdown: no tag, no link, no raw &")
    func hostileMarkdown() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let old = try scratch.file("old.txt", Self.hostileOld), new = try scratch.file("new.txt", Self.hostileNew)
        let run = try Run(["--format", "markdown", "--full", old, new])
        #expect(run.status == 1)
        let markdown = run.stdout
        #expect(!markdown.lowercased().contains("<script"))
        #expect(!markdown.contains("</style>"))
        #expect(!markdown.contains("<img") && !markdown.contains("<a "))
        #expect(!markdown.replacingOccurrences(of: "\\](", with: "").contains("]("), "an unescaped ]( would make a live link")
        #expect(markdown.contains("\\[this link\\](javascript:alert(1))"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains(" &amp; the "))
        // Every '<' that is left is one of the renderer's own tags.
        let tags = markdown.components(separatedBy: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(tags.allSatisfy { ["br/", "del", "/del", "ins", "/ins"].contains(String($0)) }, "\(tags)")
    }
}
