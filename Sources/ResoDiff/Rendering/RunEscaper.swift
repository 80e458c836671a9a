/// The loop behind the renderers' escaping: a text's UTF-8 bytes are read
/// once, each run of bytes that needs no change is copied whole, and a
/// replacement is written where one is asked for.
enum RunEscaper {
    /// `text` with the replacements `replacement` asks for.
    ///
    /// `replacement(u, i)` is asked only at the bytes `table` marks (see
    /// ``table(_:)``). It looks at byte `i` of `u` (the text's bytes) and
    /// returns the string to write instead of the bytes `i ..< i + length`,
    /// or nil to keep byte `i`. It must ask only at the start of a scalar
    /// and replace whole scalars (an ASCII byte, or a lead byte with its
    /// continuation bytes), so that the runs copied are whole scalars.
    /// - Complexity: O(n) in the length of `text`, plus the replacements.
    /// A table of the bytes a replacement can start at: `table[b]` is true for
    /// each byte in `bytes`. The others are copied without asking.
    static func table(_ bytes: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for b in bytes { table[Int(b)] = true }
        return table
    }

    @inline(__always)
    static func escape(_ text: String, asking table: [Bool],
                       _ replacement: (UnsafeBufferPointer<UInt8>, Int) -> (string: String, length: Int)?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        UTF8Scan.withBytes(text) { u in
            let utf8 = text.utf8
            var start = 0
            func copy(upTo end: Int) {
                guard end > start else { return }
                out += text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            }
            table.withUnsafeBufferPointer { table in
                var i = 0
                while i < u.count {
                    guard table[Int(u[i])], let (string, length) = replacement(u, i) else {
                        i += 1
                        continue
                    }
                    copy(upTo: i)
                    out += string
                    i += length
                    start = i
                }
            }
            copy(upTo: u.count)
        }
        return out
    }
}
