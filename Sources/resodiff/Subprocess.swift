#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to its end with its standard output and standard error
/// captured (standard input and the environment are the command's own).
struct Subprocess {
    /// The exit status, or the number of the signal that ended the program.
    var status: Int32
    /// What the program wrote on standard output.
    var output: [UInt8]
    /// What the program wrote on standard error.
    var errorOutput: [UInt8]

    /// The program could not be started (or waited for); `code` is the errno.
    struct LaunchError: Error {
        var code: Int32
    }

    /// Runs `executable` (a path; no search) with `arguments`, `executable`
    /// itself being argument zero, and waits for it to end.
    ///
    /// Both pipes are read as the program fills them, so neither blocks it.
    /// The program starts with default signal handling and no signal blocked.
    static func run(_ executable: String, _ arguments: [String]) throws(LaunchError) -> Subprocess {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw LaunchError(code: errno) }
        guard makePipe(&errPipe) else {
            let code = errno
            outPipe.forEach { _ = close($0) }
            throw LaunchError(code: code)
        }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = argv.withUnsafeBufferPointer { argvPointer in
            posix_spawn(&pid, executable, &actions, &attributes, argvPointer.baseAddress!, environment)
        }
        // The parent keeps only the reading ends.
        _ = close(outPipe[1])
        _ = close(errPipe[1])
        guard spawned == 0 else {
            _ = close(outPipe[0])
            _ = close(errPipe[0])
            throw LaunchError(code: spawned)
        }

        let (output, errorOutput) = drain(outPipe[0], errPipe[0])
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 {
            if errno != EINTR { throw LaunchError(code: errno) }
        }
        // Exited: the status in bits 8-15; killed: the signal in bits 0-6.
        let signal = waitStatus & 0x7F
        let status = signal == 0 ? (waitStatus >> 8) & 0xFF : signal
        return Subprocess(status: status, output: output, errorOutput: errorOutput)
    }

    /// The command's environment, as the program inherits it.
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        _NSGetEnviron().pointee
        #else
        Glibc.environ
        #endif
    }

    /// Opens a pipe whose two ends are closed across exec (the program gets
    /// copies of the writing ends as its stdout and stderr, and nothing else).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reads both descriptors to their ends, whichever has something, and closes them.
    private static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var watched = [pollfd(fd: first, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while watched.contains(where: { $0.fd >= 0 }) {
            if poll(&watched, nfds_t(watched.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for k in watched.indices where watched[k].fd >= 0 && watched[k].revents != 0 {
                let count = System.readSome(watched[k].fd, into: buffer)
                if count > 0 {
                    collected[k].append(contentsOf: buffer[..<count])
                } else {
                    _ = close(watched[k].fd)
                    watched[k].fd = -1
                }
            }
        }
        for entry in watched where entry.fd >= 0 { _ = close(entry.fd) }
        return (collected[0], collected[1])
    }
}
