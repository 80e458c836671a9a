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
    /// with `piece(k, &bytes)`, in order, then `suffix`; the text is made a string once
    /// (appending bytes to an array costs a fraction of appending strings to
    /// a string).
    ///
    /// `piece` must append valid UTF-8 and depend on `k` alone (it runs on two threads at once).
    /// - Complexity: the pieces' cost, spread over two cores, plus one copy
    ///   and one check of the text. (A report of 20 MB costs its bytes once
    ///   more, not three times: each copy is memory the kernel must also
    ///   clear and map.)
    static func buildUTF8(after prefix: String = "", count: Int, before suffix: String = "",
                          _ piece: @Sendable (Int, inout [UInt8]) -> Void) -> String {
        guard count >= parallelMinimum else {
            var bytes = Array(prefix.utf8)
            for k in 0..<count { piece(k, &bytes) }
            bytes += suffix.utf8
            return String(decoding: bytes, as: UTF8.self)
        }
        // Runs of pieces taken by the threads as each comes free (`WorkClaims`),
        // then copied once into the string, which checks them.
        let parts = Self.parts
        let runs = ThreadSlots<[UInt8]>(count: parts, initial: [])
        WorkClaims.run(parts: parts, start: {}) { _, h in
            var bytes: [UInt8] = []
            for k in (h * count / parts)..<((h + 1) * count / parts) { piece(k, &bytes) }
            runs[h] = bytes
        }
        let total = (0..<parts).reduce(prefix.utf8.count + suffix.utf8.count) { $0 + runs[$1].count }
        return String(unsafeUninitializedCapacity: total) { text in
            var at = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                (text.baseAddress! + at).initialize(from: base, count: bytes.count)
                at += bytes.count
            }
            UTF8Scan.withBytes(prefix, copy)
            for h in 0..<parts { runs[h].withUnsafeBufferPointer(copy) }
            UTF8Scan.withBytes(suffix, copy)
            return at
        }
    }
}
