import Dispatch

/// Text made of many independent pieces, built on two threads when there
/// are many: the first half of the pieces on one, the rest on the other,
/// then joined in order. The result is the text one thread would build.
enum ChunkedText {
    /// Pieces fewer than this are built on the calling thread.
    static let parallelMinimum = 256

    /// The pieces `0..<count`, each appending its UTF-8 bytes with
    /// `piece(k, &bytes)`, in order; the text is made a string once (appending
    /// bytes to an array costs a fraction of appending strings to a string).
    ///
    /// `piece` must append valid UTF-8 and depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus one copy of the text.
    static func buildUTF8(count: Int, _ piece: @Sendable (Int, inout [UInt8]) -> Void) -> String {
        guard count >= parallelMinimum else {
            var bytes: [UInt8] = []
            for k in 0..<count { piece(k, &bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let halves = ThreadSlots<[UInt8]>(count: 2, initial: [])
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            var bytes: [UInt8] = []
            for k in (h == 0 ? 0..<count / 2 : count / 2..<count) { piece(k, &bytes) }
            halves[h] = bytes
        }
        var bytes = halves[0]
        halves[0] = []
        bytes += halves[1]
        return String(decoding: bytes, as: UTF8.self)
    }
}
