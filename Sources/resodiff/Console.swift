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

    /// True when NO_COLOR is set to anything non-empty (no-color.org).
    static var noColor: Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"] { return !value.isEmpty }
        return false
    }
}
