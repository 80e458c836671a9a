/// What happened to one paragraph (or a pair of them) between two versions.
///
/// Changes come in document order of the new version, with removed
/// paragraphs placed where they stood. Unchanged paragraphs are changes too,
/// of kind ``Kind/unchanged``, so that both documents can be rebuilt from the
/// list.
public struct Change: Hashable, Sendable {
    /// The kind of change, in a drafting committee's terms.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// Same text; possibly renumbered (see ``Change/isRenumbered``).
        case unchanged
        /// New in the new version.
        case added
        /// Gone from the new version.
        case removed
        /// Same paragraph, other words.
        case reworded
        /// The paragraph stands elsewhere now (maybe reworded as well).
        case moved
        /// One old paragraph became several new ones.
        case split
        /// Several old paragraphs became one new one.
        case merged
    }

    /// The kind of change.
    public var kind: Kind
    /// The paragraphs of the old version involved: none for `added`, several for `merged`.
    ///
    /// - Complexity: O(1), except for an unchanged pair made by ``Aligner``,
    ///   whose one-paragraph list is made when asked for (O(1), one allocation).
    public var old: [Paragraph] {
        get {
            switch members {
            case .lists(let old, _): old
            case .pair(let source, let i, _): [source.old[i]]
            }
        }
        set { members = .lists(old: newValue, new: new) }
    }
    /// The paragraphs of the new version involved: none for `removed`, several for `split`.
    ///
    /// - Complexity: as ``old``.
    public var new: [Paragraph] {
        get {
            switch members {
            case .lists(_, let new): new
            case .pair(let source, _, let j): [source.new[j]]
            }
        }
        set { members = .lists(old: old, new: newValue) }
    }
    /// The word-level rewording, for `reworded`, and for `moved`, `split` and
    /// `merged` when the words changed too; nil otherwise.
    public var rewording: Rewording?

    /// Where the paragraphs are held.
    private var members: Members

    /// Creates a change.
    public init(kind: Kind, old: [Paragraph], new: [Paragraph], rewording: Rewording? = nil) {
        self.kind = kind
        self.members = .lists(old: old, new: new)
        self.rewording = rewording
    }

    /// An unchanged pair: paragraph `i` of `source.old` and paragraph `j` of
    /// `source.new`, read from there rather than copied into lists of their own
    /// (most changes of a large comparison are such pairs; Guides/Performance.md).
    init(unchanged i: Int, _ j: Int, in source: PairSource) {
        self.kind = .unchanged
        self.members = .pair(source, old: i, new: j)
        self.rewording = nil
    }

    /// The same paragraphs, of another kind and rewording.
    func with(kind: Kind, rewording: Rewording?) -> Change {
        var change = self
        change.kind = kind
        change.rewording = rewording
        return change
    }

    /// The first of ``old``, without making the list.
    var firstOld: Paragraph? {
        switch members {
        case .lists(let old, _): old.first
        case .pair(let source, let i, _): source.old[i]
        }
    }

    /// The first of ``new``, without making the list.
    var firstNew: Paragraph? {
        switch members {
        case .lists(_, let new): new.first
        case .pair(let source, _, let j): source.new[j]
        }
    }

    /// The labels of ``old``, comma-separated (``labels(_:)``), without making the list.
    var oldLabels: String {
        switch members {
        case .lists(let old, _): Self.labels(old)
        case .pair(let source, let i, _): source.old[i].label
        }
    }

    /// The labels of ``new``, comma-separated, without making the list.
    var newLabels: String {
        switch members {
        case .lists(_, let new): Self.labels(new)
        case .pair(let source, _, let j): source.new[j].label
        }
    }

    /// The labels of `paragraphs`, comma-separated: "OP4, OP5"; empty for none.
    static func labels(_ paragraphs: [Paragraph]) -> String {
        paragraphs.count == 1 ? paragraphs[0].label : paragraphs.map(\.label).joined(separator: ", ")
    }

    /// The number of ``old`` paragraphs, without making the list.
    var oldCount: Int {
        switch members {
        case .lists(let old, _): old.count
        case .pair: 1
        }
    }

    /// The number of ``new`` paragraphs, without making the list.
    var newCount: Int {
        switch members {
        case .lists(_, let new): new.count
        case .pair: 1
        }
    }

    /// True for an unchanged paragraph whose label changed only because
    /// paragraphs were inserted or removed before it ("OP6 (was OP5)").
    public var isRenumbered: Bool {
        guard kind == .unchanged else { return false }
        switch members {
        case .pair(let source, let i, let j):
            return source.old[i].label != source.new[j].label
        case .lists(let old, let new):
            // By index: `first` would copy each paragraph.
            guard !old.isEmpty, !new.isEmpty else { return false }
            return old[0].label != new[0].label
        }
    }

    public static func == (lhs: Change, rhs: Change) -> Bool {
        lhs.kind == rhs.kind && lhs.rewording == rhs.rewording && lhs.old == rhs.old && lhs.new == rhs.new
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(old)
        hasher.combine(new)
        hasher.combine(rewording)
    }

    /// True for every kind but `unchanged`.
    public var isDifference: Bool { kind != .unchanged }
}

extension Change: CustomReflectable {
    /// The change as its public properties show it (`print`, `dump`, test
    /// messages), whichever way it holds its paragraphs.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": kind, "old": old, "new": new, "rewording": rewording as Any],
               displayStyle: .struct)
    }
}

extension Change {
    /// A change's paragraphs: lists of its own, or one paragraph of each
    /// version, read in place (an unchanged pair).
    ///
    /// Each accessor above switches on it directly, old and new alike. One
    /// accessor handing either side out as a value was tried: it retained
    /// the list on every call and cost 0.5 % of a JSON report's instructions.
    private enum Members: Sendable {
        case lists(old: [Paragraph], new: [Paragraph])
        case pair(PairSource, old: Int, new: Int)
    }
}

/// The two versions' paragraphs, shared by the unchanged pairs that read
/// them (``Change/init(unchanged:_:in:)``).
///
/// A class, so that a pair holds one reference, not two lists. Each thread
/// that makes pairs makes its own, so that the reference counts the pairs
/// change stay on that thread's processor.
final class PairSource: Sendable {
    /// The old version's paragraphs.
    let old: [Paragraph]
    /// The new version's paragraphs.
    let new: [Paragraph]

    init(old: [Paragraph], new: [Paragraph]) {
        self.old = old
        self.new = new
    }
}
