#if canImport(Glibc)
import Glibc

/// glibc's allocator settings for large comparisons, applied by running the
/// command again with them.
///
/// A large comparison (a session's compilation, 2.8 MB a side) builds some
/// 40 MB of strings and arrays on two threads. With glibc's defaults every
/// fresh 4 KB page costs a page fault (11,500 of them, a fifth of the CPU
/// time on a virtual machine), and freed memory goes back to the system to
/// be faulted in again. Transparent huge pages for the heaps, a large top
/// pad, and no trimming or mmap for blocks under 32 MB bring that to about
/// 600 faults and the run down by a fifth (Guides/Performance.md). glibc
/// reads these settings only from `GLIBC_TUNABLES` at start-up (`mallopt` has
/// no huge-page setting), so the command sets the variable and executes
/// itself again, once, before reading anything.
///
/// The child restores the environment as it was, so that git or any other
/// program the command starts never sees the settings. `RESODIFF_ALLOCATOR_TUNING=0`
/// turns this off; a failed exec simply carries on untuned.
enum AllocatorTuning {
    /// The settings: huge pages on the heaps, 32 MB of top pad, no trimming below
    /// 256 MB, blocks under 32 MB from the heap rather than fresh mappings.
    static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=33554432"
        + ":glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432"

    /// Inputs smaller than this in all gain less than the second start costs (about a millisecond).
    static let threshold = 1 << 20

    /// Set in the tuned child: "=" and the caller's `GLIBC_TUNABLES`, or empty when it had none.
    private static let marker = "RESODIFF_ALLOCATOR_TUNED"

    /// True in the tuned child. Written once, by ``restoreEnvironment()``, before any other thread starts.
    nonisolated(unsafe) private static var isTuned = false

    /// In the tuned child, puts the environment back as the caller had it
    /// (glibc has read its settings by now). Call first thing.
    static func restoreEnvironment() {
        guard let saved = getenv(marker).map({ String(cString: $0) }) else { return }
        isTuned = true
        if saved.hasPrefix("=") {
            setenv("GLIBC_TUNABLES", String(saved.dropFirst()), 1)
        } else {
            unsetenv("GLIBC_TUNABLES")
        }
        unsetenv(marker)
    }

    /// Executes the command again with the settings when `paths` hold at least
    /// ``threshold`` bytes (a directory counts as large), unless this process is
    /// tuned already, tuning is turned off, or the caller set glibc's malloc
    /// settings itself. Returns only when it did not execute.
    static func reexecuteIfWorthwhile(for paths: [String]) {
        if isTuned { return }
        if let off = getenv("RESODIFF_ALLOCATOR_TUNING"), String(cString: off) == "0" { return }
        let existing = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        if existing?.contains("glibc.malloc.") == true { return }
        guard isLarge(paths), let executable = ownPath() else { return }
        setenv(marker, existing.map { "=" + $0 } ?? "", 1)
        setenv("GLIBC_TUNABLES", existing.map { $0 + ":" + tunables } ?? tunables, 1)
        execv(executable, CommandLine.unsafeArgv)
        // Still here: the exec failed. Carry on as we are, and never try again.
        restoreEnvironment()
    }

    /// The path of the running executable, as the kernel knows it (a tool that
    /// runs the command under it, such as valgrind, reports the command's own).
    private static func ownPath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0, count < buffer.count - 1 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when the files at `paths` hold at least ``threshold`` bytes, or one is a directory.
    private static func isLarge(_ paths: [String]) -> Bool {
        var total = 0
        for path in paths where path != "-" {
            guard let info = System.status(path) else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return true
            case S_IFREG: total += Int(info.st_size)
            default: continue
            }
            if total >= threshold { return true }
        }
        return false
    }
}
#endif
