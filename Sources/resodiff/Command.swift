import ResoDiff

/// One run of the command: parse the arguments, read the inputs, hand them
/// to the library, write the report, and return diff's exit status.
struct Command {
    let arguments: [String]

    /// Runs the command; returns 0 (same), 1 (different) or 2 (trouble).
    func run() -> Int32 {
        let parsed: Arguments
        do {
            parsed = try Arguments(arguments)
        } catch {
            Console.error(error.description)
            return 2
        }
        #if canImport(Glibc)
        if parsed.mode == .compare && !parsed.staged || parsed.mode == .parse {
            AllocatorTuning.applyIfWorthwhile(for: parsed.paths)
        }
        #endif
        do {
            switch parsed.mode {
            case .help:
                Console.out(Arguments.help)
                return 0
            case .version:
                Console.out("resodiff \(version)\n")
                return 0
            case .parse:
                return try parse(parsed)
            case .compare where parsed.staged:
                return try staged(parsed)
            case .compare where parsed.paths.count == 2 && Files.isDirectory(parsed.paths[0]) && Files.isDirectory(parsed.paths[1]):
                return try batch(parsed)
            case .compare where parsed.paths.count > 2:
                return try history(parsed)
            case .compare:
                return try compare(parsed)
            }
        } catch {
            Console.error("\(error)")
            return 2
        }
    }

    private func parse(_ arguments: Arguments) throws -> Int32 {
        let resolution = try Files.parseAll([arguments.paths[0]])[0]
        switch arguments.format ?? .text {
        case .text: try emit(ParseReport.text(resolution), arguments)
        case .json: try emit(ParseReport.json(resolution), arguments)
        case .html, .markdown:
            throw Arguments.UsageError(description: "resodiff parse prints text or json")
        }
        return 0
    }

    /// Reads and parses every input, printing the parser's notices on stderr.
    ///
    /// The texts are parsed in parallel; notices and a read error come out in
    /// the order of the paths, as when each file was read and parsed in turn.
    private func load(_ arguments: Arguments, clock: inout PhaseClock) throws -> [(name: String, resolution: Resolution)] {
        // An unreadable input is trouble, and then no report is made at all.
        let resolutions = try Files.parseAll(arguments.paths)
        clock.lap("read and parse")
        var loaded: [(name: String, resolution: Resolution)] = []
        for (path, resolution) in zip(arguments.paths, resolutions) {
            for notice in resolution.notices where !arguments.quiet {
                Console.error("\(arguments.gitPath ?? path): \(notice)", prefix: "notice")
            }
            loaded.append((arguments.gitPath ?? path, resolution))
        }
        return loaded
    }

    private func compare(_ arguments: Arguments) throws -> Int32 {
        var clock = PhaseClock()
        defer { clock.report() }
        let inputs = try load(arguments, clock: &clock)
        let aligner = Aligner(options: .init(threshold: arguments.threshold))
        var comparison = aligner.compare(inputs[0].resolution, inputs[1].resolution,
                                         oldName: arguments.gitPath.map { "a/\($0)" } ?? inputs[0].name,
                                         newName: arguments.gitPath.map { "b/\($0)" } ?? inputs[1].name)
        if arguments.ignoreTechnical { comparison = comparison.ignoringTechnicalChanges() }
        clock.lap("align")
        ExitKeeper.keep(inputs, comparison)
        let differs = comparison.hasChanges(in: arguments.failOn ?? [.any])
        // git stops at an external diff that exits non-zero: report, and exit 0.
        let status: Int32 = arguments.gitPath != nil ? 0 : differs ? 1 : 0
        if arguments.quiet { return status }

        let report = renderer(arguments).render(comparison)
        clock.lap("render")
        try emit(report, arguments)
        clock.lap("write")
        return status
    }

    /// Compares the staged version of each file with its HEAD version.
    private func staged(_ arguments: Arguments) throws -> Int32 {
        var status: Int32 = 0
        let aligner = Aligner(options: .init(threshold: arguments.threshold))
        var reports: [String] = []
        for path in arguments.paths {
            let old = Resolution(parsing: try Git.text(of: "HEAD:\(path)", missingIsEmpty: true))
            let new = Resolution(parsing: try Git.text(of: ":\(path)", missingIsEmpty: false))
            var comparison = aligner.compare(old, new, oldName: "HEAD:\(path)", newName: "staged:\(path)")
            if arguments.ignoreTechnical { comparison = comparison.ignoringTechnicalChanges() }
            guard comparison.hasChanges(in: arguments.failOn ?? [.any]) else { continue }
            status = 1
            reports.append(renderer(arguments).render(comparison))
        }
        if !arguments.quiet && !reports.isEmpty { try emit(reports.joined(separator: "\n"), arguments) }
        return status
    }

    private func history(_ arguments: Arguments) throws -> Int32 {
        var clock = PhaseClock()
        defer { clock.report() }
        let inputs = try load(arguments, clock: &clock)
        let history = History(versions: inputs, aligner: Aligner(options: .init(threshold: arguments.threshold)))
        clock.lap("align")
        ExitKeeper.keep(inputs, history)
        if !arguments.quiet { warnIfOutOfOrder(history) }
        let differs = history.comparisons.contains { $0.hasChanges(in: arguments.failOn ?? [.any]) }
        let status: Int32 = differs ? 1 : 0
        if arguments.quiet { return status }
        let report: String
        switch arguments.format ?? .text {
        case .text:
            report = HistoryTextRenderer(options: .init(color: useColor(arguments), full: arguments.full,
                                                        statOnly: arguments.stat)).render(history)
        case .json: report = HistoryJSONRenderer().render(history)
        case .html: report = HistoryHTMLRenderer(options: .init(showUnchanged: arguments.full || !arguments.stat)).render(history)
        case .markdown:
            throw Arguments.UsageError(description: "histories are reported as text, html or json")
        }
        clock.lap("render")
        try emit(report, arguments)
        clock.lap("write")
        return status
    }

    /// Compares two directories of resolutions: a summary, then each differing pair's report.
    private func batch(_ arguments: Arguments) throws -> Int32 {
        #if canImport(Glibc)
        AllocatorTuning.adviseHeap()  // the main thread's; the workers' heaps stay in plain pages
        #endif
        let old = try Files.readDirectory(arguments.paths[0]), new = try Files.readDirectory(arguments.paths[1])
        let showProgress = !arguments.quiet && Console.isStandardErrorTerminal
        let report: (@Sendable (Int, Int) -> Void)? = showProgress ? Console.countProgress : nil
        let oldDocuments = old.map { Batch.Document(name: $0.path, text: $0.text) }
        let newDocuments = new.map { Batch.Document(name: $0.path, text: $0.text) }
        let batch = Batch(old: oldDocuments, new: newDocuments,
                          aligner: Aligner(options: .init(threshold: arguments.threshold)), progress: report)
        if showProgress { Console.progress(nil) }
        let pairs = batch.pairs.map { pair in
            var pair = pair
            if arguments.ignoreTechnical { pair.comparison = pair.comparison.ignoringTechnicalChanges() }
            return pair
        }
        ExitKeeper.keep(old, new, oldDocuments, newDocuments, batch, pairs)
        let failOn = arguments.failOn ?? [.any]
        let differs = !batch.onlyOld.isEmpty || !batch.onlyNew.isEmpty || pairs.contains { $0.comparison.hasChanges(in: failOn) }
        if arguments.quiet { return differs ? 1 : 0 }
        var shown = batch
        shown.pairs = pairs
        if let directory = arguments.output, arguments.format != .text || Files.isDirectory(directory) {
            try writeBatchReports(shown, into: directory, arguments)
            return differs ? 1 : 0
        }
        let format = arguments.format ?? .text
        switch format {
        case .text:
            var summary = BatchTextRenderer().render(shown)
            if !arguments.stat {
                let renderer = TextRenderer(options: .init(color: useColor(arguments), context: arguments.context,
                                                           full: arguments.full))
                for pair in pairs where pair.comparison.hasDifferences {
                    summary += "\n" + renderer.render(pair.comparison)
                }
            }
            try emit(summary, arguments)
        case .json: try emit(BatchJSONRenderer().render(shown), arguments)
        case .html, .markdown:
            throw Arguments.UsageError(description: "an HTML or Markdown batch report needs -o DIR (an index and one report per resolution)")
        }
        return differs ? 1 : 0
    }

    /// Writes one report per pair and an index into `directory` (created if
    /// missing, its parent must exist), each file atomically.
    private func writeBatchReports(_ batch: Batch, into directory: String, _ arguments: Arguments) throws {
        try Files.makeDirectory(directory)
        let format = arguments.format ?? .html
        let names = BatchHTMLRenderer.reportFileNames(for: batch, fileExtension: format.fileExtension)
        let inputs = arguments.paths
        for (pair, name) in zip(batch.pairs, names) {
            let report = format == .text
                ? TextRenderer(options: .init(context: arguments.context, full: arguments.full)).render(pair.comparison)
                : renderer(arguments, format: format).render(pair.comparison)
            try Files.writeAtomically(report, to: "\(directory)/\(name)", inputs: inputs)
        }
        let index: String
        switch format {
        case .html: index = BatchHTMLRenderer().render(batch, reportFileNames: names)
        case .json: index = BatchJSONRenderer().render(batch, reportFileNames: names)
        case .text, .markdown: index = BatchTextRenderer().render(batch)
        }
        try Files.writeAtomically(index, to: "\(directory)/index.\(format == .markdown ? "txt" : format.fileExtension)", inputs: inputs)
    }

    /// Warns when the versions' sessions, as their headers give them, are not in ascending order.
    private func warnIfOutOfOrder(_ history: History) {
        let sessions = history.versions.map { $0.resolution.header.symbol.flatMap(Self.sessionNumber) }
        for k in sessions.indices.dropFirst() {
            if let a = sessions[k - 1], let b = sessions[k], b < a {
                Console.error("\(history.versions[k].name) (session \(b)) comes after \(history.versions[k - 1].name) (session \(a)); give versions oldest first",
                              prefix: "warning")
            }
        }
    }

    /// The session number of a symbol such as "75/68".
    private static func sessionNumber(_ symbol: String) -> Int? {
        Int(symbol.prefix { $0.isNumber })
    }

    /// The renderer for the format asked for (text unless -f or -o's extension says otherwise).
    private func renderer(_ arguments: Arguments, format: ReportFormat? = nil) -> any ComparisonRenderer {
        switch format ?? arguments.format ?? .text {
        case .text:
            TextRenderer(options: .init(color: useColor(arguments), context: arguments.context,
                                        full: arguments.full, statOnly: arguments.stat))
        case .json: JSONRenderer()
        case .html: HTMLRenderer()
        case .markdown: MarkdownRenderer(options: .init(context: arguments.context, full: arguments.full))
        }
    }

    private func useColor(_ arguments: Arguments) -> Bool {
        switch arguments.color {
        case .always: true
        case .never: false
        case .auto: arguments.output == nil && Console.isTerminal && !Console.noColor
        }
    }

    /// Writes the report to -o's file (atomically) or to standard output.
    private func emit(_ report: String, _ arguments: Arguments) throws {
        if let output = arguments.output {
            try Files.writeAtomically(report, to: output, inputs: arguments.paths)
        } else {
            Console.out(report)
        }
    }
}
