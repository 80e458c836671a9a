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
        try self.init(decoding: bytes, path: path, parser: ResolutionParser())
    }

    /// ``init(decoding:path:)`` with `parser`, which may share its work with other parses.
    init(decoding bytes: consuming [UInt8], path: String, parser: ResolutionParser) throws(InputError) {
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
            self = parser.parse(lines: lines)
        }
    }

    /// Reads and parses several texts at once, on the calling thread and the
    /// library's helper (``Parallel``): for each `k` in `0 ..< count`, the
    /// resolution ``init(decoding:path:)`` gives for the bytes `read(k)`
    /// returns, or the error `read` or the decoding throws, in order.
    ///
    /// The longest stage of the parses (each text's blocks made into pieces) is
    /// shared out in chunks: a thread done with its own text's takes the other's,
    /// so a thread on a core that runs slower, or that starts later, does less.
    /// `read` is called once for each `k`, on one of the two threads.
    ///
    /// - Complexity: O(n) in the total number of bytes, spread over two cores.
    public static func decodingAll(count: Int, read: (Int) throws(InputError) -> (bytes: [UInt8], path: String))
        -> [Result<Resolution, InputError>] {
        let share = ParseShare(texts: count)
        let results = ThreadSlots<Result<Resolution, InputError>>(count: count,
                                                                  initial: .failure(.notFound(path: "")))
        Parallel.perform(iterations: count) { k in
            results[k] = Result { () throws(InputError) -> Resolution in
                let (bytes, path) = try read(k)
                var parser = ResolutionParser()
                parser.share = (share, k)
                return try Resolution(decoding: bytes, path: path, parser: parser)
            }
            // Chunks of a text still being parsed on the other thread, if any.
            share.help()
        }
        return results.values
    }

    /// Parses several texts at once, in parallel on all cores; the results
    /// are in the order of `texts`, each as ``init(parsing:)`` gives it.
    ///
    /// - Complexity: O(n) in the total length of the texts, spread over the cores.
    public static func parsing(_ texts: [String]) -> [Resolution] {
        Batch.parseAll(texts.map { Batch.Document(name: "", text: $0) })
    }
}
