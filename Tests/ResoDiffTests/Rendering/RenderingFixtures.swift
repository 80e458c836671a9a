import Foundation
@testable import ResoDiff

/// Hand-built comparisons for the renderer tests: every kind of change,
/// every category, a verb change, header changes, and hostile text.
enum RenderingFixtures {
    static func paragraph(_ kind: Paragraph.Kind, _ label: String, _ number: String?,
                          opening: String? = nil, _ text: String) -> Paragraph {
        Paragraph(kind: kind, label: label, number: number, opening: opening, text: text)
    }

    // Old version.
    static let chapeau = paragraph(.chapeau, "Chapeau", nil, "The General Assembly,")
    static let pp1Old = paragraph(.preambular, "PP1", "1", opening: "Recalling",
                                  "Recalling its resolution 73/50 of 5 December 2018,")
    static let pp2Old = paragraph(.preambular, "PP2", "2", opening: "Noting with concern",
                                  "Noting with concern the continued growth of arsenals,")
    static let op1Old = paragraph(.operative, "OP1", "1", opening: "Encourages",
                                  "Encourages all States to ratify the Treaty;")
    static let op2Old = paragraph(.operative, "OP2", "2", opening: "Requests",
                                  "Requests the Secretary-General to report to the Assembly and to circulate the report to all Member States;")
    static let op3Old = paragraph(.operative, "OP3", "3", opening: "Welcomes",
                                  "Welcomes the efforts of regional organizations;")
    static let op4Old = paragraph(.operative, "OP4", "4", opening: "Calls upon",
                                  "Calls upon States to exchange information;")
    static let op5Old = paragraph(.operative, "OP5", "5", opening: "Invites",
                                  "Invites States to share best practices;")
    static let op6Old = paragraph(.operative, "OP6", "6", opening: "Stresses",
                                  "Stresses the importance of transparency;")
    static let op7Old = paragraph(.operative, "OP7", "7", opening: "Decides",
                                  "Decides to include in the provisional agenda of its seventy-fifth session the item entitled \"General and complete disarmament\".")

    // New version.
    static let pp1New = paragraph(.preambular, "PP1", "1", opening: "Recalling",
                                  "Recalling its resolution 74/50 of 12 December 2019,")
    static let pp2New = paragraph(.preambular, "PP2", "2", opening: "Welcoming",
                                  "Welcoming the report of the Secretary-General,")
    static let pp3New = paragraph(.preambular, "PP3", "3", opening: "Noting with concern",
                                  "Noting with concern the continued growth of arsenals,")
    static let op1New = paragraph(.operative, "OP1", "1", opening: "Urges",
                                  "Urges all States to ratify the Treaty without delay;")
    static let op2New = paragraph(.operative, "OP2", "2", opening: "Stresses",
                                  "Stresses the importance of transparency;")
    static let op3New = paragraph(.operative, "OP3", "3", opening: "Requests",
                                  "Requests the Secretary-General to report to the Assembly;")
    static let op4New = paragraph(.operative, "OP4", "4", opening: "Also requests",
                                  "Also requests the Secretary-General to circulate the report to all Member States;")
    static let op5New = paragraph(.operative, "OP5", "5", opening: "Calls upon",
                                  "Calls upon States to exchange information and to share best practices;")
    static let op6New = paragraph(.operative, "OP6", "6", opening: "Decides",
                                  "Decides to include in the provisional agenda of its seventy-sixth session the item entitled \"General and complete disarmament\".")

    static let oldHeader = Header(session: "Seventy-fourth session", agendaItem: "Agenda item 99",
                                  adoptionDate: "12 December 2019", symbol: "74/50",
                                  title: "General and complete disarmament")
    static let newHeader = Header(session: "Seventy-fifth session", agendaItem: "Agenda item 99",
                                  adoptionDate: "7 December 2020", committeeReport: "A/75/399, para. 96",
                                  symbol: "75/68", title: "General and complete disarmament")

    /// Every kind of change, in new-document order, removed ones where they stood.
    static var sample: Comparison {
        let changes: [Change] = [
            Change(kind: .unchanged, old: [chapeau], new: [chapeau]),
            Change(kind: .reworded, old: [pp1Old], new: [pp1New], rewording: Rewording(
                category: .technical, similarity: 0.625, words: [
                    WordEdit(.equal, "Recalling its resolution"), WordEdit(.delete, " 73/50"),
                    WordEdit(.insert, " 74/50"), WordEdit(.equal, " of"), WordEdit(.delete, " 5"),
                    WordEdit(.insert, " 12"), WordEdit(.equal, " December"), WordEdit(.delete, " 2018"),
                    WordEdit(.insert, " 2019"), WordEdit(.equal, ","),
                ])),
            Change(kind: .added, old: [], new: [pp2New]),
            Change(kind: .unchanged, old: [pp2Old], new: [pp3New]),
            Change(kind: .reworded, old: [op1Old], new: [op1New], rewording: Rewording(
                category: .substantive, similarity: 5.0 / 7.0, words: [
                    WordEdit(.delete, "Encourages"), WordEdit(.insert, "Urges"),
                    WordEdit(.equal, " all States to ratify the Treaty"), WordEdit(.insert, " without delay"),
                    WordEdit(.equal, ";"),
                ], verb: VerbChange(old: "Encourages", new: "Urges", direction: .stronger))),
            Change(kind: .moved, old: [op6Old], new: [op2New]),
            Change(kind: .split, old: [op2Old], new: [op3New, op4New], rewording: Rewording(
                category: .substantive, similarity: 0.8, words: [
                    WordEdit(.equal, "Requests the Secretary-General to report to the Assembly"),
                    WordEdit(.delete, " and"), WordEdit(.insert, "; Also requests the Secretary-General"),
                    WordEdit(.equal, " to circulate the report to all Member States;"),
                ])),
            Change(kind: .removed, old: [op3Old], new: []),
            Change(kind: .merged, old: [op4Old, op5Old], new: [op5New], rewording: Rewording(
                category: .substantive, similarity: 0.9, words: [
                    WordEdit(.equal, "Calls upon States to exchange information"), WordEdit(.delete, "; Invites States"),
                    WordEdit(.insert, " and"), WordEdit(.equal, " to share best practices;"),
                ])),
            Change(kind: .reworded, old: [op7Old], new: [op6New], rewording: Rewording(
                category: .technical, similarity: 0.95, words: [
                    WordEdit(.equal, "Decides to include in the provisional agenda of its"),
                    WordEdit(.delete, " seventy-fifth"), WordEdit(.insert, " seventy-sixth"),
                    WordEdit(.equal, " session the item entitled \"General and complete disarmament\"."),
                ])),
        ]
        return Comparison(
            oldName: "A-RES-74-50.txt", newName: "A-RES-75-68.txt",
            old: Resolution(header: oldHeader, paragraphs: [chapeau, pp1Old, pp2Old, op1Old, op2Old, op3Old,
                                                            op4Old, op5Old, op6Old, op7Old]),
            new: Resolution(header: newHeader, paragraphs: [chapeau, pp1New, pp2New, pp3New, op1New, op2New,
                                                            op3New, op4New, op5New, op6New]),
            headerChanges: [
                .init(field: .session, old: oldHeader.session, new: newHeader.session),
                .init(field: .adoptionDate, old: oldHeader.adoptionDate, new: newHeader.adoptionDate),
                .init(field: .committeeReport, old: nil, new: newHeader.committeeReport),
                .init(field: .symbol, old: oldHeader.symbol, new: newHeader.symbol),
            ],
            changes: changes)
    }

    /// Text that must stay text in every format.
    static let hostileText = """
        Decides <script>alert(1)</script> </style> & "quotes" 'apostrophes' \
        [click](javascript:alert(1)) *bold* _em_ ~~gone~~ `code` # | $x$ \\ \
        الجمعية العامة 大会 Генеральная Ассамблея;
        """

    /// A comparison whose names, header and paragraphs carry hostile text.
    static var hostile: Comparison {
        let title = "<b>Bold</b> & \"title\" 'x' 大会"
        let old1 = paragraph(.operative, "OP1", "1", "Notes the report;")
        let new1 = paragraph(.operative, "OP1", "1", hostileText)
        let added = paragraph(.operative, "OP2<x>", "2", "<script>alert(2)</script> Генеральная")
        let removed = paragraph(.operative, "OP\"9'", "9", "</td></tr></table><script>alert(3)</script>")
        return Comparison(
            oldName: "<old>&\"'.txt", newName: "new <script>.txt",
            old: Resolution(header: Header(title: "plain"), paragraphs: [old1, removed]),
            new: Resolution(header: Header(title: title), paragraphs: [new1, added]),
            headerChanges: [.init(field: .title, old: "plain", new: title)],
            changes: [
                Change(kind: .reworded, old: [old1], new: [new1], rewording: Rewording(
                    category: .substantive, similarity: 0.1, words: [
                        WordEdit(.delete, "Notes the report;"), WordEdit(.insert, hostileText),
                    ])),
                Change(kind: .added, old: [], new: [added]),
                Change(kind: .removed, old: [removed], new: []),
            ])
    }

    /// Two small texts that the aligner turns into a real comparison.
    static let alignedOld = """
        The General Assembly,

        Recalling its resolution 73/50 of 5 December 2018,

        Encourages all States to ratify the Treaty;

        Welcomes the efforts of regional organizations;

        Stresses the importance of transparency;

        Decides to remain seized of the matter.
        """
    static let alignedNew = """
        The General Assembly,

        Recalling its resolution 74/50 of 12 December 2019,

        Stresses the importance of transparency;

        Welcoming the report of the Secretary-General,

        Urges all States to ratify the Treaty without delay;

        Decides to remain seized of the matter.
        """

    static var aligned: Comparison {
        Aligner().compare(Resolution(parsing: alignedOld), Resolution(parsing: alignedNew),
                          oldName: "old.txt", newName: "new.txt")
    }

    /// Two compilations of the samples, large enough for a report's changes
    /// to be written on two threads: every kind of change, rewordings, verbs.
    static func compilation() throws -> Comparison {
        let (old, new) = try compilationTexts()
        return Aligner().compare(Resolution(parsing: old), Resolution(parsing: new), oldName: "old.txt", newName: "new.txt")
    }

    /// Three versions of ``compilation()``'s texts: old, new, old; enough
    /// lineages for a history's report to be written on two threads.
    static func compilationHistory() throws -> History {
        let (old, new) = try compilationTexts()
        return History(versions: [("a.txt", Resolution(parsing: old)), ("b.txt", Resolution(parsing: new)),
                                  ("c.txt", Resolution(parsing: old))])
    }

    /// The texts of ``compilation()``: six times the 73rd-session sample
    /// and 75/68, then six times the 77th-session sample and 75/68.
    static func compilationTexts() throws -> (old: String, new: String) {
        let read = { (name: String) in
            try String(contentsOf: samplesDirectory.appendingPathComponent(name), encoding: .utf8)
        }
        let s73 = try read("A-RES-73-illustrative.txt"), s75 = try read("A-RES-75-68.txt"),
            s77 = try read("A-RES-77-illustrative.txt")
        return (Array(repeating: s73 + "\n\n" + s75, count: 6).joined(separator: "\n\n"),
                Array(repeating: s77 + "\n\n" + s75, count: 6).joined(separator: "\n\n"))
    }
}
