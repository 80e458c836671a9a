/// A JSON value whose objects keep their keys in the order given, so that
/// serializing it is deterministic: the small writer behind ``JSONRenderer``
/// (the library does not use Foundation).
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, already formatted as JSON number text ("3", "0.857").
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in output order; keys are expected to be unique.
    case object([(key: String, value: JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// An integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or null when absent.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value as JSON text: two-space indentation, one member or element
    /// per line, `": "` between key and value, empty arrays and objects as
    /// `[]` and `{}`, no trailing newline.
    ///
    /// - Complexity: O(n) in the size of the output.
    func serialized() -> String {
        serialized(terminator: "")
    }

    /// ``serialized()`` followed by `terminator` (a report's final newline),
    /// without copying the text again to add it.
    func serialized(terminator: StaticString) -> String {
        // Written as bytes and made a string once: appending many short pieces to a
        // `String` re-checks its capacity and ASCII-ness on every append.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        Self.put(terminator, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value's JSON text, as ``serialized()`` writes it when the
    /// value stands at nesting level `indent`.
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: Self.put("null", to: &out)
        case .bool(let value): Self.put(value ? "true" : "false", to: &out)
        case .number(let text): UTF8Scan.withBytes(text) { out.append(contentsOf: $0) }
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { Self.put("[]", to: &out); return }
            Self.put("[\n", to: &out)
            for (index, element) in elements.enumerated() {
                Self.writeIndent(indent + 1, to: &out)
                element.write(to: &out, indent: indent + 1)
                Self.put(index == elements.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.writeIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { Self.put("{}", to: &out); return }
            Self.put("{\n", to: &out)
            for (index, member) in members.enumerated() {
                Self.writeMember(member, indent: indent + 1, to: &out)
                Self.put(index == members.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.writeIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// One member of an object at nesting level `indent - 1`: indentation,
    /// key, `": "`, value.
    private static func writeMember(_ member: (key: String, value: JSONValue), indent: Int, to out: inout [UInt8]) {
        writeIndent(indent, to: &out)
        writeString(member.key, to: &out)
        put(": ", to: &out)
        member.value.write(to: &out, indent: indent)
    }

    /// A top-level object whose last member is a long array, written with
    /// the array's elements on two threads when there are many.
    enum TrailingArray {
        /// The ``serialized(terminator:)`` text, with a final newline, of
        /// `.object(members + [(key, .array(elements))])`, the elements being
        /// `element(0..<count)`: the object up to the array's opening bracket,
        /// then each element's text with its indentation and separator (made
        /// by `element` on whichever thread is free), then the closing.
        ///
        /// `element` must depend on its index alone.
        /// - Complexity: O(n) in the size of the output, spread over two cores.
        static func serialized(_ members: [(key: String, value: JSONValue)], key: String, count: Int,
                               element: @Sendable @escaping (Int) -> JSONValue) -> String {
            // An empty array is written `[]`, not opened and closed.
            guard count > 0 else { return JSONValue.object(members + [(key, .array([]))]).serialized(terminator: "\n") }
            return ChunkedText.buildUTF8(after: head(members, key: key), count: count, before: "  ]\n}\n") { k, out in
                writeIndent(2, to: &out)
                element(k).write(to: &out, indent: 2)
                put(k == count - 1 ? "\n" : ",\n", to: &out)
            }
        }

        /// The object's opening, `members`, and the array's key and `[`.
        private static func head(_ members: [(key: String, value: JSONValue)], key: String) -> String {
            var out: [UInt8] = []
            put("{\n", to: &out)
            for member in members {
                writeMember(member, indent: 1, to: &out)
                put(",\n", to: &out)
            }
            writeIndent(1, to: &out)
            writeString(key, to: &out)
            put(": [\n", to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the bytes of `literal`.
    @inline(__always)
    private static func put(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Writes `text` as a JSON string literal (RFC 8259 §7): quotation mark,
    /// reverse solidus and control characters escaped; U+2028 and U+2029
    /// escaped too, so the output is also a valid JavaScript literal; every
    /// other character written as itself (UTF-8).
    ///
    /// Runs that need no escape are copied whole. Every byte escaped is
    /// ASCII, or starts U+2028 or U+2029 (E2 80 A8, E2 80 A9), so the bytes
    /// between escapes are whole scalars.
    /// - Complexity: O(n) in the length of `text`.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        UTF8Scan.withBytes(text) { u in
            var start = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                var length = 1
                switch b {
                case 0x20...0x7E where b != 0x22 && b != 0x5C:
                    i += 1
                    continue
                case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    length = 3
                case 0x80...:
                    i += 1
                    continue
                default:
                    break
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                switch b {
                case 0x22: put("\\\"", to: &out)
                case 0x5C: put("\\\\", to: &out)
                case 0x0A: put("\\n", to: &out)
                case 0x0D: put("\\r", to: &out)
                case 0x09: put("\\t", to: &out)
                case 0x08: put("\\b", to: &out)
                case 0x0C: put("\\f", to: &out)
                case 0xE2: put(u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                default:  // the other controls, and DEL
                    put("\\u00", to: &out)
                    let hex: StaticString = "0123456789abcdef"
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 0x0F)])
                }
                i += length
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Indentations of up to 16 levels, made once.
    private static let indents: [[UInt8]] = (0...16).map { [UInt8](repeating: 0x20, count: 2 * $0) }

    /// Two spaces a level.
    private static func writeIndent(_ level: Int, to out: inout [UInt8]) {
        if level < indents.count {
            out.append(contentsOf: indents[level])
        } else {
            out.append(contentsOf: repeatElement(UInt8(0x20), count: 2 * level))
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        writeString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
