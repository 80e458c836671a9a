import Dispatch

/// Text made of many independent pieces, built on two threads when there
/// are many: the first half of the pieces on one, the rest on the other,
/// then joined in order. The result is the text one thread would build.
enum ChunkedText {
    /// Pieces fewer than this are built on the calling thread.
    static let parallelMinimum = 256

    /// The pieces `0..<count`, each appended by `piece(k, &text)`, in order.
    ///
    /// `piece` must depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus one copy of the text.
    static func build(count: Int, _ piece: @Sendable (Int, inout String) -> Void) -> String {
        guard count >= parallelMinimum else {
            var text = ""
            for k in 0..<count { piece(k, &text) }
            return text
        }
        let halves = Halves()
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            var text = ""
            for k in (h == 0 ? 0..<count / 2 : count / 2..<count) { piece(k, &text) }
            halves.set(h, text)
        }
        return halves.get(0) + halves.get(1)
    }
}

/// The two halves' texts; each written by exactly one thread, read once both have finished.
private final class Halves: @unchecked Sendable {
    private let texts: UnsafeMutablePointer<String>

    init() {
        texts = .allocate(capacity: 2)
        texts.initialize(repeating: "", count: 2)
    }

    deinit {
        texts.deinitialize(count: 2)
        texts.deallocate()
    }

    func set(_ half: Int, _ text: String) { texts[half] = text }

    func get(_ half: Int) -> String { texts[half] }
}
