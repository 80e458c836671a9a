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
    public var old: [Paragraph]
    /// The paragraphs of the new version involved: none for `removed`, several for `split`.
    public var new: [Paragraph]
    /// The word-level rewording, for `reworded`, and for `moved`, `split` and
    /// `merged` when the words changed too; nil otherwise.
    public var rewording: Rewording?

    /// Creates a change.
    public init(kind: Kind, old: [Paragraph], new: [Paragraph], rewording: Rewording? = nil) {
        self.kind = kind
        self.old = old
        self.new = new
        self.rewording = rewording
    }

    /// True for an unchanged paragraph whose label changed only because
    /// paragraphs were inserted or removed before it ("OP6 (was OP5)").
    public var isRenumbered: Bool {
        // By index: `first` would copy each paragraph.
        guard kind == .unchanged, !old.isEmpty, !new.isEmpty else { return false }
        return old[0].label != new[0].label
    }

    /// True for every kind but `unchanged`.
    public var isDifference: Bool { kind != .unchanged }
}
