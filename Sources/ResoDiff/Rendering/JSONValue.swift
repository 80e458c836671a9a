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
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                element.write(to: &out, indent: indent + 1)
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.writeString(member.key, to: &out)
                out += ": "
                member.value.write(to: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// Writes `text` as a JSON string literal (RFC 8259 §7): quotation mark,
    /// reverse solidus and control characters escaped; U+2028 and U+2029
    /// escaped too, so the output is also a valid JavaScript literal; every
    /// other character written as itself (UTF-8).
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // On the UTF-8 bytes: runs that need no escape are copied whole. Every byte
        // escaped is ASCII, or starts U+2028 or U+2029 (E2 80 A8, E2 80 A9).
        UTF8Scan.withBytes(text) { u in
            let utf8 = text.utf8
            var start = 0
            func copy(upTo end: Int) {
                guard end > start else { return }
                out += text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            }
            var i = 0
            while i < u.count {
                let b = u[i]
                let escape: String
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00...0x1F, 0x7F: escape = hexEscape(UInt32(b))
                case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    escape = hexEscape(u[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    copy(upTo: i)
                    out += escape
                    i += 3
                    start = i
                    continue
                default:
                    i += 1
                    continue
                }
                copy(upTo: i)
                out += escape
                i += 1
                start = i
            }
            copy(upTo: u.count)
        }
        out += "\""
    }

    /// `\u` and four lowercase hex digits.
    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = ""
        writeString(text, to: &out)
        return out
    }
}
