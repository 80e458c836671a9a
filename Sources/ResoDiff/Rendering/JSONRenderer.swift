/// The machine-readable report: a comparison as JSON in the versioned
/// schema `resodiff/1` (Guides/JSON-schema.md describes every field).
///
/// The output is deterministic: keys in a fixed order, two-space
/// indentation, one member per line, similarities with exactly three
/// decimals, a trailing newline. Absent header fields and paragraph numbers
/// are `null`; keys that do not apply to a change are left out.
public struct JSONRenderer: ComparisonRenderer {
    /// The schema identifier written as the top-level `"schema"`.
    /// A consumer should refuse a major version it does not know.
    public static let schema = "resodiff/1"

    /// Creates a renderer.
    public init() {}

    /// The report.
    ///
    /// - Complexity: O(t) in the total text of the comparison.
    public func render(_ comparison: Comparison) -> String {
        // The changes, most of the text, are written on two threads (each
        // depends on itself alone), after the members before them: the same
        // text as `document(comparison).serialized(terminator: "\n")`.
        let changes = comparison.changes, renderer = self
        return JSONValue.TrailingArray.serialized(members(comparison), key: "changes", count: changes.count) { k in
            renderer.change(changes[k])
        }
    }

    /// The whole report as a JSON value.
    func document(_ comparison: Comparison) -> JSONValue {
        .object(members(comparison) + [("changes", .array(comparison.changes.map(change)))])
    }

    /// The report's members before `changes`, its last.
    func members(_ comparison: Comparison) -> [(key: String, value: JSONValue)] {
        [
            ("schema", .string(Self.schema)),
            ("old", version(comparison.oldName, comparison.old)),
            ("new", version(comparison.newName, comparison.new)),
            ("headerChanges", .array(comparison.headerChanges.map { change in
                .object([
                    ("field", .string(change.field.rawValue)),
                    ("old", .optional(change.old)),
                    ("new", .optional(change.new)),
                ])
            })),
            ("summary", summary(Summary(comparison))),
        ]
    }

    /// `{"path", "header"}` for one version.
    func version(_ name: String, _ resolution: Resolution) -> JSONValue {
        .object([
            ("path", .string(name)),
            ("header", .object(Header.Field.allCases.map { field in
                (field.rawValue, .optional(resolution.header[field]))
            })),
        ])
    }

    /// Counts per kind, renumbered, per category, header changes.
    func summary(_ summary: Summary) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = Change.Kind.allCases.map { kind in
            (kind.rawValue, .int(summary[kind]))
        }
        members.append(("renumbered", .int(summary.renumbered)))
        members.append(("categories", .object(Rewording.Category.allCases.map { category in
            (category.rawValue, .int(summary[category]))
        })))
        members.append(("headerChanges", .int(summary.headerChanges)))
        return .object(members)
    }

    /// One change: kind, sides, then the rewording when there is one.
    func change(_ change: Change) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("kind", .string(change.kind.rawValue))]
        if let old = side(of: change, old: true) { members.append(("old", old)) }
        if let new = side(of: change, old: false) { members.append(("new", new)) }
        if change.kind == .unchanged { members.append(("renumbered", .bool(change.isRenumbered))) }
        if let rewording = change.rewording { members += self.rewording(rewording) }
        return .object(members)
    }

    /// The members a rewording adds to a change: `category`, `similarity`,
    /// `verb` when the opening changed, and `words`.
    func rewording(_ rewording: Rewording) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [
            ("category", .string(rewording.category.rawValue)),
            ("similarity", .number(ReportVocabulary.similarityText(rewording.similarity))),
        ]
        if let verb = rewording.verb {
            members.append(("verb", .object([
                ("old", .string(verb.old)),
                ("new", .string(verb.new)),
                ("direction", .string(verb.direction.rawValue)),
            ])))
        }
        members.append(("words", .array(rewording.words.map { edit in
            .object([("op", .string(edit.operation.rawValue)), ("text", .string(edit.text))])
        })))
        return members
    }

    /// One side of a change: an array for the many side of a split or merge
    /// (and, defensively, whenever there is more than one paragraph), a
    /// single object otherwise, nil when the side is empty.
    func side(of change: Change, old: Bool) -> JSONValue? {
        let many = change.kind == (old ? .merged : .split)
        // One paragraph (most changes) is read without making the side's list.
        if !many && (old ? change.oldCount : change.newCount) <= 1 {
            return (old ? change.firstOld : change.firstNew).map(paragraph)
        }
        return .array((old ? change.old : change.new).map(paragraph))
    }

    /// `{label, kind, number, opening, section, text}`.
    func paragraph(_ paragraph: Paragraph) -> JSONValue {
        .object([
            ("label", .string(paragraph.label)),
            ("kind", .string(paragraph.kind.rawValue)),
            ("number", .optional(paragraph.number)),
            ("opening", .optional(paragraph.opening)),
            ("section", .optional(paragraph.section)),
            ("text", .string(paragraph.text)),
        ])
    }
}
