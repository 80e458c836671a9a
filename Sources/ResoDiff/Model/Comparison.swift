/// The result of comparing two versions of a resolution: header changes and
/// the paragraph changes in document order.
public struct Comparison: Hashable, Sendable {
    /// A header field whose value differs between the versions.
    public struct HeaderChange: Hashable, Sendable {
        /// The field.
        public var field: Header.Field
        /// The old value; nil when the old version has none.
        public var old: String?
        /// The new value; nil when the new version has none.
        public var new: String?
        /// The word-level diff of the two values (an absent value counts as empty).
        public var words: [WordEdit]

        /// Creates a header change; the word diff is computed when not given.
        public init(field: Header.Field, old: String?, new: String?, words: [WordEdit]? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.words = words ?? WordDiff.edits(from: old ?? "", to: new ?? "")
        }
    }

    /// The name the old version goes by in reports (its path, or "-").
    public var oldName: String
    /// The name the new version goes by in reports.
    public var newName: String
    /// The old version as parsed.
    public var old: Resolution
    /// The new version as parsed.
    public var new: Resolution
    /// Header fields that differ.
    public var headerChanges: [HeaderChange]
    /// Every paragraph's fate, in document order, unchanged ones included.
    public var changes: [Change]

    /// Creates a comparison from its parts (see ``Aligner`` to compute one).
    public init(oldName: String, newName: String, old: Resolution, new: Resolution,
                headerChanges: [HeaderChange], changes: [Change]) {
        self.oldName = oldName
        self.newName = newName
        self.old = old
        self.new = new
        self.headerChanges = headerChanges
        self.changes = changes
    }

    /// True when anything differs: a header field or any paragraph.
    public var hasDifferences: Bool {
        !headerChanges.isEmpty || changes.contains { $0.isDifference }
    }
}
