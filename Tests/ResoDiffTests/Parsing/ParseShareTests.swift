import Foundation
import Testing
@testable import ResoDiff

@Suite("Parses that share their middle stage")
struct ParseShareTests {
    @Test("one text alone: every chunk once, all done when runChunks returns", arguments: [0, 1, 5, 40])
    func alone(chunks: Int) {
        let share = ParseShare(texts: 1)
        let runs = ThreadSlots<Int>(count: max(chunks, 1), initial: 0)
        share.runChunks(of: 0, count: chunks) { runs[$0] += 1 }
        #expect(runs.values.prefix(chunks).allSatisfy { $0 == 1 })
        share.help()  // nothing left: returns at once
        #expect(runs.values.prefix(chunks).allSatisfy { $0 == 1 })
    }

    @Test("texts on two threads, helping each other: every chunk once, by the time its owner goes on",
          arguments: [2, 3])
    func twoThreads(texts: Int) {
        let chunks = 64
        var stolenChunks = 0
        // The helper may be busy with another test's loop (then the loop runs on one
        // thread, and nothing can be shared): tried again until the sharing shows.
        for _ in 0..<20 where stolenChunks == 0 {
            let share = ParseShare(texts: texts)
            let runs = ThreadSlots<Int>(count: texts * chunks, initial: 0)
            let seenByOwner = ThreadSlots<Int>(count: texts, initial: -1)
            let stolen = ThreadSlots<Int>(count: texts * chunks, initial: 0)
            let owners = ThreadSlots<Int>(count: texts, initial: 0)
            Parallel.perform(iterations: texts) { text in
                owners[text] = pthreadID()
                // The first text's owner works slowly, so that the other thread has time to help it.
                share.runChunks(of: text, count: chunks) { i in
                    if text == 0 { usleep(300) }
                    runs[text * chunks + i] += 1
                    if pthreadID() != owners[text] { stolen[text * chunks + i] = 1 }
                }
                // Every chunk of this text has run when its parse goes on.
                seenByOwner[text] = (0..<chunks).reduce(0) { $0 + runs[text * chunks + $1] }
                share.help()
            }
            #expect(runs.values.allSatisfy { $0 == 1 })
            #expect(seenByOwner.values == Array(repeating: chunks, count: texts))
            stolenChunks = stolen.values.reduce(0, +)
        }
        // The slow text's chunks were shared: the other thread was free long before it finished.
        #expect(stolenChunks > 0)
    }

    @Test("decodingAll gives each text's resolution as init(decoding:path:) does, errors in their places")
    func decodingAll() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        var inputs: [[UInt8]] = try names.map { Array(try Data(contentsOf: samplesDirectory.appendingPathComponent($0))) }
        // Large enough for the shared stage (blocks beyond ParseShare's minimum), and unequal.
        let all = Array(inputs.joined(separator: Array("\n\n".utf8)))
        inputs.append(Array(Array(repeating: all, count: 6).joined(separator: Array("\n\n".utf8))))
        inputs.append(Array(Array(repeating: inputs[0], count: 60).joined(separator: Array("\n\n".utf8))))
        inputs.append([0x66, 0x00, 0x67])  // a NUL: not text
        let parsed = Resolution.decodingAll(count: inputs.count) { k throws(InputError) in
            if k == 1 { throw InputError.notFound(path: "missing-\(k)") }
            return (inputs[k], "input-\(k)")
        }
        #expect(parsed.count == inputs.count)
        for (k, result) in parsed.enumerated() {
            if k == 1 {
                #expect(throws: InputError.notFound(path: "missing-1")) { try result.get() }
                continue
            }
            let expected = Result { () throws(InputError) in try Resolution(decoding: inputs[k], path: "input-\(k)") }
            switch (result, expected) {
            case (.success(let a), .success(let b)): #expect(a == b, "text \(k)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "text \(k)")
            default: Issue.record("text \(k): \(result) against \(expected)")
            }
        }
        for large in [inputs.count - 3, inputs.count - 2] {
            let blocks = inputs[large].withUnsafeBufferPointer { BlockSplitter.split(LineReader.read($0)).count }
            #expect(blocks >= ResolutionParser.shareMinimum, "input \(large) of \(inputs.count)")
        }
    }
}

/// The calling thread's id.
private func pthreadID() -> Int {
    Int(bitPattern: UInt(pthread_self()))
}
