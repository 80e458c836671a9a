import Foundation
import ResoDiff

/// Reading inputs and writing reports.
enum Files {
    /// An output that cannot be written.
    enum OutputError: Error, CustomStringConvertible {
        case missingDirectory(path: String)
        case namesAnInput(path: String)
        case writeFailed(path: String, reason: String)

        var description: String {
            switch self {
            case .missingDirectory(let path): "\(path): the directory to write into does not exist"
            case .namesAnInput(let path): "\(path): refusing to overwrite an input with the report"
            case .writeFailed(let path, let reason): "\(path): cannot write: \(reason)"
            }
        }
    }

    /// Reads a file (or standard input for "-") as text.
    static func read(_ path: String) throws -> String {
        if path == "-" {
            return try InputDecoder.decode(readBounded(FileHandle.standardInput, path: "<stdin>"), path: "<stdin>")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound(path: path)
        }
        if isDirectory.boolValue { throw InputError.isDirectory(path: path) }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? Int, size > InputDecoder.sizeLimit {
            throw InputError.tooLarge(path: path, size: size, limit: InputDecoder.sizeLimit)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        return try InputDecoder.decode(readBounded(handle, path: path), path: path)
    }

    /// Reads `handle` to its end, but stops with ``InputError/tooLarge`` as
    /// soon as more than ``InputDecoder/sizeLimit`` bytes have come: standard
    /// input, a FIFO or a device such as /dev/zero has no size to check
    /// beforehand and may never end.
    private static func readBounded(_ handle: FileHandle, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw InputError.unreadable(path: path, reason: reason(error))
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > InputDecoder.sizeLimit {
                throw InputError.tooLarge(path: path, size: bytes.count, limit: InputDecoder.sizeLimit)
            }
        }
    }

    /// The operating system's words for what went wrong ("Is a directory"),
    /// rather than Foundation's generic "The operation could not be completed".
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey]
        let code: Int32? = if let posix = underlying as? POSIXError { posix.code.rawValue }
            else if let posix = error as? POSIXError { posix.code.rawValue }
            else if let other = underlying as? NSError, other.domain == NSPOSIXErrorDomain { Int32(other.code) }
            else { nil }
        guard let code else { return nsError.localizedDescription }
        return String(cString: strerror(code)).lowercased()
    }

    /// Creates `path` as a directory unless it is one; its parent must exist.
    static func makeDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        guard isDirectory(parent) else { throw OutputError.missingDirectory(path: path) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw OutputError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }

    /// True when `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The text files (`*.txt`) directly in a directory, sorted by name.
    static func readDirectory(_ path: String) throws -> [(path: String, text: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw InputError.unreadable(path: path, reason: "cannot list the directory")
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        return try names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            let full = "\(base)/\(name)"
            return isDirectory(full) ? nil : (full, try read(full))
        }
    }

    /// Writes `text` to `path` through a temporary file and a rename, so a
    /// failure never leaves a partial report.
    static func writeAtomically(_ text: String, to path: String, inputs: [String]) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw OutputError.missingDirectory(path: path)
        }
        var targetIsDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &targetIsDirectory), targetIsDirectory.boolValue {
            throw OutputError.writeFailed(path: path, reason: "is a directory")
        }
        let target = url.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
                throw OutputError.namesAnInput(path: path)
            }
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError.writeFailed(path: path, reason: reason(error))
        }
    }
}
