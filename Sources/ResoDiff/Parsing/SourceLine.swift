/// One physical line of the source as a string: how tests and the header's
/// joined fields give lines to a ``LineTable``, and read them back.
///
/// `text` has its line end, leading white space and trailing white space
/// removed, tabs and non-breaking spaces turned into plain spaces; inner runs
/// of spaces are kept so that layout gaps (two or more spaces) stay visible
/// to the furniture filter.
struct SourceLine: Hashable, Sendable {
    /// The line's content without leading or trailing white space.
    var text: String
    /// The column at which the content starts (a tab advances to the next multiple of 8).
    var indent: Int

    /// A blank line (or a line emptied because it was furniture).
    static let blank = SourceLine(text: "", indent: 0)

    /// True when the line holds nothing.
    var isBlank: Bool { text.isEmpty }
}
