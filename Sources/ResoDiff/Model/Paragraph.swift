/// One unit of a resolution's text, as a drafter names it: PP3, OP5, OP5(b).
///
/// `text` is what is shown (the source's characters, markup and paragraph
/// number removed, whitespace collapsed); `key` is what is compared (see
/// ``TextNormalizer/comparisonKey(_:)``), so that quote style, dashes,
/// whitespace and emphasis never count as a change.
public struct Paragraph: Hashable, Sendable {
    /// The part of a resolution a paragraph belongs to.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// "The General Assembly," and its like.
        case chapeau
        /// A preambular paragraph (PP): opens with a participle, ends with a comma.
        case preambular
        /// A numbered operative paragraph (OP): opens with a verb.
        case operative
        /// A lettered or roman-numbered sub-paragraph of an operative paragraph.
        case subparagraph
        /// A heading inside the body: a section letter ("A"), its title, "Annex".
        case heading
        /// Text of an annex.
        case annex
        /// The closing: plenary meeting and date.
        case closing
        /// Text that could not be placed in the structure (kept, never dropped).
        case generic
    }

    /// What part of the resolution this paragraph is.
    public var kind: Kind
    /// The drafter's label: `PP3`, `OP5`, `OP5(b)`, `A.OP2` in a section, `P4` for generic text.
    public var label: String
    /// The number or letter as written in the source (`"5"`, `"b"`), if any.
    public var number: String?
    /// The opening phrase: *Recalling*, *Stressing also*, *Calls upon*; nil when none was recognized.
    public var opening: String?
    /// The text as displayed: source characters, without markup or the paragraph number.
    /// Setting it derives ``key`` again.
    public var text: String {
        didSet { comparisonKey = TextNormalizer.comparisonKeyForm(text) }
    }
    /// The sub-resolution section ("A", "B") the paragraph stands in, if the text has sections.
    public var section: String?
    /// The comparison key: `text` normalized for matching (see ``TextNormalizer/comparisonKey(_:)``).
    ///
    /// - Complexity: O(n) in the key's length: most keys are held as a length
    ///   of `text` and made into a string when asked for. Setting it holds the
    ///   string given.
    public var key: String {
        get { comparisonKey.string(of: text) }
        set { comparisonKey = .folded(newValue) }  // its stability worked out
    }
    /// The comparison key as held.
    private(set) var comparisonKey: ComparisonKey

    /// Creates a paragraph; the comparison key is derived from `text`.
    public init(kind: Kind, label: String, number: String? = nil, opening: String? = nil,
                text: String, section: String? = nil) {
        self.init(kind: kind, label: label, number: number, opening: opening, text: text, section: section,
                  comparisonKey: nil)
    }

    /// A paragraph whose comparison key the parser has already worked out
    /// (`comparisonKey` must be the ``TextNormalizer/comparisonKeyForm(_:)`` of
    /// `text`), or nil to work it out here.
    init(kind: Kind, label: String, number: String?, opening: String?, text: String, section: String?,
         comparisonKey: ComparisonKey?) {
        self.kind = kind
        self.label = label
        self.number = number
        self.opening = opening
        self.text = text
        self.section = section
        self.comparisonKey = comparisonKey ?? TextNormalizer.comparisonKeyForm(text)
    }

    public static func == (lhs: Paragraph, rhs: Paragraph) -> Bool {
        lhs.kind == rhs.kind && lhs.label == rhs.label && lhs.number == rhs.number && lhs.opening == rhs.opening
            && lhs.text == rhs.text && lhs.section == rhs.section
            // A key held two ways (a length, a string set through `key`) is compared as a string.
            && (lhs.comparisonKey == rhs.comparisonKey || lhs.key == rhs.key)
    }

    public func hash(into hasher: inout Hasher) {
        // The key is left out: equal paragraphs have equal keys, whichever way they hold them.
        hasher.combine(kind)
        hasher.combine(label)
        hasher.combine(number)
        hasher.combine(opening)
        hasher.combine(text)
        hasher.combine(section)
    }
}
