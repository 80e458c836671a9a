import Dispatch

/// The comparison of a whole session's resolutions with the previous
/// session's: which resolution became which, the ones only on one side,
/// and each pair's comparison.
///
/// Pairing, in order of trust: the same file name on both sides; then the
/// same normalized title (when it is unique on both sides); then the same
/// symbol series (the resolution number after the session, as in `75/68` →
/// `77/68`) when unique. What is left is only in one side: new or
/// discontinued resolutions.
public struct Batch: Sendable {
    /// One input document: its name (a path) and text.
    public struct Document: Sendable {
        public var name: String
        public var text: String

        /// Creates a document.
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// One paired resolution and its comparison.
    public struct Pair: Sendable {
        /// How the two were paired.
        public enum Reason: String, Hashable, Sendable {
            case fileName = "file name"
            case title
            case symbolSeries = "symbol series"
        }

        /// The comparison of the old and new versions (names are the paths).
        public var comparison: Comparison
        /// Why these two were paired.
        public var reason: Reason

        /// True when every difference is a technical update (header fields
        /// and technical rewordings), and there is at least one.
        public var isTechnicalUpdateOnly: Bool {
            comparison.hasDifferences && !comparison.ignoringTechnicalChanges().hasDifferences
        }
    }

    /// The paired resolutions, in the order of the old side's names.
    public var pairs: [Pair]
    /// Resolutions only in the old side (discontinued), by name.
    public var onlyOld: [String]
    /// Resolutions only in the new side (new this session), by name.
    public var onlyNew: [String]

    /// Pairs and compares two sets of documents, on all cores.
    ///
    /// - Parameters:
    ///   - old: The earlier session's documents; names are used as given.
    ///   - new: The later session's documents.
    ///   - fileName: The file name of a document's name (its last path component), for pairing.
    ///   - aligner: The aligner for each pair.
    ///   - progress: Called after each comparison with (done, total), from any thread.
    /// - Complexity: parsing is O(n) in the total text; the comparisons run in parallel.
    public init(old: [Document], new: [Document], aligner: Aligner = Aligner(),
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        let oldParsed = Batch.parseAll(old), newParsed = Batch.parseAll(new)
        var matches: [(Int, Int, Pair.Reason)] = []
        var oldFree = Set(old.indices), newFree = Set(new.indices)

        func match(_ key: (Int, Bool) -> String?, _ reason: Pair.Reason, requireUnique: Bool) {
            var oldByKey: [String: [Int]] = [:], newByKey: [String: [Int]] = [:]
            for i in oldFree.sorted() { if let k = key(i, true) { oldByKey[k, default: []].append(i) } }
            for j in newFree.sorted() { if let k = key(j, false) { newByKey[k, default: []].append(j) } }
            for (k, olds) in oldByKey {
                guard let news = newByKey[k] else { continue }
                if requireUnique && (olds.count != 1 || news.count != 1) { continue }
                for (i, j) in zip(olds, news) {
                    matches.append((i, j, reason))
                    oldFree.remove(i)
                    newFree.remove(j)
                }
            }
        }
        match({ i, isOld in Batch.fileName(isOld ? old[i].name : new[i].name) }, .fileName, requireUnique: true)
        match({ i, isOld in
            (isOld ? oldParsed[i] : newParsed[i]).header.title.map { TextNormalizer.comparisonKey($0).lowercased() }
        }, .title, requireUnique: true)
        match({ i, isOld in
            (isOld ? oldParsed[i] : newParsed[i]).header.symbol.flatMap(Batch.series)
        }, .symbolSeries, requireUnique: true)
        matches.sort { old[$0.0].name < old[$1.0].name }
        let work = matches

        let total = work.count
        let results = ResultBox<Pair>(count: total)
        let done = ResultBox<Int>(count: 1)
        DispatchQueue.concurrentPerform(iterations: total) { index in
            let (i, j, reason) = work[index]
            let comparison = aligner.compare(oldParsed[i], newParsed[j], oldName: old[i].name, newName: new[j].name)
            results.set(index, Pair(comparison: comparison, reason: reason))
            if let progress { progress(done.increment(), total) }
        }
        pairs = results.values()
        onlyOld = oldFree.map { old[$0].name }.sorted()
        onlyNew = newFree.map { new[$0].name }.sorted()
    }

    /// True when any pair differs or a resolution is only on one side.
    public var hasDifferences: Bool {
        !onlyOld.isEmpty || !onlyNew.isEmpty || pairs.contains { $0.comparison.hasDifferences }
    }

    /// Parses every document's text, in parallel on all cores, in the documents' order.
    static func parseAll(_ documents: [Document]) -> [Resolution] {
        let results = ResultBox<Resolution>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            results.set(i, Resolution(parsing: documents[i].text))
        }
        return results.values()
    }

    /// The last path component of a name.
    static func fileName(_ name: String) -> String {
        String(name.split(separator: "/").last ?? Substring(name))
    }

    /// The series of a symbol: "75/68" → "68".
    static func series(_ symbol: String) -> String? {
        guard let slash = symbol.lastIndex(of: "/") else { return nil }
        let rest = symbol[symbol.index(after: slash)...].prefix { $0.isNumber || $0.isLetter }
        return rest.isEmpty ? nil : String(rest)
    }
}

/// Slots written from concurrent iterations, each index by exactly one of them.
private final class ResultBox<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = SerialLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { storage[index] = value }
    }

    func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
}

extension ResultBox where Value == Int {
    /// Increments slot 0 and returns the new count.
    func increment() -> Int {
        lock.withLock {
            let next = (storage[0] ?? 0) + 1
            storage[0] = next
            return next
        }
    }
}

/// A mutual-exclusion lock on a serial dispatch queue (the library does not import Foundation).
private final class SerialLock: @unchecked Sendable {
    private let queue = DispatchQueue(label: "resodiff.batch.lock")
    func withLock<T>(_ body: () -> T) -> T { queue.sync(execute: body) }
}
