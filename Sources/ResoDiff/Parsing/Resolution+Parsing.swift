extension Resolution {
    /// Parses a resolution from its text. Total: never fails; text it cannot
    /// place becomes generic paragraphs, and a text with no recognizable
    /// structure gets a notice in ``notices``.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) {
        self = ResolutionParser().parse(text)
    }

    /// Decodes the bytes of a file and parses them: the resolution that
    /// `Resolution(parsing: InputDecoder.decode(bytes, path: path))` gives,
    /// without building the whole text as a string first.
    ///
    /// The bytes are let go once the text is read into lines, when the caller
    /// hands over its last reference.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents: UTF-8 (a byte-order mark is dropped), or UTF-16 with a byte-order mark.
    ///   - path: Where the bytes come from, for error messages.
    /// - Throws: ``InputError`` when the bytes are not acceptable text (see ``InputDecoder``).
    /// - Complexity: O(n) in the number of bytes.
    public init(decoding bytes: consuming [UInt8], path: String) throws(InputError) {
        switch try InputDecoder.body(of: bytes, path: path) {
        case .utf16(let text):
            bytes = []
            self.init(parsing: text)
        case .utf8(let range):
            let lines = bytes.withUnsafeBufferPointer { LineReader.read(UnsafeBufferPointer(rebasing: $0[range])) }
            // The lines hold their own bytes, and the text is not read again: without it,
            // the parse's peak of memory (the lines beside the pieces cut from them) is a
            // quarter lower.
            bytes = []
            self = ResolutionParser().parse(lines: lines)
        }
    }

    /// Parses several texts at once, in parallel on all cores; the results
    /// are in the order of `texts`, each as ``init(parsing:)`` gives it.
    ///
    /// - Complexity: O(n) in the total length of the texts, spread over the cores.
    public static func parsing(_ texts: [String]) -> [Resolution] {
        Batch.parseAll(texts.map { Batch.Document(name: "", text: $0) })
    }

    /// Reads, decodes and parses several inputs at once, on two threads: the
    /// results are in input order, each what ``init(decoding:path:)`` gives
    /// for input `k`'s bytes, or the error reading or decoding them.
    ///
    /// The work is shared in stages: each thread starts on an input of its
    /// own, and a thread done with its own takes part of what is left of
    /// another's instead of waiting for it.
    ///
    /// - Parameters:
    ///   - count: How many inputs.
    ///   - read: The bytes of input `k` (`0 ..< count`) and the name to give it
    ///     in messages. Called once for each input, on either thread: it must be
    ///     safe to call from two threads at once.
    /// - Complexity: O(n) in the total number of bytes, spread over two cores.
    public static func decoding(count: Int,
                                read: @Sendable (Int) throws(InputError) -> (bytes: [UInt8], path: String))
        -> [Result<Resolution, InputError>] {
        StagedParse.run(count: count, read: read)
    }
}
