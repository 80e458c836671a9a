/// The machine-readable summary of a ``Batch``: JSON in the versioned
/// schema `resodiff-batch/1` (Guides/JSON-schema.md, section "Batch").
///
/// Each pair carries both versions (`path` and `header`, as in the
/// comparison schema `resodiff/1`), how they were paired, the summary
/// counts, and optionally the file name of its per-resolution report.
/// The output is deterministic, with a trailing newline.
public struct BatchJSONRenderer: Sendable {
    /// The schema identifier written as the top-level `"schema"`.
    /// A consumer should refuse a major version it does not know.
    public static let schema = "resodiff-batch/1"

    /// Creates a renderer.
    public init() {}

    /// The summary.
    ///
    /// - Parameters:
    ///   - batch: The batch.
    ///   - reportFileNames: The relative file name of each pair's report,
    ///     parallel to `batch.pairs` (see ``BatchHTMLRenderer/reportFileNames(for:fileExtension:)``),
    ///     written as `"report"`; nil to leave the key out.
    /// - Precondition: `reportFileNames`, when given, has one name per pair.
    /// - Complexity: O(p·c) for p pairs of c changes each.
    public func render(_ batch: Batch, reportFileNames: [String]? = nil) -> String {
        if let reportFileNames {
            precondition(reportFileNames.count == batch.pairs.count, "one report file name per pair")
        }
        let json = JSONRenderer()
        let counts = BatchCounts(batch)
        let pairs: [JSONValue] = batch.pairs.enumerated().map { index, pair in
            let c = pair.comparison
            var members: [(key: String, value: JSONValue)] = [
                ("old", json.version(c.oldName, c.old)),
                ("new", json.version(c.newName, c.new)),
                ("reason", .string(Self.identifier(pair.reason))),
            ]
            if let reportFileNames { members.append(("report", .string(reportFileNames[index]))) }
            members.append(("hasDifferences", .bool(c.hasDifferences)))
            members.append(("technicalUpdateOnly", .bool(pair.isTechnicalUpdateOnly)))
            members.append(("summary", json.summary(Summary(c))))
            return .object(members)
        }
        let document = JSONValue.object([
            ("schema", .string(Self.schema)),
            ("counts", .object([
                ("paired", .int(counts.paired)),
                ("differing", .int(counts.differing)),
                ("technicalUpdateOnly", .int(counts.technicalUpdateOnly)),
                ("same", .int(counts.same)),
                ("onlyOld", .int(counts.onlyOld)),
                ("onlyNew", .int(counts.onlyNew)),
            ])),
            ("pairs", .array(pairs)),
            ("onlyOld", .array(batch.onlyOld.map(JSONValue.string))),
            ("onlyNew", .array(batch.onlyNew.map(JSONValue.string))),
        ])
        return document.serialized(terminator: "\n")
    }

    /// The reason as a JSON identifier: `fileName`, `title`, `symbolSeries`.
    static func identifier(_ reason: Batch.Pair.Reason) -> String {
        switch reason {
        case .fileName: "fileName"
        case .title: "title"
        case .symbolSeries: "symbolSeries"
        }
    }
}
