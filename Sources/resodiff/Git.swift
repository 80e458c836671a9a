import ResoDiff

/// The little of git that --staged needs: the text of an object.
enum Git {
    struct GitError: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of `object` (`HEAD:path`, `:path`), as `git show` prints it.
    ///
    /// git is found on the PATH by /usr/bin/env, so that a missing git is
    /// reported in env's words ("/usr/bin/env: 'git': No such file or directory").
    ///
    /// - Parameter missingIsEmpty: give "" when the object does not exist
    ///   (a file new in this commit has no HEAD version).
    static func text(of object: String, missingIsEmpty: Bool) throws -> String {
        let git: Subprocess
        do {
            git = try Subprocess.run("/usr/bin/env", ["git", "show", object])
        } catch {
            throw GitError(description: "cannot run git: \(System.reason(error.code))")
        }
        if git.status != 0 {
            if missingIsEmpty { return "" }
            let message = String(decoding: git.errorOutput, as: UTF8.self)
            let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "git show failed"
            throw GitError(description: "\(object): \(line)")
        }
        return try InputDecoder.decode(git.output, path: object)
    }
}
