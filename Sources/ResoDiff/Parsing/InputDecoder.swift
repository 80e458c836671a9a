/// Turns the bytes of an input file into text, or says why it is not text.
///
/// Accepts UTF-8 (a byte-order mark is dropped) and UTF-16 with a
/// byte-order mark; refuses binary data (NUL bytes), invalid UTF-8 and
/// inputs over ``sizeLimit``.
public enum InputDecoder {
    /// The largest input accepted: 64 MiB, an order of magnitude above a
    /// whole session's compilation of resolutions.
    public static let sizeLimit = 64 << 20

    /// Decodes `bytes`, read from `path` (used in error messages).
    ///
    /// - Throws: ``InputError`` when the bytes are not acceptable text.
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        switch try body(of: bytes, path: path) {
        case .utf16(let text): return text
        case .utf8(let range): return validated(bytes[range]) ?? String(decoding: bytes[range], as: UTF8.self)
        }
    }

    /// Where the text of an input stands, once its bytes are accepted.
    enum Body {
        /// Valid UTF-8 without NUL bytes, in this range of the bytes (after any byte-order mark).
        case utf8(Range<Int>)
        /// UTF-16, decoded.
        case utf16(String)
    }

    /// Checks `bytes` as ``decode(_:path:)`` does, without building the text
    /// when it is UTF-8 (the parser can read the bytes as they are).
    ///
    /// - Throws: ``InputError`` when the bytes are not acceptable text.
    /// - Complexity: O(n), sixty-four bytes at a time over plain ASCII.
    static func body(of bytes: [UInt8], path: String) throws(InputError) -> Body {
        guard bytes.count <= sizeLimit else { throw .tooLarge(path: path, size: bytes.count, limit: sizeLimit) }
        if bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFF, 0xFE) || bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFE, 0xFF) {
            return .utf16(try decodeUTF16(bytes, path: path))
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let (binary, valid) = bytes.withUnsafeBufferPointer { u in
            let body = UnsafeBufferPointer(rebasing: u[start...])
            return (UTF8Scan.containsNUL(body), UTF8Scan.isValidUTF8(body))
        }
        if binary { throw .binary(path: path) }
        guard valid else { throw .invalidUTF8(path: path, offset: firstInvalidOffset(bytes[start...]) + start) }
        return .utf8(start..<bytes.count)
    }

    /// `bytes` as a string when they are valid UTF-8, else nil.
    ///
    /// The standard library checks a buffer of ASCII only a word at a time,
    /// but any other buffer a byte at a time; so the text is checked in
    /// pieces of about a kilobyte, cut at ASCII bytes (never inside a
    /// character), and the pieces without a non-ASCII byte, most of a
    /// resolution, take the quick check. The pieces are valid exactly when the
    /// whole is: a cut stands before an ASCII byte, which can neither continue
    /// a sequence nor be part of one.
    /// - Complexity: O(n).
    static func validated(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { u -> String? in
            guard u.count > 4096 else { return String(validating: u, as: UTF8.self) }
            var text = ""
            text.reserveCapacity(u.count)
            var start = 0
            while start < u.count {
                var end = min(start + 1024, u.count)
                while end < u.count, u[end] >= 0x80 { end += 1 }
                guard let piece = String(validating: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self) else {
                    return nil
                }
                text.append(piece)
                start = end
            }
            return text
        }
    }

    private static func decodeUTF16(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (lo, hi) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        if units.contains(0) { throw .binary(path: path) }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .invalidUTF8(path: path, offset: 0)
        }
        return text
    }

    /// The offset of the first byte that does not continue a valid UTF-8 sequence.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
