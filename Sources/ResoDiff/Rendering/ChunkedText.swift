import Dispatch

/// Text made of many independent pieces, built on two threads when there
/// are many: runs of pieces taken by the threads as each comes free, then
/// joined in order. The result is the text one thread would build.
enum ChunkedText {
    /// Pieces fewer than this are built on the calling thread.
    static let parallelMinimum = 256
    /// The runs the pieces are cut into (see ``WorkClaims``).
    static let parts = 8

    /// The pieces `0..<count`, each appending its UTF-8 bytes with
    /// `piece(k, &bytes)`, in order; the text is made a string once (appending
    /// bytes to an array costs a fraction of appending strings to a string).
    ///
    /// `piece` must append valid UTF-8 and depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus two copies of the text.
    static func buildUTF8(count: Int, _ piece: @Sendable (Int, inout [UInt8]) -> Void) -> String {
        guard count >= parallelMinimum else {
            var bytes: [UInt8] = []
            for k in 0..<count { piece(k, &bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Runs of pieces taken by the threads as each comes free (`WorkClaims`), each
        // made a string there: its bytes are checked on that thread, and joining
        // strings only copies them.
        let parts = Self.parts
        let runs = ThreadSlots<String>(count: parts, initial: "")
        WorkClaims.run(parts: parts, start: {}) { _, h in
            var bytes: [UInt8] = []
            for k in (h * count / parts)..<((h + 1) * count / parts) { piece(k, &bytes) }
            runs[h] = String(decoding: bytes, as: UTF8.self)
        }
        var text = ""
        text.reserveCapacity((0..<parts).reduce(0) { $0 + runs[$1].utf8.count })
        for h in 0..<parts { text += runs[h] }
        return text
    }
}
