import Dispatch

/// Hands out the numbers `0 ..< count`, each once and in order, to threads
/// that ask as they come free: work cut in more parts than threads, so that
/// a thread on a core that runs slower (on a shared machine, one often runs
/// at two thirds of the other's speed) takes fewer parts, and the threads
/// finish together.
///
/// Each thread keeps its own warm state (interners, buffers) from part to
/// part, where an iteration of `concurrentPerform` a part would start cold.
final class WorkClaims: @unchecked Sendable {
    /// The number of parts.
    let count: Int
    private var next = 0
    private let lock = DispatchSemaphore(value: 1)

    /// Parts `0 ..< count`, none claimed yet.
    init(count: Int) {
        self.count = count
    }

    /// The next unclaimed part, or nil when every part is claimed.
    ///
    /// - Complexity: O(1); safe from any thread.
    func claim() -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Runs `body` on the two threads of ``Parallel`` (one when there is one
    /// part), each with the state `start()` makes for it, handing every part
    /// to exactly one of them.
    static func run<State>(parts: Int, start: () -> State, _ body: (inout State, Int) -> Void) {
        let claims = WorkClaims(count: parts)
        Parallel.perform(iterations: min(2, parts)) { _ in
            var state = start()
            while let part = claims.claim() { body(&state, part) }
        }
    }
}
