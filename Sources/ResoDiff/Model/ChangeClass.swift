/// A class of change a hook can gate on (`--fail-on substantive,removed`):
/// a kind of paragraph change, a rewording category, header changes, or any.
public enum ChangeClass: String, Hashable, Sendable, CaseIterable {
    case added, removed, reworded, moved, split, merged
    case technical, verb, substantive
    case header
    case any

    /// True when `change` belongs to this class. Categories match any
    /// change whose rewording has that category (a moved paragraph that was
    /// also reworded substantively is `substantive`).
    public func matches(_ change: Change) -> Bool {
        switch self {
        case .added: change.kind == .added
        case .removed: change.kind == .removed
        case .reworded: change.kind == .reworded
        case .moved: change.kind == .moved
        case .split: change.kind == .split
        case .merged: change.kind == .merged
        case .technical: change.rewording?.category == .technical
        case .verb: change.rewording?.category == .verb
        case .substantive: change.rewording?.category == .substantive
        case .header: false
        case .any: change.isDifference
        }
    }
}

extension Comparison {
    /// True when the comparison has a change in any of `classes`.
    ///
    /// - Complexity: O(c) in the number of changes.
    public func hasChanges(in classes: Set<ChangeClass>) -> Bool {
        if classes.contains(.any) || classes.contains(.header), !headerChanges.isEmpty { return true }
        return changes.contains { change in classes.contains { $0.matches(change) } }
    }
}
