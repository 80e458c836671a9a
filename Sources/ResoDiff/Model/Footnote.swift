/// A footnote: its marker as written ("1", "2") and its text.
public struct Footnote: Hashable, Sendable {
    /// The marker as written in the text, without decoration: "1" for `1/`, `[1]` or a superscript-style `1`.
    public var marker: String
    /// The footnote's text.
    public var text: String

    /// Creates a footnote.
    public init(marker: String, text: String) {
        self.marker = marker
        self.text = text
    }
}
