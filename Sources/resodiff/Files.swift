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
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try InputDecoder.decode([UInt8](data), path: "<stdin>")
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
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw InputError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try InputDecoder.decode([UInt8](data), path: path)
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
        let target = url.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
                throw OutputError.namesAnInput(path: path)
            }
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }
}
