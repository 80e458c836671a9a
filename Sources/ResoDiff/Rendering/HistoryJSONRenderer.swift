/// The machine-readable history: a ``History`` as JSON in the versioned
/// schema `resodiff-history/1` (Guides/JSON-schema.md, section "History").
///
/// Versions and summaries are written as in the comparison schema
/// `resodiff/1` (``JSONRenderer``); each lineage is one paragraph identity
/// with one step per version, `null` where the paragraph does not exist.
/// The output is deterministic: keys in a fixed order, two-space
/// indentation, similarities with three decimals, a trailing newline.
public struct HistoryJSONRenderer: Sendable {
    /// The schema identifier written as the top-level `"schema"`.
    /// A consumer should refuse a major version it does not know.
    public static let schema = "resodiff-history/1"

    /// Creates a renderer.
    public init() {}

    /// The report.
    ///
    /// - Complexity: O(v·p + t) for v versions of p paragraphs and t the
    ///   total text of the history's changes.
    public func render(_ history: History) -> String {
        // The lineages, most of the text, are written on two threads (each
        // depends on itself alone), after the members before them: the same
        // text as `document(history).serialized(terminator: "\n")`.
        let lineages = history.lineages, renderer = self
        return JSONValue.TrailingArray.serialized(members(history), key: "lineages", count: lineages.count) { k in
            renderer.lineage(lineages[k])
        }
    }

    /// The whole report as a JSON value.
    func document(_ history: History) -> JSONValue {
        .object(members(history) + [("lineages", .array(history.lineages.map(lineage)))])
    }

    /// The report's members before `lineages`, its last.
    func members(_ history: History) -> [(key: String, value: JSONValue)] {
        let json = JSONRenderer()
        return [
            ("schema", .string(Self.schema)),
            ("versions", .array(history.versions.map { json.version($0.name, $0.resolution) })),
            ("summaries", .array(history.comparisons.map { json.summary(Summary($0)) })),
        ]
    }

    /// `{label, steps}`: the label in the latest version the paragraph
    /// reaches, and one step (or null) per version.
    func lineage(_ lineage: History.Lineage) -> JSONValue {
        .object([
            ("label", .optional(lineage.steps[lineage.lastVersion]?.paragraph.label)),
            ("steps", .array(lineage.steps.map { $0.map(step) ?? .null })),
        ])
    }

    /// `{label, text, change}`.
    func step(_ step: History.Step) -> JSONValue {
        .object([
            ("label", .string(step.paragraph.label)),
            ("text", .string(step.paragraph.text)),
            ("change", step.change.map(change) ?? .null),
        ])
    }

    /// How a step came about: `kind`; `renumbered` for `unchanged`; `from`
    /// (the old labels) for `moved`, `split` and `merged`; `into` (all the
    /// pieces' labels) for `split`; then the rewording's members, if any.
    func change(_ change: Change) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("kind", .string(change.kind.rawValue))]
        switch change.kind {
        case .unchanged:
            members.append(("renumbered", .bool(change.isRenumbered)))
        case .moved, .merged:
            members.append(("from", labels(change.old)))
        case .split:
            members.append(("from", labels(change.old)))
            members.append(("into", labels(change.new)))
        case .added, .removed, .reworded:
            break
        }
        if let rewording = change.rewording { members += JSONRenderer().rewording(rewording) }
        return .object(members)
    }

    private func labels(_ paragraphs: [Paragraph]) -> JSONValue {
        .array(paragraphs.map { .string($0.label) })
    }
}
