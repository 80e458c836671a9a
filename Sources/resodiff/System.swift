#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few operating-system calls the command makes, wrapped for Swift:
/// failures come back as errno values, never as a crash, and nothing here
/// needs Foundation (which the command does not link, for its start-up time).
enum System {
    /// The operating system's words for an errno value, lower-cased as the
    /// command's messages print them ("no such file or directory").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// Reads what is there, up to `buffer.count` bytes, into `buffer`, going on
    /// after a signal interrupts the call.
    ///
    /// - Returns: the number of bytes read, 0 at the end, -1 on an error (in errno).
    static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 || errno != EINTR { return count }
        }
    }

    /// Writes all of `bytes` to `descriptor`, going on after a signal
    /// interrupts the call and after a short write.
    ///
    /// - Returns: nil when every byte was written, else the errno that stopped it.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            next += written
            remaining -= written
        }
        return nil
    }

    /// Writes all of `text`'s UTF-8 to `descriptor` (see the byte version above).
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// The file status of `path`, following a symbolic link unless `followingLinks` is false;
    /// nil when there is none to be had (no such file, a dangling link, no permission).
    static func status(_ path: String, followingLinks: Bool = true) -> stat? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        return result == 0 ? info : nil
    }

    /// True when `path` names a directory (or a symbolic link to one).
    static func isDirectory(_ path: String) -> Bool {
        guard let info = status(path) else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The value of an environment variable, nil when it is not set.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The current directory, nil when it cannot be had (it was removed).
    static var currentDirectory: String? {
        guard let buffer = getcwd(nil, 0) else { return nil }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The home directory of `user`, or of the user running the command
    /// (from the password database, else $HOME); nil for an unknown user.
    static func homeDirectory(of user: String? = nil) -> String? {
        let entry = if let user { getpwnam(user) } else { getpwuid(getuid()) }
        if let directory = entry?.pointee.pw_dir { return String(cString: directory) }
        return user == nil ? environment("HOME") : nil
    }

    /// `path` with every symbolic link, `.` and `..` resolved (realpath(3));
    /// nil when some part of it does not exist or cannot be searched.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The process's file-creation mask (umask(2) can only be read by setting it).
    static var fileCreationMask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
