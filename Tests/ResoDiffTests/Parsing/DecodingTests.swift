import Foundation
import Testing
@testable import ResoDiff

/// `Resolution(decoding:path:)`, which parses a file's bytes without building
/// its text as a string, against decoding the text and parsing that.
@Suite("Parsing from bytes")
struct DecodingTests {
    /// What the two ways give: the resolution, or the error.
    static func both(_ bytes: [UInt8]) -> (bytes: Result<Resolution, InputError>, text: Result<Resolution, InputError>) {
        let direct = Result { () throws(InputError) in try Resolution(decoding: bytes, path: "in.txt") }
        let viaText = Result { () throws(InputError) in
            Resolution(parsing: try InputDecoder.decode(bytes, path: "in.txt"))
        }
        return (direct, viaText)
    }

    static func samples() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 4)
        return try names.map { [UInt8](try Data(contentsOf: samplesDirectory.appendingPathComponent($0))) }
    }

    @Test("the samples, and the samples with a byte-order mark, in UTF-16, with a bad byte or a NUL")
    func samplesEveryWay() throws {
        for sample in try Self.samples() {
            let text = String(decoding: sample, as: UTF8.self)
            let variants: [[UInt8]] = [
                sample,
                [0xEF, 0xBB, 0xBF] + sample,
                [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + sample,
                [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
                Array(sample.prefix(1000)) + [0xC3] + Array(sample.dropFirst(1000)),
                Array(sample.prefix(77)) + [0] + Array(sample.dropFirst(77)),
                sample + [0xE2, 0x80],
            ]
            for bytes in variants {
                let (direct, viaText) = Self.both(bytes)
                #expect(direct == viaText)
            }
            #expect(try Resolution(decoding: sample, path: "x") == Resolution(parsing: text))
        }
    }

    @Test("errors: the same error, with the same offset, as decoding the text")
    func errors() {
        let cases: [([UInt8], InputError)] = [
            ([0x61, 0x00, 0x62], .binary(path: "in.txt")),
            ([0x61, 0x62, 0xFF, 0x63], .invalidUTF8(path: "in.txt", offset: 2)),
            ([0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0x80], .invalidUTF8(path: "in.txt", offset: 4)),
            ([0x61, 0xFF, 0x00], .binary(path: "in.txt")),  // NUL bytes are named first
        ]
        for (bytes, expected) in cases {
            let (direct, viaText) = Self.both(bytes)
            #expect(direct == .failure(expected))
            #expect(viaText == .failure(expected))
        }
    }

    @Test("empty and blank inputs")
    func empty() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0x0A, 0x0A], [0xFF, 0xFE]] {
            let (direct, viaText) = Self.both(bytes)
            #expect(direct == viaText)
        }
    }
}
