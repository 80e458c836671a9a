import Testing
@testable import ResoDiff

@Suite("Text built in chunks")
struct ChunkedTextTests {
    @Test("the pieces in order, on one thread or two", arguments: [0, 1, 255, 256, 257, 1001])
    func inOrder(count: Int) {
        let built = ChunkedText.build(count: count) { k, text in text += "\(k)" + (k % 7 == 0 ? "é\n" : ",") }
        var expected = ""
        for k in 0..<count { expected += "\(k)" + (k % 7 == 0 ? "é\n" : ",") }
        #expect(built == expected)
    }
}
