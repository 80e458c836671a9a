import Testing
@testable import ResoDiff

/// Builds a resolution from preambular and operative texts, each starting
/// with its opening phrase, labelled as the parser labels them.
func resolution(pp: [String], op: [String], header: Header = Header()) -> Resolution {
    func opening(_ text: String) -> String {
        let known = ["Stressing also", "Calls upon", "Calls for", "Recalling also", "Takes note", "Expresses the need",
                     "Strongly urges"]
        if let phrase = known.first(where: { text.hasPrefix($0 + " ") }) { return phrase }
        return String(text.prefix { $0 != " " })
    }
    var paragraphs = [Paragraph(kind: .chapeau, label: "Chapeau", text: "The General Assembly,")]
    for (n, text) in pp.enumerated() {
        paragraphs.append(Paragraph(kind: .preambular, label: "PP\(n + 1)", opening: opening(text), text: text))
    }
    for (n, text) in op.enumerated() {
        paragraphs.append(Paragraph(kind: .operative, label: "OP\(n + 1)", number: "\(n + 1)",
                                    opening: opening(text), text: text))
    }
    return Resolution(header: header, paragraphs: paragraphs)
}

let basePP = [
    "Recalling its previous relevant resolutions,",
    "Recognizing the common interest of all humankind in strengthening and developing the system of arms control,",
    "Stressing the vital importance of efforts in arms control, disarmament and non-proliferation for providing international peace,",
    "Mindful that it is the responsibility and obligation of all Member States to contribute to easing international tension,",
]
let baseOP = [
    "Urges all States parties to arms control treaties and agreements to implement all provisions of such treaties in their entirety;",
    "Calls for continued efforts to strengthen the system of arms control and to preserve its integrity and validity;",
    "Encourages States in a position to do so to provide, upon request, technical assistance and capacity-building;",
    "Requests the Secretary-General to continue to provide assistance that may be necessary in protecting the integrity of treaties;",
    "Notes the importance of effective verification provisions for arms control, disarmament and non-proliferation treaties;",
    "Decides to include in the provisional agenda of its seventy-seventh session the item entitled “General and complete disarmament”.",
]

/// The changes that are differences, as (kind, old labels, new labels).
func differences(_ comparison: Comparison) -> [String] {
    comparison.changes.filter(\.isDifference).map { change in
        let old = change.old.map(\.label).joined(separator: "+"), new = change.new.map(\.label).joined(separator: "+")
        let category = change.rewording.map { " \($0.category.rawValue)" } ?? ""
        return "\(change.kind.rawValue) \(old)>\(new)\(category)"
    }
}

@Suite("Aligner: what happened to each paragraph")
struct AlignerTests {
    let aligner = Aligner()

    @Test("a paragraph removed with nothing in its place is reported where it stood, before the paragraphs after it")
    func removalInDocumentOrder() {
        let old = resolution(pp: basePP, op: baseOP)
        let new = resolution(pp: [basePP[0]] + basePP[2...], op: Array(baseOP[..<2]) + baseOP[3...])
        let changes = aligner.compare(old, new).changes
        let order = changes.map { change in
            change.kind == .removed ? "-" + change.old[0].label : (change.new.first?.label ?? "?")
        }
        #expect(order == ["Chapeau", "PP1", "-PP2", "PP2", "PP3", "OP1", "OP2", "-OP3", "OP3", "OP4", "OP5"])
    }

    @Test("identical documents: every paragraph unchanged, no differences")
    func identical() {
        let doc = resolution(pp: basePP, op: baseOP)
        let comparison = aligner.compare(doc, doc)
        #expect(!comparison.hasDifferences)
        #expect(comparison.changes.count == doc.paragraphs.count)
        #expect(comparison.changes.allSatisfy { $0.kind == .unchanged && !$0.isRenumbered })
    }

    @Test("a change of spacing next to punctuation only is unchanged; with other edits, both texts rebuild")
    func spacingNextToPunctuation() {
        var pp = basePP
        pp[2] = pp[2].replacingOccurrences(of: "efforts in", with: "efforts ( in").replacingOccurrences(of: "peace,", with: "peace ,")
        let spaced = resolution(pp: pp, op: baseOP)
        var tight = pp
        tight[2] = tight[2].replacingOccurrences(of: "( in", with: "(in").replacingOccurrences(of: "peace ,", with: "peace,")
        #expect(!aligner.compare(spaced, resolution(pp: tight, op: baseOP)).hasDifferences)

        tight[2] = tight[2].replacingOccurrences(of: "vital", with: "paramount")
        let comparison = aligner.compare(spaced, resolution(pp: tight, op: baseOP))
        #expect(differences(comparison) == ["reworded PP3>PP3 substantive"])
        let words = comparison.changes.first { $0.kind == .reworded }?.rewording?.words ?? []
        #expect(words.filter { $0.operation != .insert }.map(\.text).joined() == pp[2])
        #expect(words.filter { $0.operation != .delete }.map(\.text).joined() == tight[2])
    }

    @Test("an inserted operative paragraph renumbers the rest without rewording them")
    func insertionRenumbers() {
        var op = baseOP
        op.insert("Emphasizes the importance of dialogue and cooperation among States parties to resolve concerns;", at: 2)
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        #expect(differences(comparison) == ["added >OP3"])
        let renumbered = comparison.changes.filter(\.isRenumbered).map { "\($0.old[0].label)>\($0.new[0].label)" }
        #expect(renumbered == ["OP3>OP4", "OP4>OP5", "OP5>OP6", "OP6>OP7"])
    }

    @Test("a removed paragraph")
    func removal() {
        var op = baseOP
        op.remove(at: 4)
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        #expect(differences(comparison) == ["removed OP5>"])
    }

    @Test("a substantive rewording keeps its pairing and shows the inserted words")
    func substantiveRewording() {
        var op = baseOP
        op[3] = "Requests the Secretary-General to continue to provide, within existing resources, assistance that may be necessary in protecting the integrity of treaties;"
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        #expect(differences(comparison) == ["reworded OP4>OP4 substantive"])
        let words = comparison.changes.first { $0.kind == .reworded }?.rewording?.words ?? []
        #expect(words.filter { $0.operation == .insert }.map(\.text) == [", within existing resources,"])
        #expect(words.filter { $0.operation == .delete }.isEmpty)
    }

    @Test("a session update is technical")
    func technicalRewording() {
        var op = baseOP
        op[5] = op[5].replacingOccurrences(of: "seventy-seventh", with: "seventy-ninth")
        var pp = basePP
        pp[0] = "Recalling its resolution 75/68 of 7 December 2020,"
        var oldPP = basePP
        oldPP[0] = "Recalling its resolution 73/55 of 5 December 2018,"
        let comparison = aligner.compare(resolution(pp: oldPP, op: baseOP), resolution(pp: pp, op: op))
        #expect(differences(comparison) == ["reworded PP1>PP1 technical", "reworded OP6>OP6 technical"])
    }

    @Test("a stronger operative verb is a verb change, with its direction", arguments: [
        ("Encourages", "Urges", VerbChange.Direction.stronger),
        ("Urges", "Encourages", .weaker),
        ("Encourages", "Calls upon", .stronger),
        ("Notes", "Welcomes", .stronger),
        ("Encourages", "Decides", .neutral),
    ])
    func verbChange(from: String, to: String, direction: VerbChange.Direction) {
        var op = baseOP
        op[2] = op[2].replacingOccurrences(of: "Encourages", with: to)
        var oldOP = baseOP
        oldOP[2] = oldOP[2].replacingOccurrences(of: "Encourages", with: from)
        let comparison = aligner.compare(resolution(pp: basePP, op: oldOP), resolution(pp: basePP, op: op))
        #expect(differences(comparison) == ["reworded OP3>OP3 verb"])
        let verb = comparison.changes.first { $0.kind == .reworded }?.rewording?.verb
        #expect(verb == VerbChange(old: from, new: to, direction: direction))
    }

    @Test("a verb change with other edits is substantive and still reports the verb")
    func verbWithSubstance() {
        var op = baseOP
        op[2] = "Urges States in a position to do so to provide, upon request and without delay, technical assistance and capacity-building;"
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        let rewording = comparison.changes.first { $0.kind == .reworded }?.rewording
        #expect(rewording?.category == .substantive)
        #expect(rewording?.verb?.direction == .stronger)
    }

    @Test("a paragraph moved within the preamble is one move, not a removal and an addition")
    func moveWithinPreamble() {
        let pp = [basePP[0], basePP[3], basePP[1], basePP[2]]
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: pp, op: baseOP))
        let diffs = differences(comparison)
        #expect(diffs.count == 1)
        #expect(diffs.first?.hasPrefix("moved ") == true)
    }

    @Test("a paragraph moved from the preamble to the operative part, reworded a little")
    func moveAcrossParts() {
        let pp = Array(basePP.dropLast())
        let op = baseOP + ["Mindful that it is the responsibility and obligation of all Member States to contribute to easing international tension;"]
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: pp, op: op))
        #expect(differences(comparison) == ["moved PP4>OP7"])
        // The key ignores the terminal punctuation, so the move needs no rewording.
        #expect(comparison.changes.first { $0.kind == .moved }?.rewording == nil)
    }

    @Test("one paragraph split into two")
    func split() {
        var pp = basePP
        pp[2] = "Stressing the vital importance of efforts in arms control,"
        pp.insert("Stressing also disarmament and non-proliferation for providing international peace,", at: 3)
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: pp, op: baseOP))
        #expect(differences(comparison) == ["split PP3>PP3+PP4 substantive"])
    }

    @Test("two paragraphs merged into one")
    func merge() {
        var op = baseOP
        op[3] = "Requests the Secretary-General to continue to provide assistance that may be necessary in protecting the integrity of treaties, and notes the importance of effective verification provisions for arms control, disarmament and non-proliferation treaties;"
        op.remove(at: 4)
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        #expect(differences(comparison) == ["merged OP4+OP5>OP4 substantive"])
    }

    @Test("a rewritten paragraph below the threshold is a removal and an addition")
    func belowThreshold() {
        var op = baseOP
        op[1] = "Invites the Conference on Disarmament to commence substantive work on its agenda without further delay;"
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: basePP, op: op))
        #expect(Set(differences(comparison)) == ["removed OP2>", "added >OP2"])
    }

    @Test("the threshold option decides whether a loose rewording pairs")
    func thresholdOption() {
        var op = baseOP
        op[1] = "Calls for renewed efforts to strengthen the regime of arms control and to preserve its credibility;"
        let old = resolution(pp: basePP, op: baseOP), new = resolution(pp: basePP, op: op)
        #expect(differences(Aligner(options: .init(threshold: 0.3)).compare(old, new)) == ["reworded OP2>OP2 substantive"])
        #expect(differences(Aligner(options: .init(threshold: 0.95)).compare(old, new)).count == 2)
    }

    @Test("every edit kind at once, each found")
    func combined() {
        var pp = basePP
        pp.insert("Recalling also its resolution 75/68 of 7 December 2020,", at: 1)     // added
        var op = baseOP
        op[2] = op[2].replacingOccurrences(of: "Encourages", with: "Calls upon")       // verb
        op[5] = op[5].replacingOccurrences(of: "seventy-seventh", with: "seventy-ninth") // technical
        op.remove(at: 4)                                                               // removed
        op.insert("Emphasizes the importance of dialogue and cooperation among States parties to resolve concerns;", at: 1)
        let comparison = aligner.compare(resolution(pp: basePP, op: baseOP), resolution(pp: pp, op: op))
        #expect(differences(comparison) == [
            "added >PP2", "added >OP2", "reworded OP3>OP4 verb", "removed OP5>", "reworded OP6>OP6 technical",
        ])
        #expect(Summary(comparison)[.unchanged] == comparison.changes.count - 5)
    }

    @Test("header fields are compared as fields")
    func headerFields() {
        let old = resolution(pp: basePP, op: baseOP, header: Header(session: "Seventy-fifth session", symbol: "75/68"))
        let new = resolution(pp: basePP, op: baseOP, header: Header(session: "Seventy-seventh session", symbol: "77/71"))
        let comparison = aligner.compare(old, new)
        #expect(comparison.headerChanges.map(\.field) == [.session, .symbol])
        #expect(comparison.changes.allSatisfy { !$0.isDifference })
        #expect(comparison.hasDifferences)
        #expect(!comparison.ignoringTechnicalChanges().hasDifferences)
    }

    @Test("property: renumbering operative paragraphs alone never reads as a rewording")
    func renumberingProperty() {
        var rng = SplitMix64(seed: 2020)
        for _ in 0..<50 {
            let count = Int.random(in: 1...baseOP.count, using: &rng)
            let op = Array(baseOP.shuffled(using: &rng).prefix(count))
            let old = resolution(pp: basePP, op: op)
            // The same paragraphs with new numbers, as a renumbering leaves them.
            var new = old
            let shift = Int.random(in: 1...9, using: &rng)
            new.paragraphs = old.paragraphs.map { p in
                guard p.kind == .operative, let n = p.number.flatMap(Int.init) else { return p }
                return Paragraph(kind: .operative, label: "OP\(n + shift)", number: "\(n + shift)", opening: p.opening, text: p.text)
            }
            let comparison = aligner.compare(old, new)
            #expect(!comparison.changes.contains { $0.kind == .reworded })
            #expect(comparison.changes.filter(\.isRenumbered).count == count)
        }
    }
}

/// Rewordings of many groups are worked out on all cores, each run of
/// them with a context of its own (`Work.groupedChanges`); each must be
/// the rewording worked out alone, as a comparison of a few paragraphs
/// does it on one thread.
@Suite("Aligner: rewordings worked out in parallel")
struct ParallelRewordingTests {
    static let verbs = ["Urges", "Calls upon", "Encourages", "Requests", "Notes", "Decides", "Invites", "Stresses"]

    /// Operative paragraph `n`, in its old or new version: every fourth changes its
    /// verb, every third a session number, the rest gain or lose words.
    static func paragraph(_ n: Int, new: Bool) -> String {
        let verb = verbs[(n + (new && n % 4 == 0 ? 1 : 0)) % verbs.count]
        let session = new && n % 3 == 0 ? "seventy-ninth" : "seventy-seventh"
        let extra = new && n % 3 != 0 ? ", within existing resources," : ""
        return "\(verb) all States\(extra) to report on measure \(n) of the programme (item \(n * 7 % 97)) "
            + "at its \(session) session, in cooperation with the organizations concerned \(n);"
    }

    @Test("every rewording of 150 paragraphs equals the one worked out alone")
    func parallelEqualsAlone() {
        let count = 150
        let old = resolution(pp: [], op: (0..<count).map { Self.paragraph($0, new: false) })
        let new = resolution(pp: [], op: (0..<count).map { Self.paragraph($0, new: true) })
        let all = Aligner().compare(old, new)
        let reworded = all.changes.filter { $0.kind == .reworded }
        #expect(reworded.count == count, "\(differences(all).prefix(5))")
        for change in reworded {
            let alone = Aligner().compare(Resolution(header: Header(), paragraphs: change.old),
                                          Resolution(header: Header(), paragraphs: change.new))
            #expect(alone.changes.map(\.rewording) == [change.rewording], "\(change.old.map(\.label))")
        }
    }
}

/// Replaced stretches are paired on two threads when there are many of them
/// (`Work.slots(for:)`), each thread with its own word interner and bags; the
/// comparison must be the one a single thread gives.
@Suite("Aligner: stretches paired in parallel")
struct ParallelPairingTests {
    @Test("many stretches of every kind: the same comparison on two threads as on one (pairing and list)",
          arguments: [1, 2, 3])
    func parallelEqualsSequential(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = 400
        // Stretches of one to four paragraphs between unchanged ones: reworded, removed,
        // added, split, merged, and moved across the document.
        // Twenty words drawn from two thousand: distinct paragraphs share few words.
        func text(_ n: Int) -> String {
            "Requests " + (0..<20).map { _ in "w\(random.next() % 2000)" }.joined(separator: " ") + " \(n);"
        }
        let oldOps = (0..<count).map(text)
        var newOps: [String] = []
        var moved: [String] = []
        for (n, paragraph) in oldOps.enumerated() {
            switch (n % 9, random.next() % 4) {
            case (1, _): newOps.append(paragraph.replacingOccurrences(of: "measure", with: "the measure"))
            case (2, 0): continue  // removed
            case (3, _): newOps.append(paragraph); newOps.append("Decides to add item \(n) on the \(n)th question;")
            case (4, 1): newOps.append(String(paragraph.prefix(60)) + ";"); newOps.append("Also " + paragraph.dropFirst(60))
            case (5, 2): moved.append(paragraph)
            case (6, _) where newOps.last.map({ $0.hasSuffix(";") }) == true:
                newOps[newOps.count - 1] = String(newOps[newOps.count - 1].dropLast()) + ", and " + paragraph
            default: newOps.append(paragraph)
            }
            if n % 50 == 49, !moved.isEmpty { newOps.append(moved.removeFirst()) }
        }
        newOps += moved
        let old = resolution(pp: [], op: oldOps), new = resolution(pp: [], op: newOps)
        var sequential = Aligner.Options()
        sequential.parallelPairingMinimum = .max
        sequential.parallelFillMinimum = .max
        var parallel = Aligner.Options()
        parallel.parallelFillMinimum = 0  // the list of changes made on two threads as well
        let one = Aligner(options: sequential).compare(old, new)
        let two = Aligner(options: parallel).compare(old, new)
        #expect(Set(one.changes.map(\.kind)).isSuperset(of: [.reworded, .removed, .added, .moved]))
        #expect(one.changes.filter(\.isDifference).count > 100)
        let firstDifference = zip(one.changes, two.changes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(two.changes.count == one.changes.count)
        #expect(firstDifference == nil, "the first change that differs: \(differences(one).count) differences in all")
        #expect(two.headerChanges == one.headerChanges)
    }
}
