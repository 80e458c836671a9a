import ResoDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The bytes read at a time; the size limit is checked after each chunk.
    private static let chunkSize = 1 << 20

    /// Reads and parses several files (or standard input, "-"), on two threads
    /// unless they are small (``parallelMinimum``), where the two share each
    /// file's work (`Resolution.decoding(count:read:)`); the resolutions are in
    /// the order of `paths`. The text of a file is parsed from its bytes, never
    /// built as a whole string.
    ///
    /// - Throws: the first path's error, in the order of `paths`, as when each
    ///   file was read in turn (the others are read all the same).
    static func parseAll(_ paths: [String]) throws(InputError) -> [Resolution] {
        /// The bytes of `path`, read on the thread that parses them.
        @Sendable func read(_ path: String) throws(InputError) -> (bytes: [UInt8], path: String) {
            #if canImport(Glibc)
            AllocatorTuning.adviseHeap()
            #endif
            let (bytes, name) = try readBytes(path)
            return (bytes, name)
        }
        func parse(_ path: String) throws(InputError) -> Resolution {
            let (bytes, name) = try read(path)
            return try Resolution(decoding: bytes, path: name)
        }
        guard paths.count > 1, inputsHold(parallelMinimum, paths, unknownIsLarge: true) else {
            return try paths.map { path throws(InputError) in try parse(path) }
        }
        // On the library's two threads, which the comparison's steps then find started.
        let results = Resolution.decoding(count: paths.count) { k throws(InputError) in try read(paths[k]) }
        return try results.map { result throws(InputError) in try result.get() }
    }

    /// Inputs smaller than this in all are parsed on one thread: a second one
    /// costs more to start (0.1–0.3 ms) than half their parse saves.
    static let parallelMinimum = 64 << 10

    /// The size of the inputs at `paths` in all, before they are read; nil when
    /// one is not a regular file (standard input, a pipe, a directory, a missing path).
    static func inputBytes(_ paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            guard path != "-", let info = System.status(path), info.st_mode & S_IFMT == S_IFREG else { return nil }
            total += Int(info.st_size)
        }
        return total
    }

    /// True when the inputs at `paths` hold `threshold` bytes or more in all,
    /// before they are read: a regular file by its size, a directory as large;
    /// standard input, a pipe or a missing path as large when `unknownIsLarge`,
    /// else as nothing.
    static func inputsHold(_ threshold: Int, _ paths: [String], unknownIsLarge: Bool) -> Bool {
        var total = 0
        for path in paths {
            guard path != "-", let info = System.status(path) else {
                if unknownIsLarge { return true } else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return true
            case S_IFREG: total += Int(info.st_size)
            default: if unknownIsLarge { return true }
            }
            if total >= threshold { return true }
        }
        return false
    }

    /// Reads a file (or standard input for "-") as text.
    static func read(_ path: String) throws(InputError) -> String {
        let (bytes, name) = try readBytes(path)
        return try InputDecoder.decode(bytes, path: name)
    }

    /// The bytes of a file (or of standard input for "-"), and the name to give
    /// it in messages.
    private static func readBytes(_ path: String) throws(InputError) -> (bytes: [UInt8], name: String) {
        if path == "-" { return (try readBounded(STDIN_FILENO, path: "<stdin>"), "<stdin>") }
        guard let info = System.status(path) else { throw .notFound(path: path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
        // The size of the path itself (a symbolic link's is its own): a device
        // or a FIFO has none to check, and readBounded stops those.
        if let own = System.status(path, followingLinks: false), Int(own.st_size) > InputDecoder.sizeLimit {
            throw .tooLarge(path: path, size: Int(own.st_size), limit: InputDecoder.sizeLimit)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: "permission denied") }
        defer { close(descriptor) }
        let expected = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        return (try readBounded(descriptor, path: path, expectedSize: expected), path)
    }

    /// Reads `descriptor` to its end, but stops with ``InputError/tooLarge`` as
    /// soon as more than ``InputDecoder/sizeLimit`` bytes have come: standard
    /// input, a FIFO or a device such as /dev/zero has no size to check
    /// beforehand and may never end.
    ///
    /// The limit is checked at each whole chunk of ``chunkSize`` bytes and at
    /// the end, so an endless input is reported as the same size (65 MiB)
    /// however the system hands it over.
    private static func readBounded(_ descriptor: Int32, path: String, expectedSize: Int = 0) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        if expectedSize > 0 {
            // A regular file's size is known: its bytes are read straight into an
            // array of that size, and one byte more, so that reaching the end needs
            // no reallocation. A file that grew meanwhile goes on in chunks below.
            let capacity = min(expectedSize, InputDecoder.sizeLimit) + 1
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                while count < capacity {
                    let n = System.readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
                    if n < 0 { failure = errno; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failure != 0 { throw .unreadable(path: path, reason: System.reason(failure)) }
            if bytes.count < capacity { return bytes }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let wanted = min(buffer.count, chunkSize - bytes.count % chunkSize)
            let count = System.readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
            if count < 0 { throw .unreadable(path: path, reason: System.reason(errno)) }
            if count > 0 { bytes.append(contentsOf: buffer[..<count]) }
            if count == 0 || bytes.count % chunkSize == 0, bytes.count > InputDecoder.sizeLimit {
                throw .tooLarge(path: path, size: bytes.count, limit: InputDecoder.sizeLimit)
            }
            if count == 0 { return bytes }
        }
    }

    /// Creates `path` as a directory unless it is one; its parent must exist.
    static func makeDirectory(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        guard isDirectory(Path.parent(Path.standardized(path))) else { throw .missingDirectory(path: path) }
        if mkdir(path, 0o777) != 0 {
            throw .writeFailed(path: path, reason: System.reason(errno))
        }
    }

    /// True when `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        System.isDirectory(path)
    }

    /// The text files (`*.txt`) directly in a directory, sorted by name.
    static func readDirectory(_ path: String) throws(InputError) -> [(path: String, text: String)] {
        let names = try directoryEntries(path)
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let paths = names.filter { $0.hasSuffix(".txt") }.sorted().map { "\(base)/\($0)" }
        // Read on two threads, a file at a time as each comes free (a file's five system calls
        // and its decoding, 600 times for a session's directories); the first
        // failure in path order is thrown, as when they are read in turn.
        let slots = ThreadSlots<Result<String, InputError>?>(count: paths.count, initial: nil)
        let read: @Sendable (Int) -> Void = { k in
            slots[k] = isDirectory(paths[k]) ? nil : Result { () throws(InputError) in try Self.read(paths[k]) }
        }
        if paths.count < 8 {  // a few files are not worth a second thread
            for k in paths.indices { read(k) }
        } else {
            // The library's two-thread loop: Dispatch's first concurrentPerform starts late (Parallel).
            Parallel.perform(iterations: paths.count, read)
        }
        var files: [(path: String, text: String)] = []
        for (k, full) in paths.enumerated() {
            guard let result = slots[k] else { continue }
            files.append((full, try result.get()))
        }
        return files
    }

    /// The names in a directory, but "." and "..", in no particular order.
    private static func directoryEntries(_ path: String) throws(InputError) -> [String] {
        guard let directory = opendir(path) else {
            throw .unreadable(path: path, reason: "cannot list the directory")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw .unreadable(path: path, reason: "cannot list the directory") }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Writes `text` to `path` through a temporary file in the same directory
    /// and a rename, so a failure never leaves a partial report (nor the
    /// temporary file). A report replaces a symbolic link at `path` rather
    /// than writing through it, and gets the mode a new file gets (0666 less
    /// the umask).
    static func writeAtomically(_ text: String, to path: String, inputs: [String]) throws(OutputError) {
        let target = Path.standardized(path)
        let directory = Path.parent(target)
        guard isDirectory(directory) else { throw .missingDirectory(path: path) }
        if isDirectory(target) { throw .writeFailed(path: path, reason: "is a directory") }
        let resolved = Path.resolved(target)
        for input in inputs where input != "-" {
            if Path.resolved(Path.standardized(input)) == resolved { throw .namesAnInput(path: path) }
        }

        var template = Array("\(directory == "/" ? "" : directory)/.resodiff-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: System.reason(errno)) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp's 0600 would hide the report from others; if the file system
        // has no modes to change, the report is written all the same.
        _ = fchmod(descriptor, 0o666 & ~System.fileCreationMask)
        var failure = System.writeAll(descriptor, text)
        if failure == nil, !text.isEmpty, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == nil, errno != EINTR { failure = errno }
        if failure == nil, rename(temporary, target) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw .writeFailed(path: path, reason: System.reason(failure))
        }
    }
}
