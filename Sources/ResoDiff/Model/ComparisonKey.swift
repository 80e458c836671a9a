/// A paragraph's comparison key as a paragraph holds it.
///
/// Most paragraphs are plain ASCII with collapsed spaces, and their key is
/// their text without its terminal punctuation: a prefix of the text's
/// bytes. Such a key is held as its length, so the key costs no string of
/// its own (on a session's compilation, 25,000 strings and 6 MB); any other
/// key is held as a string.
enum ComparisonKey: Hashable, Sendable {
    /// The key is the first `count` bytes of the paragraph's text (ASCII).
    case prefix(Int)
    /// The key, as a string of its own.
    case folded(String)

    /// The key of a paragraph whose text is `text`.
    ///
    /// - Complexity: O(1) for a folded key; O(n) for a prefix, which is copied.
    func string(of text: String) -> String {
        switch self {
        case .folded(let key):
            return key
        case .prefix(let count):
            if count == text.utf8.count { return text }
            // ASCII bytes: the prefix is whole characters.
            return UTF8Scan.withBytes(text) { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
        }
    }

    /// Calls `body` with the key's UTF-8 bytes, for a paragraph whose text is `text`.
    ///
    /// - Complexity: O(1) besides `body`.
    @inline(__always)
    func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .folded(let key):
            return UTF8Scan.withBytes(key, body)
        case .prefix(let count):
            return UTF8Scan.withBytes(text) { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
