import Foundation
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
        switch parsed.mode {
        case .help:
            Console.out(Arguments.help)
            return 0
        case .version:
            Console.out("resodiff \(version)\n")
            return 0
        case .parse:
            return parse(parsed)
        case .compare:
            return compare(parsed)
        }
    }

    private func parse(_ arguments: Arguments) -> Int32 {
        do {
            let resolution = Resolution(parsing: try Files.read(arguments.paths[0]))
            // Interim listing until the parse report lands with the structural parser.
            Console.out(resolution.paragraphs.map { "\($0.label)\t\($0.kind.rawValue)\t\($0.text.prefix(60))" }
                .joined(separator: "\n") + "\n")
            return 0
        } catch {
            Console.error("\(error)")
            return 2
        }
    }

    private func compare(_ arguments: Arguments) -> Int32 {
        let oldText: String, newText: String
        do {
            oldText = try Files.read(arguments.paths[0])
            newText = try Files.read(arguments.paths[1])
        } catch {
            Console.error("\(error)")
            return 2
        }
        let old = Resolution(parsing: oldText), new = Resolution(parsing: newText)
        for (path, resolution) in [(arguments.paths[0], old), (arguments.paths[1], new)] {
            for notice in resolution.notices { Console.error("\(path): \(notice)", prefix: "notice") }
        }
        let aligner = Aligner(options: .init(threshold: arguments.threshold))
        var comparison = aligner.compare(old, new, oldName: arguments.paths[0], newName: arguments.paths[1])
        if arguments.ignoreTechnical { comparison = comparison.ignoringTechnicalChanges() }
        let status: Int32 = comparison.hasDifferences ? 1 : 0
        if arguments.quiet { return status }

        let format = arguments.format ?? .text
        guard format == .text else {
            Console.error("format '\(format.rawValue)' is not available yet; use text")
            return 2
        }
        let color: Bool
        switch arguments.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = arguments.output == nil && Console.isTerminal && !Console.noColor
        }
        let renderer = TextRenderer(options: .init(color: color, context: arguments.context,
                                                   full: arguments.full, statOnly: arguments.stat))
        let report = renderer.render(comparison)
        if let output = arguments.output {
            do {
                try Files.writeAtomically(report, to: output, inputs: arguments.paths)
            } catch {
                Console.error("\(error)")
                return 2
            }
        } else {
            Console.out(report)
        }
        return status
    }
}
