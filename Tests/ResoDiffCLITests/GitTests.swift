import Foundation
import Testing

/// A temporary git repository holding one resolution text, committed, then edited.
struct Repository {
    let url: URL
    static let gitAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git")

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("resodiff-git-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q")
        try git("config", "user.name", "Test")
        try git("config", "user.email", "test@example.org")
        try git("config", "commit.gpgsign", "false")
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, from sample: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(name), ifExists: true)
        try FileManager.default.copyItem(atPath: Run.sample(sample), toPath: url.appendingPathComponent(name).path)
    }

    func write(_ name: String, text: String) throws {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @discardableResult
    func git(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
        try shell(["git"] + arguments, environment: environment)
    }

    /// Runs a command in the repository.
    func shell(_ command: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = url
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = url.path
        env["GIT_PAGER"] = "cat"
        env["PAGER"] = "cat"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension Run {
    init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

extension FileManager {
    func removeItem(at url: URL, ifExists: Bool) throws {
        if fileExists(atPath: url.path) { try removeItem(at: url) }
    }
}

@Suite("resodiff with git", .enabled(if: Repository.gitAvailable, "git is not installed"))
struct GitTests {
    /// A repository with the 75/68 text committed as res.txt and the 77 version in the work tree.
    func edited() throws -> Repository {
        let repo = try Repository()
        try repo.write("res.txt", from: "A-RES-75-68.txt")
        try repo.git("add", "res.txt")
        try repo.git("commit", "-q", "-m", "75/68")
        try repo.write("res.txt", from: "A-RES-77-illustrative.txt")
        return repo
    }

    @Test("GIT_EXTERNAL_DIFF: git's seven arguments give the report for the path, and git goes on")
    func externalDiff() throws {
        let repo = try edited()
        defer { repo.remove() }
        let run = try repo.git("diff", environment: ["GIT_EXTERNAL_DIFF": Run.binary.path])
        #expect(run.status == 0, "git diff failed: \(run.stderr)")
        #expect(run.stdout.contains("--- a/res.txt"))
        #expect(run.stdout.contains("+++ b/res.txt"))
        #expect(run.stdout.contains("reworded"))
    }

    @Test("a diff driver through .gitattributes, and /dev/null for a new file")
    func driver() throws {
        let repo = try edited()
        defer { repo.remove() }
        try repo.write(".gitattributes", text: "*.txt diff=resodiff\n")
        try repo.git("config", "diff.resodiff.command", Run.binary.path)
        let run = try repo.git("diff")
        #expect(run.status == 0, "git diff failed: \(run.stderr)")
        #expect(run.stdout.contains("--- a/res.txt"))

        try repo.write("new.txt", from: "A-RES-75-68.txt")
        try repo.git("add", "-N", "new.txt")
        let added = try repo.git("diff", "--", "new.txt")
        #expect(added.status == 0, "git diff failed: \(added.stderr)")
        #expect(added.stdout.contains("added"))
        #expect(!added.stdout.contains("removed"))
    }

    @Test("git difftool -x resodiff")
    func difftool() throws {
        let repo = try edited()
        defer { repo.remove() }
        let run = try repo.git("difftool", "-y", "-x", Run.binary.path)
        #expect(run.stdout.contains("reworded"), "difftool printed: \(run.stdout) \(run.stderr)")
    }

    @Test("the sample pre-commit hook stops substantive edits and lets technical ones through")
    func sampleHook() throws {
        let repo = try edited()
        defer { repo.remove() }
        let hook = Run.root.appendingPathComponent("Samples/hooks/pre-commit").path
        try repo.git("add", "res.txt")
        let stopped = try repo.shell([hook], environment: ["RESODIFF": Run.binary.path])
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("--- HEAD:res.txt"))
        #expect(stopped.stderr.contains("res.txt has changes"))

        // Only the session in the last operative paragraph changes: a technical update.
        try repo.git("reset", "-q", "--hard")
        let text = try String(contentsOf: repo.url.appendingPathComponent("res.txt"), encoding: .utf8)
        try repo.write("res.txt", text: text.replacingOccurrences(of: "seventy-seventh session", with: "seventy-ninth session"))
        try repo.git("add", "res.txt")
        let passed = try repo.shell([hook], environment: ["RESODIFF": Run.binary.path])
        #expect(passed.status == 0, "hook output: \(passed.stdout) \(passed.stderr)")
    }

    @Test("--staged compares the staged version with HEAD, as the pre-commit framework calls it")
    func staged() throws {
        let repo = try edited()
        defer { repo.remove() }
        try repo.git("add", "res.txt")
        let run = try repo.shell([Run.binary.path, "--staged", "--stat", "--fail-on", "substantive,removed", "res.txt"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("--- HEAD:res.txt"))
        let technical = try repo.shell([Run.binary.path, "--staged", "--fail-on", "removed", "res.txt"])
        #expect(technical.status == 1)
        let none = try repo.shell([Run.binary.path, "--staged", "--fail-on", "merged", "res.txt"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
    }
}
