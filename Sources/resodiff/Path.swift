/// File paths as the command resolves them for -o: made absolute and free
/// of `.` and `..` lexically, before any symbolic link is followed, the way
/// the command always has (`nonexistent/../report.html` is `report.html` in
/// the current directory).
///
/// Paths are handled as UTF-8 bytes, as the file system sees them, so that a
/// combining mark after a `/` does not hide the slash.
enum Path {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `path` made absolute: a leading `~` or `~user` expanded to the home
    /// directory (left alone for an unknown user), a relative path taken from
    /// the current directory (the empty path is the current directory), then
    /// repeated slashes, `.` and `..` components and a trailing slash removed.
    /// `..` above the root stays at the root.
    static func standardized(_ path: String) -> String {
        var path = expandingTilde(path)
        if path.utf8.first != slash, let current = System.currentDirectory {
            path = current + "/" + path
        }
        let absolute = path.utf8.first == slash
        var kept: [ArraySlice<UInt8>] = []
        for component in Array(path.utf8).split(separator: slash) {
            if component.elementsEqual([dot]) { continue }
            if component.elementsEqual([dot, dot]) {
                if let last = kept.last, !last.elementsEqual([dot, dot]) {
                    kept.removeLast()
                } else if !absolute {
                    kept.append(component)  // a relative path, the current directory unknown
                }
                continue
            }
            kept.append(component)
        }
        let joined = kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The directory part of a standardized path: "/a" for "/a/b", "/" for "/a" and for "/".
    static func parent(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard let last = bytes.lastIndex(of: slash) else { return "." }
        return last == bytes.startIndex ? "/" : String(decoding: bytes[..<last], as: UTF8.self)
    }

    /// The last component of a standardized path: "b" for "/a/b".
    static func lastComponent(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard let last = bytes.lastIndex(of: slash) else { return path }
        return String(decoding: bytes[(last + 1)...], as: UTF8.self)
    }

    /// A standardized path with its symbolic links resolved, to tell whether
    /// two paths name the same file: realpath(3) of the path, or for a file
    /// that does not exist yet, of its directory with the name appended; the
    /// path unchanged when even the directory cannot be resolved.
    static func resolved(_ path: String) -> String {
        if let real = System.realPath(path) { return real }
        guard path != "/", let directory = System.realPath(parent(path)) else { return path }
        return (directory == "/" ? "" : directory) + "/" + lastComponent(path)
    }

    /// `path` with a leading `~` (the user's home) or `~user` (that user's)
    /// replaced; unchanged when there is no tilde or no such user.
    private static func expandingTilde(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "~") else { return path }
        let end = bytes.firstIndex(of: slash) ?? bytes.endIndex
        let user = String(decoding: bytes[1..<end], as: UTF8.self)
        guard let home = System.homeDirectory(of: user.isEmpty ? nil : user) else { return path }
        return home + String(decoding: bytes[end...], as: UTF8.self)
    }
}
