import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs two pieces of work at once, the second on a thread of its own.
///
/// The comparison's first two-way step (parsing the two inputs) used
/// `DispatchQueue.concurrentPerform`, whose first call in a process starts
/// its second iteration 1.5–4 ms late on the target machine (libdispatch
/// sets up its thread pool then); a thread of our own starts in about
/// 0.1 ms. (The library's later two-way steps have a helper thread of their
/// own for the same reason.)
enum ForkJoin {
    /// Runs `body(1)` on a new thread and `body(0)` on the calling one, and
    /// returns when both have finished. If no thread can be started, both
    /// run on the calling thread, in order.
    static func run(_ body: @escaping @Sendable (Int) -> Void) {
        #if canImport(Glibc)
        let job = Unmanaged.passRetained(Job(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body(1)
            return nil
        }, job) == 0
        if !started { Unmanaged<Job>.fromOpaque(job).release() }
        body(0)
        if started { pthread_join(thread, nil) } else { body(1) }
        #else
        DispatchQueue.concurrentPerform(iterations: 2, execute: body)
        #endif
    }

    /// The work handed to the new thread.
    private final class Job {
        let body: @Sendable (Int) -> Void
        init(_ body: @escaping @Sendable (Int) -> Void) { self.body = body }
    }
}
