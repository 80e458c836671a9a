/// Why an input could not be read as text.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case notFound(path: String)
    /// The path names a directory where a file was expected.
    case isDirectory(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file holds NUL bytes: binary data, not text.
    case binary(path: String)
    /// The bytes are not valid UTF-8 (nor UTF-16 with a byte-order mark).
    case invalidUTF8(path: String, offset: Int)
    /// The file is larger than the stated limit.
    case tooLarge(path: String, size: Int, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file"
        case .isDirectory(let path): "\(path): is a directory, expected a text file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .binary(let path): "\(path): binary data (NUL bytes), expected text"
        case .invalidUTF8(let path, let offset):
            "\(path): not valid UTF-8 (first bad byte at offset \(offset)); convert it, e.g. with iconv -f latin1 -t utf-8"
        case .tooLarge(let path, let size, let limit):
            "\(path): \(size) bytes is over the \(limit / (1 << 20)) MiB input limit"
        }
    }
}
