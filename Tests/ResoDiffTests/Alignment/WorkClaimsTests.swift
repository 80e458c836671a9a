import Testing
@testable import ResoDiff

@Suite("Work handed out as threads come free")
struct WorkClaimsTests {
    @Test("every part once, in order of claiming", arguments: [0, 1, 2, 3, 8, 100])
    func everyPartOnce(parts: Int) {
        let claims = WorkClaims(count: parts)
        var claimed: [Int] = []
        while let part = claims.claim() { claimed.append(part) }
        #expect(claimed == Array(0..<parts))
        #expect(claims.claim() == nil)
    }

    @Test("run: each part done once, by two threads at most that keep their state", arguments: [1, 2, 8, 64])
    func run(parts: Int) {
        let done = ThreadSlots<Int>(count: parts, initial: 0)
        let starter = ThreadSlots<Int>(count: parts, initial: -1)
        let starts = WorkClaims(count: .max)  // numbers each thread's state
        WorkClaims.run(parts: parts, start: { starts.claim()! }) { state, part in
            done[part] += 1
            starter[part] = state
        }
        #expect(done.values == Array(repeating: 1, count: parts))
        // No more states than threads (or parts), each thread its own.
        let states = Set(starter.values)
        #expect(states.count <= min(parts, 2))
        #expect(states.allSatisfy { $0 >= 0 && $0 < min(parts, 2) })
    }
}
