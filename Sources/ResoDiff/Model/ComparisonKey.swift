/// A paragraph's comparison key as a paragraph holds it.
///
/// Most paragraphs are plain ASCII with collapsed spaces, and their key is
/// their text without its terminal punctuation: a prefix of the text's
/// bytes. Such a key is held as its length, so the key costs no string of
/// its own (on a session's compilation, 25,000 strings and 6 MB), with its
/// ``StringInterner/asciiHash(_:)``, worked out while the parser has its bytes
/// at hand; any other key is held as a string, with its
/// ``StringInterner/byteHash(_:)`` when it is NFC-stable.
enum ComparisonKey: Hashable, Sendable {
    /// The key is the first `count` bytes of the paragraph's text (ASCII),
    /// whose ``StringInterner/asciiHash(_:)`` is `hash`.
    case prefix(Int, hash: UInt64)
    /// The key is the first `count` bytes of the paragraph's text, which is
    /// not plain ASCII but NFC-stable (see ``ScalarClass/isNFCStable(_:)``:
    /// accented Latin, Cyrillic, CJK…), whose ``StringInterner/byteHash(_:)``
    /// is `hash`.
    case stablePrefix(Int, hash: UInt64)
    /// The key, as a string of its own; `stableHash` is its
    /// ``StringInterner/byteHash(_:)`` when every scalar of it is NFC-stable
    /// (``ScalarClass/isNFCStable(_:)``: then it equals another such key
    /// exactly when their bytes are equal), else nil.
    case folded(String, stableHash: UInt64?)

    /// The key `key`, held as a string, its stability worked out.
    ///
    /// - Complexity: O(n) in the key's length.
    static func folded(_ key: String) -> ComparisonKey {
        let hash = UTF8Scan.withBytes(key) { u -> UInt64? in
            var i = 0
            while i < u.count {
                if u[i] < 0x80 { i += 1; continue }
                let (scalar, n) = UTF8Scan.scalar(u, at: i)
                guard ScalarClass.isNFCStable(scalar) else { return nil }
                i += n
            }
            return StringInterner.byteHash(u)
        }
        return .folded(key, stableHash: hash)
    }

    /// The key of the ASCII text `text` that is its first `count` bytes.
    static func prefix(_ count: Int, of text: UnsafeBufferPointer<UInt8>) -> ComparisonKey {
        // ASCII bytes: the hash exists.
        .prefix(count, hash: StringInterner.asciiHash(UnsafeBufferPointer(rebasing: text[..<count]))!)
    }

    /// The key's ``StringInterner/asciiHash(_:)``: nil when the key is not plain ASCII.
    /// (A prefix holds its hash, so the paragraph's text is not needed.)
    ///
    /// - Complexity: O(1) for a prefix; O(n) for a folded key.
    var asciiHash: UInt64? {
        switch self {
        case .prefix(_, let hash): hash
        case .stablePrefix: nil
        case .folded(let key, _): UTF8Scan.withBytes(key, StringInterner.asciiHash)
        }
    }

    /// The key's ``StringInterner/byteHash(_:)`` when it is NFC-stable (every
    /// prefix is: it is ASCII), else nil: two keys that have one are equal
    /// exactly when their bytes are.
    ///
    /// - Complexity: O(1).
    var stableHash: UInt64? {
        switch self {
        case .prefix(_, let hash), .stablePrefix(_, let hash): hash
        case .folded(_, let hash): hash
        }
    }

    /// The key's length in UTF-8 bytes (a prefix holds it: the text is not needed).
    ///
    /// - Complexity: O(1) for a native string.
    var byteCount: Int {
        switch self {
        case .prefix(let count, _), .stablePrefix(let count, _): count
        case .folded(let key, _): key.utf8.count
        }
    }

    /// The key of a paragraph whose text is `text`.
    ///
    /// - Complexity: O(1) for a folded key; O(n) for a prefix, which is copied.
    func string(of text: String) -> String {
        switch self {
        case .folded(let key, _):
            return key
        case .prefix(let count, _), .stablePrefix(let count, _):
            if count == text.utf8.count { return text }
            // The prefix ends before ASCII punctuation or a space: at a scalar boundary.
            return UTF8Scan.withBytes(text) { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
        }
    }

    /// Calls `body` with the key's UTF-8 bytes, for a paragraph whose text is `text`.
    ///
    /// - Complexity: O(1) besides `body`.
    @inline(__always)
    func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .folded(let key, _):
            return UTF8Scan.withBytes(key, body)
        case .prefix(let count, _), .stablePrefix(let count, _):
            return UTF8Scan.withBytes(text) { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
