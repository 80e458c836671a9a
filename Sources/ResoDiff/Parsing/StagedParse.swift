import Dispatch

/// Reads and parses several texts on the two threads of ``Parallel``, in
/// stages, so that a thread done with its own text takes part of another's
/// instead of waiting for it.
///
/// Each text goes through the parser's three stages (``ResolutionParser``):
/// its front (read, decode, lines, footnotes, blocks), its blocks cut into
/// pieces in runs, and its finish (header and classification) on all its
/// pieces in order. A thread claims, in this order:
/// 1. the next run of the text it read last, from the first run up;
/// 2. the front of the next text nobody has started;
/// 3. a run of another text, from the last run down (the text with the most
///    runs left), which is how a fast thread helps a slow one;
/// 4. the finish of a text it read whose runs are all cut;
/// 5. nothing, to wait, while a text it read has runs another thread is
///    cutting (a run is short) or some text's front is being read (its runs
///    are to come); else it is done.
///
/// A text is finished by the thread that read it, which cut most of its
/// pieces: a string is cheaper to read on the core that made it. When both
/// threads run at the same speed each parses its own text, as one thread a
/// text did before, and no piece crosses to the other core; when one runs
/// slower (on a shared virtual machine, a processor can run at two thirds of
/// the other's speed for a whole run, and a front that meets fresh memory
/// can take three times as long), the faster one cuts the last runs of the
/// slower one's text before it finishes its own.
///
/// Results do not depend on who does what: a block's pieces depend on the
/// block alone, and each text is finished on its pieces in block order.
final class StagedParse: @unchecked Sendable {
    /// The bytes of input `k` and its name for messages.
    typealias Source = @Sendable (Int) throws(InputError) -> (bytes: [UInt8], path: String)

    /// One text's progress. Read and written with `lock` held.
    private struct Text {
        /// The text's blocks, from its front until it is finished.
        var front: ResolutionParser.Front?
        /// The runs of blocks, each cut into pieces on its own.
        var runs: [Range<Int>] = []
        /// Each run's pieces, once cut.
        var pieces: [[PieceList.Piece]] = []
        /// The runs from `next` up to `end` are unclaimed: the reader claims at `next`, others at `end - 1`.
        var next = 0
        var end = 0
        /// How many runs are cut.
        var done = 0
        /// Its reader has claimed the finish.
        var finishing = false
        /// Every run is cut (its front was read: a text has one run at least) and
        /// its reader has not claimed the finish.
        var ready: Bool { !runs.isEmpty && done == runs.count && !finishing }
        var result: Result<Resolution, InputError>?
    }

    private let parser = ResolutionParser()
    private let read: Source
    private var texts: [Text]
    /// The first text whose front nobody has claimed.
    private var nextFront = 0
    /// Fronts claimed and not yet done.
    private var frontsUnderWay = 0
    /// Threads asleep on `wake`, waiting for a front's runs.
    private var waiting = 0
    private let lock = DispatchSemaphore(value: 1)
    private let wake = DispatchSemaphore(value: 0)

    /// Blocks a run holds at least: smaller runs cost more in claims than they balance.
    static let minimumRunBlocks = 512
    /// Runs a text is cut in at most.
    static let maximumRuns = 32

    private init(count: Int, read: @escaping Source) {
        self.read = read
        texts = Array(repeating: Text(), count: count)
    }

    /// Reads and parses inputs `0 ..< count` (`read(k)` gives input `k`'s
    /// bytes), on two threads: each result as ``Resolution/init(decoding:path:)``
    /// gives it for the same bytes, in order.
    ///
    /// - Complexity: O(n) in the total number of bytes, spread over two cores.
    static func run(count: Int, read: Source) -> [Result<Resolution, InputError>] {
        withoutActuallyEscaping(read) { read in
            let schedule = StagedParse(count: count, read: read)
            Parallel.perform(iterations: min(2, count)) { _ in schedule.work() }
            return schedule.texts.map { $0.result ?? .failure(.notFound(path: "")) }
        }
    }

    /// `count` blocks in runs of nearly equal length: at least one run, each of
    /// at least ``minimumRunBlocks`` blocks (but for a shorter text's only run).
    static func runs(ofBlocks count: Int) -> [Range<Int>] {
        let n = max(1, min(maximumRuns, count / minimumRunBlocks))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }

    /// What a thread does next.
    private enum Task {
        case front(Int)
        case run(text: Int, run: Int, front: ResolutionParser.Front, blocks: Range<Int>)
        case finish(Int)
        case wait
        case done
    }

    /// One thread's share: claims and does tasks until none is left.
    private func work() {
        var own: [Int] = []
        while true {
            lock.wait()
            let task = claim(own: &own)
            if case .wait = task { waiting += 1 }
            lock.signal()
            switch task {
            case .front(let t): readFront(t)
            case .run(let t, let r, let front, let blocks): complete(t, r, parser.pieces(of: front, blocks: blocks))
            case .finish(let t):
                lock.wait()
                let front = texts[t].front.take()!
                var runs: [[PieceList.Piece]] = []
                swap(&runs, &texts[t].pieces)
                lock.signal()
                // Consumed: the blocks go once the header is read, before the classification.
                let resolution = parser.finish(consume front, pieces: PieceList(runs: consume runs))
                lock.wait()
                texts[t].result = .success(resolution)
                lock.signal()
            case .wait: wake.wait()
            case .done: return
            }
        }
    }

    /// The next task for a thread that read texts `own`, the last one last. With `lock` held.
    private func claim(own: inout [Int]) -> Task {
        if let t = own.last, texts[t].next < texts[t].end {
            return claimRun(t, at: texts[t].next, fromStart: true)
        }
        if nextFront < texts.count {
            own.append(nextFront)
            nextFront += 1
            frontsUnderWay += 1
            return .front(own.last!)
        }
        // The text with the most runs left.
        var best: Int?
        for t in texts.indices where texts[t].next < texts[t].end {
            if best.map({ texts[t].end - texts[t].next > texts[$0].end - texts[$0].next }) ?? true { best = t }
        }
        if let t = best { return claimRun(t, at: texts[t].end - 1, fromStart: false) }
        // A text is finished by the thread that read it, which cut most of its pieces
        // (a piece's strings are cheaper to read on the core that made them): one whose
        // runs are all cut, or else one whose last runs another thread is cutting, to wait for.
        if let t = own.first(where: { texts[$0].ready }) {
            texts[t].finishing = true
            return .finish(t)
        }
        let ownUnderWay = own.contains { texts[$0].result == nil && !texts[$0].finishing }
        return ownUnderWay || frontsUnderWay > 0 ? .wait : .done
    }

    private func claimRun(_ t: Int, at r: Int, fromStart: Bool) -> Task {
        if fromStart { texts[t].next += 1 } else { texts[t].end -= 1 }
        return .run(text: t, run: r, front: texts[t].front!, blocks: texts[t].runs[r])
    }

    /// Reads, decodes and cuts text `t` into blocks, and makes its runs claimable.
    private func readFront(_ t: Int) {
        var front: ResolutionParser.Front?
        var failure: InputError?
        do throws(InputError) {
            var input = try read(t)
            let lines: LineTable
            switch try InputDecoder.body(of: input.bytes, path: input.path) {
            case .utf16(let text):
                lines = LineReader.read(text)
            case .utf8(let range):
                lines = input.bytes.withUnsafeBufferPointer { LineReader.read(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            // The lines hold their own bytes: without the text, the parse's peak is lower.
            input.bytes = []
            front = parser.front(of: lines)
        } catch {
            failure = error
        }
        lock.wait()
        frontsUnderWay -= 1
        if let front {
            let runs = Self.runs(ofBlocks: front.blockCount)
            texts[t].front = front
            texts[t].runs = runs
            texts[t].pieces = Array(repeating: [], count: runs.count)
            texts[t].end = runs.count
        } else if let failure {
            texts[t].result = .failure(failure)
        }
        wakeWaiting()
        lock.signal()
    }

    /// Keeps run `r` of text `t`'s pieces; the text is ready to finish when it was the last run cut.
    ///
    /// The finish is claimed like any task, after the runs left to cut, so that
    /// a thread helps with another text's runs before it finishes its own.
    private func complete(_ t: Int, _ r: Int, _ pieces: [PieceList.Piece]) {
        lock.wait()
        texts[t].pieces[r] = pieces
        texts[t].done += 1
        if texts[t].ready { wakeWaiting() }
        lock.signal()
    }

    /// Wakes the threads waiting for work. With `lock` held.
    private func wakeWaiting() {
        for _ in 0..<waiting { wake.signal() }
        waiting = 0
    }
}
