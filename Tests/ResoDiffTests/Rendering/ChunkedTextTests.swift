import Testing
@testable import ResoDiff

@Suite("Text built in chunks")
struct ChunkedTextTests {
    @Test("the prefix, the pieces in order, the suffix, on one thread or two", arguments: [0, 1, 255, 256, 257, 1001])
    func inOrder(count: Int) {
        for prefix in ["", "--- a\n+++ b é\n", String(repeating: "prefix ", count: 40)] {
            let suffix = String(prefix.reversed())
            let built = ChunkedText.buildUTF8(after: prefix, count: count, before: suffix) { k, bytes in
                bytes += ("\(k)" + (k % 7 == 0 ? "é\n" : ",")).utf8
            }
            var expected = prefix
            for k in 0..<count { expected += "\(k)" + (k % 7 == 0 ? "é\n" : ",") }
            expected += suffix
            #expect(built == expected)
        }
    }

    @Test("pieces made as strings: the prefix, the pieces in order, the suffix", arguments: [0, 1, 255, 256, 257, 1001])
    func stringPieces(count: Int) {
        let built = ChunkedText.build(after: "<é>", count: count, before: "</é>") { k in "\(k)" + (k % 5 == 0 ? "→\n" : ";") }
        var expected = "<é>"
        for k in 0..<count { expected += "\(k)" + (k % 5 == 0 ? "→\n" : ";") }
        expected += "</é>"
        #expect(built == expected)
    }
}
