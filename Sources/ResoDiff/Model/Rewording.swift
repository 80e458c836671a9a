/// The word-level change inside a paragraph, and what kind of change it is.
public struct Rewording: Hashable, Sendable {
    /// What a rewording amounts to, for a drafting committee.
    public enum Category: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
        /// Only session ordinals, years, dates, document symbols, resolution
        /// and meeting numbers changed: the routine update between sessions.
        case technical
        /// The opening verb or phrase changed (see ``Rewording/verb``).
        case verb
        /// Anything else.
        case substantive

        private var rank: Int {
            switch self {
            case .technical: 0
            case .verb: 1
            case .substantive: 2
            }
        }

        public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rank < rhs.rank }
    }

    /// The category of the rewording.
    public var category: Category
    /// Word-level similarity of the two texts, from 0 (nothing shared) to 1 (same words).
    public var similarity: Double
    /// The word-level diff, equal runs included, after semantic cleanup.
    public var words: [WordEdit]
    /// The change of opening verb or phrase, when there is one.
    public var verb: VerbChange?

    /// Creates a rewording.
    public init(category: Category, similarity: Double, words: [WordEdit], verb: VerbChange? = nil) {
        self.category = category
        self.similarity = similarity
        self.words = words
        self.verb = verb
    }
}

/// One run of a word-level diff: text kept, deleted or inserted.
public struct WordEdit: Hashable, Sendable {
    /// What happened to the run.
    public enum Operation: String, Hashable, Sendable, Codable {
        case equal
        case delete
        case insert
    }

    /// What happened to the run.
    public var operation: Operation
    /// The run's text as displayed, with the spaces between its words.
    public var text: String

    /// Creates a run.
    public init(_ operation: Operation, _ text: String) {
        self.operation = operation
        self.text = text
    }
}

/// A change of a paragraph's opening verb or phrase ("Encourages" → "Urges").
public struct VerbChange: Hashable, Sendable {
    /// Which way the new verb goes on the scale of operative verbs.
    public enum Direction: String, Hashable, Sendable, Codable {
        case stronger
        case weaker
        /// The scale says nothing about one of the two, or ranks them alike.
        case neutral
    }

    /// The old opening.
    public var old: String
    /// The new opening.
    public var new: String
    /// Which way it moved on the scale.
    public var direction: Direction

    /// Creates a verb change.
    public init(old: String, new: String, direction: Direction) {
        self.old = old
        self.new = new
        self.direction = direction
    }
}
