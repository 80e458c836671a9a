import Dispatch
#if canImport(Glibc)
import Glibc
import Synchronization
#endif

/// Runs the iterations of a loop on two threads at once: the caller's, and
/// a helper thread the library keeps for the purpose (it lives as long as
/// the process, asleep between loops).
///
/// The comparison's two-way steps (key ids, pairing, rewordings, the text
/// report) run on it, and the command-line tool parses its two inputs with
/// it, so that the comparison finds the helper started.
///
/// Why not `DispatchQueue.concurrentPerform`: on the target machine (a
/// two-core virtual machine) its first call in a process started the second
/// iteration 1.5–4 ms late, and a later call after a pause often 1–5 ms
/// late; a comparison of the 300 pair makes about ten two-way steps in
/// 50 ms. The helper is started at the first call, on another processor
/// than the caller's (a thread started on its creator's processor made one
/// of the two wait about 2.5 ms), in about 0.1 ms; between calls it sleeps
/// on a condition variable, which wakes it in about 0.05 ms. (Polling for
/// 2 ms between calls made no difference: 41.8 against 41.3 ms a run.)
///
/// One caller at a time has the helper: a call made while another holds it
/// (from another thread, or from inside an iteration) runs its iterations on
/// its own thread, in order. Elsewhere than on Glibc, the loop goes to Dispatch.
public enum Parallel {
    /// Runs `body(k)` for every `k` in `0 ..< iterations`, each exactly once,
    /// on the calling thread and the helper, and returns when all have run.
    ///
    /// `body` must be safe to call from two threads at once. Iterations are
    /// handed out in order as each thread comes free.
    /// - Complexity: the iterations' cost, spread over two cores.
    public static func perform(iterations: Int, _ body: (Int) -> Void) {
        #if canImport(Glibc)
        guard iterations > 1, let helper = Helper.acquire() else {
            for k in 0..<iterations { body(k) }
            return
        }
        defer { helper.release() }
        withoutActuallyEscaping(body) { body in
            let claims = WorkClaims(count: iterations)
            let loop = Work { while let k = claims.claim() { body(k) } }
            helper.start(loop)
            loop.run()
            helper.waitUntilDone()
        }
        #else
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        #endif
    }

    /// A loop handed to the helper, which the caller vouches it may run.
    private final class Work: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    #if canImport(Glibc)
    /// The helper thread and the state it shares with the caller.
    private final class Helper: @unchecked Sendable {
        /// The helper, started at the first call; nil if no thread could be started.
        nonisolated(unsafe) private static var shared: Helper?
        nonisolated(unsafe) private static var startFailed = false
        /// Guards `shared` and `busy`. (Locks and conditions live in memory of
        /// their own: `&property` need not give a stored property's own address.)
        nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
            let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(lock, nil)
            return lock
        }()
        nonisolated(unsafe) private static var busy = false

        /// Loops posted: the helper runs loop number `posted` when it is ahead of `finished`.
        private let posted = Atomic<Int>(0)
        private let finished = Atomic<Int>(0)
        /// The posted loop; written before `posted` is raised, read after it is seen.
        nonisolated(unsafe) private var work: Work?
        /// The helper sleeps on `wake` (with `mutex`) between loops; a caller whose
        /// iterations are done and who waits long for the helper's last one sleeps
        /// on `finishedLoop`.
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let finishedLoop = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

        /// The helper, for the caller's exclusive use until ``release()``; nil when
        /// another caller has it or it cannot be started.
        static func acquire() -> Helper? {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            guard !busy else { return nil }
            startIfNeeded()
            guard let helper = shared else { return nil }
            busy = true
            return helper
        }

        /// Starts the helper, once (with `lock` held).
        private static func startIfNeeded() {
            guard shared == nil && !startFailed else { return }
            let helper = Helper()
            if helper.startThread() { shared = helper } else { startFailed = true }
        }

        /// Gives the helper back.
        func release() {
            pthread_mutex_lock(Self.lock)
            Self.busy = false
            pthread_mutex_unlock(Self.lock)
        }

        private init() {
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(wake, nil)
            pthread_cond_init(finishedLoop, nil)
        }

        /// Starts the thread; it lives as long as the process.
        private func startThread() -> Bool {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            // On the other processor, or one of the two threads waits for the scheduler.
            startingAffinity = ThreadPlacement.awayFromCaller(&attributes)
            var thread = pthread_t()
            let me = Unmanaged.passRetained(self).toOpaque()
            guard pthread_create(&thread, &attributes, { raw in
                Unmanaged<Helper>.fromOpaque(raw!).takeUnretainedValue().serve()  // never returns
            }, me) == 0 else {
                Unmanaged<Helper>.fromOpaque(me).release()
                return false
            }
            pthread_detach(thread)
            return true
        }

        /// The processors the creator could run on, when the helper was started on another one.
        nonisolated(unsafe) private var startingAffinity: cpu_set_t?

        /// Hands `loop` to the helper.
        func start(_ loop: Work) {
            work = loop
            pthread_mutex_lock(mutex)
            posted.add(1, ordering: .releasing)
            pthread_cond_signal(wake)
            pthread_mutex_unlock(mutex)
        }

        /// Waits until the helper has finished the loop handed to it (its last
        /// iteration at most: the caller has run out of iterations to claim).
        /// Polls briefly, the usual case at the end of a loop of many short
        /// iterations, then sleeps: polling through a long last iteration
        /// would take the processor the helper may share a core with.
        func waitUntilDone() {
            let target = posted.load(ordering: .relaxed)
            for _ in 0..<Self.polls where finished.load(ordering: .acquiring) == target {
                work = nil
                return
            }
            pthread_mutex_lock(mutex)
            while finished.load(ordering: .acquiring) != target { pthread_cond_wait(finishedLoop, mutex) }
            pthread_mutex_unlock(mutex)
            work = nil
        }

        /// How many times a caller looks for the helper's end before it sleeps
        /// (about 50 µs on the target machine).
        private static let polls = 20_000

        /// The helper's life: run each loop posted, asleep between loops.
        private func serve() -> Never {
            if let allowed = startingAffinity { ThreadPlacement.release(allowed) }
            var done = 0
            while true {
                pthread_mutex_lock(mutex)
                while posted.load(ordering: .acquiring) == done { pthread_cond_wait(wake, mutex) }
                pthread_mutex_unlock(mutex)
                done += 1
                work?.run()
                pthread_mutex_lock(mutex)
                finished.store(done, ordering: .releasing)
                pthread_cond_signal(finishedLoop)
                pthread_mutex_unlock(mutex)
            }
        }
    }
    #endif
}
