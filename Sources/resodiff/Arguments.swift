import ResoDiff

/// The command line, parsed: what to compare and how to report it.
struct Arguments {
    enum ColorMode: String {
        case auto, always, never
    }

    enum Mode: Equatable {
        case help
        case version
        case compare
        case parse
    }

    var mode: Mode = .compare
    var paths: [String] = []
    var format: ReportFormat?
    var color: ColorMode = .auto
    var context = 0
    var full = false
    var stat = false
    var quiet = false
    var threshold = 0.5
    var ignoreTechnical = false
    var output: String?
    /// Kinds and categories that make the exit status 1 (nil: any difference).
    var failOn: Set<ChangeClass>?
    /// Set when git called us as GIT_EXTERNAL_DIFF (seven arguments): the path git shows.
    var gitPath: String?
    /// --staged: compare each named file's staged version with its HEAD version (for hooks).
    var staged = false


    /// A usage error, reported as one line and exit status 2.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses the arguments after the program name.
    init(_ arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        if rest.first == "parse" {
            mode = .parse
            rest = rest.dropFirst()
        }
        var onlyPaths = false
        while let argument = rest.popFirst() {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inlineValue = String(argument[argument.index(after: eq)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst() else { throw UsageError(description: "option \(name) needs a value") }
                return next
            }
            switch name {
            case "--": onlyPaths = true
            case "-h", "--help": mode = .help
            case "--version": mode = .version
            case "--format", "-f":
                let v = try value()
                guard let f = ReportFormat(rawValue: v) else {
                    throw UsageError(description: "unknown format '\(v)' (use text, json, html or markdown)")
                }
                format = f
            case "--color", "--colour":
                let v = inlineValue ?? "always"
                guard let c = ColorMode(rawValue: v) else {
                    throw UsageError(description: "--color takes auto, always or never, not '\(v)'")
                }
                color = c
            case "--no-color": color = .never
            case "--context", "-U":
                let v = try value()
                guard let n = Int(v), n >= 0 else { throw UsageError(description: "--context takes a whole number, not '\(v)'") }
                context = n
            case "--full": full = true
            case "--stat": stat = true
            case "-q", "--quiet", "--brief": quiet = true
            case "--threshold":
                let v = try value()
                guard let t = Double(v), t > 0, t <= 1 else {
                    throw UsageError(description: "--threshold takes a number above 0 and at most 1, not '\(v)'")
                }
                threshold = t
            case "--ignore-technical": ignoreTechnical = true
            case "--staged": staged = true
            case "-o", "--output": output = try value()
            case "--fail-on":
                var classes = Set<ChangeClass>()
                for word in try value().split(separator: ",") {
                    let name = Arguments.trimmingSpaces(word)
                    guard let c = ChangeClass(rawValue: name) else {
                        let known = ChangeClass.allCases.map(\.rawValue).joined(separator: ", ")
                        throw UsageError(description: "--fail-on: unknown kind '\(name)' (use \(known))")
                    }
                    classes.insert(c)
                }
                failOn = classes
            default:
                throw UsageError(description: "unknown option '\(argument)' (see resodiff --help)")
            }
        }
        // git's external diff protocol: path old-file old-hex old-mode new-file new-hex new-mode.
        if mode == .compare && paths.count == 7 && Arguments.looksLikeGitExternalDiff(paths) {
            gitPath = paths[0]
            paths = [paths[1], paths[4]]
        }
        if staged {
            if paths.isEmpty { throw UsageError(description: "--staged needs the files to check") }
            if paths.contains("-") { throw UsageError(description: "--staged takes file paths, not '-'") }
        } else if mode == .compare && paths.count < 2 {
            throw UsageError(description: "expected two files to compare, got \(paths.count) (see resodiff --help)")
        }
        if mode == .parse && paths.count != 1 {
            throw UsageError(description: "resodiff parse takes one file, got \(paths.count)")
        }
        if format == nil, let output, let implied = ReportFormat(path: output) { format = implied }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError(description: "standard input ('-') can be given for one side only")
        }
    }

    /// `text` without the spaces and tabs around it: tab, every space
    /// separator (U+0020, no-break space, the typographic spaces) and the
    /// zero-width space, as Foundation's `CharacterSet.whitespaces` has them;
    /// line breaks stay.
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// True when seven arguments have the shape git gives an external diff:
    /// object names (hex or ".") in positions 3 and 6, modes (octal or ".") in 4 and 7.
    static func looksLikeGitExternalDiff(_ a: [String]) -> Bool {
        func isHex(_ s: String) -> Bool { s == "." || (s.count >= 7 && s.allSatisfy(\.isHexDigit)) }
        func isMode(_ s: String) -> Bool { s == "." || (s.count == 6 && s.allSatisfy { ("0"..."7").contains($0) }) }
        return isHex(a[2]) && isMode(a[3]) && isHex(a[5]) && isMode(a[6])
    }

    static let help = """
    OVERVIEW: Show what changed between two versions of a UN General Assembly resolution.

    Aligns the paragraphs of both versions and reports each change in drafting
    terms: added, removed, reworded (with the word-level changes), moved, split,
    merged, and unchanged but renumbered ("OP6 (was OP5)").

    USAGE: resodiff [options] <old> <new> [<newer> ...]
           resodiff --staged [options] <file> ...
           resodiff parse [--format text|json] <file>

    ARGUMENTS:
      <old> <new>             The two versions, oldest first; '-' reads standard input.
      <newer> ...             More versions: the history of each paragraph across all of them.
                              Called by git as GIT_EXTERNAL_DIFF (seven arguments), resodiff
                              reports on the path git names and exits 0 unless in trouble.

    OPTIONS:
      -f, --format <format>   Report format: text, html, markdown or json (default: text, or
                              the one -o's file extension names: .txt .html .md .json).
      -o, --output <file>     Write the report to <file> (atomically) instead of standard output.
      --color[=<when>]        Colour: auto, always or never (default: auto; NO_COLOR disables auto).
      -U, --context <n>       Unchanged paragraphs shown around each change (default: 0).
      --full                  Show every paragraph, unchanged ones included.
      --stat                  Print the summary line only.
      -q, --quiet             Print nothing; report through the exit status only.
      --threshold <x>         Word similarity (0-1] at which a removed and an added
                              paragraph count as one reworded paragraph (default: 0.5).
      --staged                In a git work tree: compare each <file>'s staged version
                              with its HEAD version (for pre-commit hooks).
      --ignore-technical      Leave technical rewordings (session numbers, dates,
                              symbols) and header changes out of the report and exit status.
      --fail-on <kinds>       Exit 1 only for these, comma-separated: added, removed,
                              reworded, moved, split, merged, technical, verb,
                              substantive, header, any (default: any difference).
      -h, --help              Show this help.
      --version               Show the version.

    EXIT STATUS:
      0  the versions are the same (paragraph by paragraph, as compared)
      1  the versions differ (with --fail-on: in one of the kinds named)
      2  trouble: a bad argument, or an input that cannot be read as text

    """
}
