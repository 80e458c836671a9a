/// Keeps the documents and comparisons of a run alive until the process
/// exits.
///
/// A whole session's compilation holds tens of thousands of paragraphs,
/// each with several strings; releasing them one by one when a command
/// returns took about 5 % of a run, only for the process to exit right
/// after. Held here, in a global, they are still reachable at exit, so leak
/// checkers (LeakSanitizer) do not count them as leaks.
enum ExitKeeper {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `values` until the process exits. Call from the main thread only.
    static func keep(_ values: Any...) {
        kept.append(contentsOf: values)
    }
}
