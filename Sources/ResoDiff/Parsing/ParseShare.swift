import Dispatch

/// The middle stage of several parses running at once, shared out between
/// the threads that run them: each text's blocks, cut into chunks, are made
/// into pieces by whichever thread is free (``Resolution/decodingAll(count:read:)``).
///
/// A parse runs its own text's chunks from the front (``runChunks(of:count:_:)``);
/// a thread with nothing of its own left takes another text's from the back
/// (``help()``). So a thread on a core that runs slower, or one that started
/// later, makes fewer of the pieces, and the two parses end closer together.
/// A chunk's result is the caller's to store (one slot a chunk); the owner
/// reads them once ``runChunks(of:count:_:)`` returns.
final class ParseShare: @unchecked Sendable {
    /// One text's chunks, once its parse has published them.
    private struct Text {
        var count = 0
        /// The next chunk from the front (the owner's), and one past the next from the back (a helper's).
        var front = 0
        var back = 0
        var done = 0
        /// Runs one chunk; dropped once every chunk has run, with what it holds.
        var run: ((Int) -> Void)?
        /// The owner, waiting for the chunks other threads still run.
        var waiting: DispatchSemaphore?
    }

    private var texts: [Text]
    private let lock = DispatchSemaphore(value: 1)

    /// A share for the parses of `count` texts, numbered from 0.
    init(texts count: Int) {
        texts = Array(repeating: Text(), count: count)
    }

    /// Runs `run(i)` for every chunk `i` in `0 ..< count` of text `text`, on
    /// this thread and on any other that calls ``help()`` meanwhile, each
    /// exactly once; returns when all have run. Call once a text, from its parse.
    ///
    /// - Complexity: the chunks' cost, with O(1) a chunk to hand it out.
    func runChunks(of text: Int, count: Int, _ run: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        lock.wait()
        texts[text].count = count
        texts[text].back = count
        texts[text].run = run
        lock.signal()
        while let i = claimFront(text) {
            run(i)
            finish(text)
        }
        lock.wait()
        if texts[text].done == count {
            lock.signal()
            return
        }
        let waiting = DispatchSemaphore(value: 0)
        texts[text].waiting = waiting
        lock.signal()
        waiting.wait()
    }

    /// Runs chunks of other texts that no thread has taken, from the back of
    /// each, until none is left; returns at once when there is none.
    func help() {
        while let (text, i, run) = claimFromBack() {
            run(i)
            finish(text)
        }
    }

    /// The next chunk of `text` from the front, or nil when none is left untaken.
    private func claimFront(_ text: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard texts[text].front < texts[text].back else { return nil }
        texts[text].front += 1
        return texts[text].front - 1
    }

    /// A chunk of any text from its back, with the text and the work to run.
    private func claimFromBack() -> (text: Int, chunk: Int, run: (Int) -> Void)? {
        lock.wait()
        defer { lock.signal() }
        for k in texts.indices where texts[k].front < texts[k].back {
            guard let run = texts[k].run else { continue }
            texts[k].back -= 1
            return (k, texts[k].back, run)
        }
        return nil
    }

    /// Counts a chunk of `text` as run; the last one lets its owner go on.
    private func finish(_ text: Int) {
        lock.wait()
        defer { lock.signal() }
        texts[text].done += 1
        guard texts[text].done == texts[text].count else { return }
        texts[text].run = nil
        texts[text].waiting?.signal()
    }
}
