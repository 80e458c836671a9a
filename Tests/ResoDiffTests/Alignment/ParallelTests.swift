import Dispatch
import Testing
@testable import ResoDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An id of the calling thread.
private func pthreadID() -> UnsafeMutableRawPointer? {
    #if canImport(Glibc)
    UnsafeMutableRawPointer(bitPattern: pthread_self())
    #else
    UnsafeMutableRawPointer(pthread_self())
    #endif
}

@Suite("Loops run on two threads")
struct ParallelTests {
    @Test("every iteration once", arguments: [0, 1, 2, 3, 17, 1000])
    func everyIterationOnce(iterations: Int) {
        let runs = ThreadSlots<Int>(count: max(iterations, 1), initial: 0)
        Parallel.perform(iterations: iterations) { runs[$0] += 1 }
        #expect(runs.values.prefix(iterations).allSatisfy { $0 == 1 })
        if iterations == 0 { #expect(runs[0] == 0) }
    }

    @Test("the iterations run on two threads (unless another caller has the helper: retried)")
    func twoThreads() {
        var threads = 0
        for _ in 0..<50 where threads < 2 {
            let ids = ThreadSlots<UInt>(count: 2, initial: 0)
            Parallel.perform(iterations: 2) { k in
                ids[k] = UInt(bitPattern: Int(bitPattern: pthreadID()))
                usleep(5_000)  // long enough for the other thread to claim the other iteration
            }
            threads = Set(ids.values).count
        }
        #expect(threads == 2)
    }

    @Test("loops one after another, some after a pause")
    func manyLoops() async throws {
        for round in 0..<40 {
            let runs = ThreadSlots<Int>(count: 64, initial: 0)
            Parallel.perform(iterations: 64) { runs[$0] += $0 }
            #expect(runs.values == Array(0..<64), "round \(round)")
            if round % 10 == 9 { try await Task.sleep(nanoseconds: 5_000_000) }
        }
    }

    @Test("a loop inside an iteration runs on the iteration's thread")
    func nested() {
        let inner = ThreadSlots<Int>(count: 4 * 8, initial: 0)
        Parallel.perform(iterations: 4) { outer in
            Parallel.perform(iterations: 8) { inner[outer * 8 + $0] += 1 }
        }
        #expect(inner.values.allSatisfy { $0 == 1 })
    }

    @Test("loops started from several threads at once all finish, each iteration once")
    func concurrentCallers() {
        let callers = 6, iterations = 200
        let runs = ThreadSlots<Int>(count: callers * iterations, initial: 0)
        DispatchQueue.concurrentPerform(iterations: callers) { c in
            for _ in 0..<5 {
                Parallel.perform(iterations: iterations) { runs[c * iterations + $0] += 1 }
            }
        }
        #expect(runs.values.allSatisfy { $0 == 5 })
    }
}
