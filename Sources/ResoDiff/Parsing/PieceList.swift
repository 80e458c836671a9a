/// A text's pieces, held as the runs they were cut in (one run a range of
/// blocks, see ``StagedParse``), read as one collection in order.
///
/// The runs are never joined into one array: copying a piece retains its
/// strings, and for a large text that costs more than walking the runs.
struct PieceList: Collection {
    typealias Piece = ResolutionParser.Piece

    /// A position: a run, and a piece in it. Every valid index but
    /// `endIndex` points at a piece (empty runs are stepped over).
    struct Index: Comparable {
        fileprivate var run: Int
        fileprivate var offset: Int

        static func < (a: Index, b: Index) -> Bool {
            a.run != b.run ? a.run < b.run : a.offset < b.offset
        }
    }

    /// The runs, in the order of their blocks.
    private let runs: [[Piece]]
    let startIndex: Index

    /// The pieces of `runs`, one after another.
    init(runs: [[Piece]]) {
        self.runs = runs
        startIndex = Self.settled(Index(run: 0, offset: 0), in: runs)
    }

    var endIndex: Index { Index(run: runs.count, offset: 0) }

    /// The piece at `i`, read in place: `list[i].display` copies the display
    /// text alone, not the whole piece (whose strings a copy would each retain).
    subscript(i: Index) -> Piece {
        _read { yield runs[i.run][i.offset] }
    }

    func index(after i: Index) -> Index {
        Self.settled(Index(run: i.run, offset: i.offset + 1), in: runs)
    }

    /// `i`, or the first position after it that holds a piece (`endIndex` when none does).
    private static func settled(_ i: Index, in runs: [[Piece]]) -> Index {
        var i = i
        while i.run < runs.count, i.offset >= runs[i.run].count {
            i = Index(run: i.run + 1, offset: 0)
        }
        return i
    }

    /// The number of pieces from `start` to `end` (and so `count`). O(r) in the number of runs.
    func distance(from start: Index, to end: Index) -> Int {
        guard start <= end else { return -distance(from: end, to: start) }
        if start.run == end.run { return end.offset - start.offset }
        var n = runs[start.run].count - start.offset + end.offset
        for r in (start.run + 1)..<end.run { n += runs[r].count }
        return n
    }
}
