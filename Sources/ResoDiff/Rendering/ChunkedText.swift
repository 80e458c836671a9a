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
        let halves = ThreadSlots(count: 2, initial: "")
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            var text = ""
            for k in (h == 0 ? 0..<count / 2 : count / 2..<count) { piece(k, &text) }
            halves[h] = text
        }
        return halves[0] + halves[1]
    }
}
