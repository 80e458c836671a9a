/// Turns a ``Comparison`` into a report. Renderers never re-parse or
/// re-align: everything they show is in the comparison.
public protocol ComparisonRenderer: Sendable {
    /// The whole report, ending with a newline.
    func render(_ comparison: Comparison) -> String
}
