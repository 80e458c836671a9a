import Foundation

/// Standard output and standard error, and what the terminal can show.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes "error: message" (or another prefix) as one line on standard error.
    static func error(_ message: String, prefix: String = "error") {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("resodiff: \(prefix): \(line)\n".utf8))
    }

    /// True when standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// True when standard error is a terminal (progress lines go there only then).
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Rewrites the progress line on standard error; nil clears it.
    static func progress(_ message: String?) {
        let text = message.map { "\r\u{1B}[K\($0)" } ?? "\r\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows "compared done/total" as the progress line.
    @Sendable static func countProgress(_ done: Int, _ total: Int) {
        progress("compared \(done)/\(total)")
    }

    /// True when NO_COLOR is set to anything non-empty (no-color.org).
    static var noColor: Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"] { return !value.isEmpty }
        return false
    }
}
