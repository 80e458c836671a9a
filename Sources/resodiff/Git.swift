import Foundation
import ResoDiff

/// The little of git that --staged needs: the text of an object.
enum Git {
    struct GitError: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of `object` (`HEAD:path`, `:path`), as `git show` prints it.
    ///
    /// - Parameter missingIsEmpty: give "" when the object does not exist
    ///   (a file new in this commit has no HEAD version).
    static func text(of object: String, missingIsEmpty: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", object]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw GitError(description: "cannot run git: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            if missingIsEmpty { return "" }
            let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "git show failed"
            throw GitError(description: "\(object): \(line)")
        }
        return try InputDecoder.decode([UInt8](data), path: object)
    }
}
