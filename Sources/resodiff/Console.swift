#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error, and what the terminal can show.
enum Console {
    /// Writes `text` to standard output.
    ///
    /// When the reader has gone (EPIPE: `resodiff … | head` with SIGPIPE
    /// ignored), the command stops quietly with status 2, as diff would;
    /// any other failure to write is reported on standard error, status 2.
    static func out(_ text: String) {
        guard let failure = System.writeAll(STDOUT_FILENO, text) else { return }
        if failure != EPIPE { error("<stdout>: cannot write: \(System.reason(failure))") }
        exit(2)
    }

    /// Writes "error: message" (or another prefix) as one line on standard error.
    static func error(_ message: String, prefix: String = "error") {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        _ = System.writeAll(STDERR_FILENO, "resodiff: \(prefix): \(line)\n")
    }

    /// True when standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// True when standard error is a terminal (progress lines go there only then).
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Rewrites the progress line on standard error; nil clears it.
    static func progress(_ message: String?) {
        let text = message.map { "\r\u{1B}[K\($0)" } ?? "\r\u{1B}[K"
        _ = System.writeAll(STDERR_FILENO, text)
    }

    /// Shows "compared done/total" as the progress line.
    @Sendable static func countProgress(_ done: Int, _ total: Int) {
        progress("compared \(done)/\(total)")
    }

    /// True when NO_COLOR is set to anything non-empty (no-color.org).
    static var noColor: Bool {
        if let value = System.environment("NO_COLOR") { return !value.isEmpty }
        return false
    }
}
