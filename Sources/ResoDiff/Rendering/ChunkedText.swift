import Dispatch

/// Text made of many independent pieces, built on two threads when there
/// are many: runs of pieces taken by the threads as each comes free, then
/// joined in order. The result is the text one thread would build.
enum ChunkedText {
    /// Pieces fewer than this are built on the calling thread.
    static let parallelMinimum = 256
    /// The runs the pieces are cut into (see ``WorkClaims``).
    static let parts = 8

    /// `prefix`, then the pieces `0..<count`, each appending its UTF-8 bytes
    /// with `piece(k, &bytes)`, in order, then `suffix`; the text is made a
    /// string once (appending bytes to an array costs a fraction of appending
    /// strings to a string).
    ///
    /// `piece` must append valid UTF-8 and depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus two copies
    ///   of the text and its check as UTF-8, which is spread too.
    static func buildUTF8(after prefix: String = "", count: Int, before suffix: String = "",
                          _ piece: @Sendable (Int, inout [UInt8]) -> Void) -> String {
        guard count >= parallelMinimum else {
            var bytes = Array(prefix.utf8)
            for k in 0..<count { piece(k, &bytes) }
            bytes += suffix.utf8
            return String(decoding: bytes, as: UTF8.self)
        }
        // Each run is made a string on its thread, which checks its bytes
        // there: a string made of the whole text at once would check them on
        // one thread (for text that is not all ASCII, 9 instructions a byte).
        // Each thread keeps one buffer for its runs: grown once, not once a run.
        let runs = ThreadSlots<String>(count: parts, initial: "")
        WorkClaims.run(parts: parts, start: { [UInt8]() }) { bytes, h in
            bytes.removeAll(keepingCapacity: true)
            for k in (h * count / parts)..<((h + 1) * count / parts) { piece(k, &bytes) }
            runs[h] = String(decoding: bytes, as: UTF8.self)
        }
        return join(prefix, runs, suffix)
    }

    /// `prefix`, then the pieces `0..<count` in order, then `suffix`, for
    /// pieces made as strings: joined without a check (strings are valid).
    ///
    /// `piece` must depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus two copies of the text.
    static func build(after prefix: String = "", count: Int, before suffix: String = "",
                      _ piece: @Sendable (Int) -> String) -> String {
        guard count >= parallelMinimum else {
            var text = prefix
            for k in 0..<count { text += piece(k) }
            return text + suffix
        }
        let runs = ThreadSlots<String>(count: parts, initial: "")
        WorkClaims.run(parts: parts, start: {}) { _, h in
            var run = ""
            for k in (h * count / parts)..<((h + 1) * count / parts) { run += piece(k) }
            runs[h] = run
        }
        return join(prefix, runs, suffix)
    }

    /// `prefix`, the runs in order and `suffix`, in one string sized once.
    private static func join(_ prefix: String, _ runs: ThreadSlots<String>, _ suffix: String) -> String {
        var text = ""
        text.reserveCapacity((0..<parts).reduce(prefix.utf8.count + suffix.utf8.count) { $0 + runs[$1].utf8.count })
        text += prefix
        for h in 0..<parts { text += runs[h] }
        text += suffix
        return text
    }
}
