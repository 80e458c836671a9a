import Foundation
@testable import ResoDiff

/// Histories and batches for the history and batch renderer tests: the
/// three samples as versions, a small batch built from them, and hostile
/// names and texts.
enum HistoryBatchFixtures {
    /// The sample files, oldest first.
    static let sampleNames = ["A-RES-73-illustrative.txt", "A-RES-75-68.txt", "A-RES-77-illustrative.txt"]

    /// A sample's text.
    static func sample(_ name: String) throws -> String {
        try String(contentsOf: samplesDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The samples of sessions 73, 75 and 77 as a three-version history,
    /// named by their file names (never absolute paths: goldens must not
    /// depend on where the repository is).
    static func sampleHistory() throws -> History {
        History(versions: try sampleNames.map { ($0, Resolution(parsing: try sample($0))) })
    }

    /// OP1 of ``hostileHistory`` in v1: ``RenderingFixtures/hostileText`` with other markup.
    static let hostileOldText = RenderingFixtures.hostileText
        .replacingOccurrences(of: "~~gone~~ `code`", with: "old & <i>words</i>")

    /// A three-version history whose names, title and paragraphs carry
    /// hostile text: v2 rewords OP1 into ``RenderingFixtures/hostileText``,
    /// adds a paragraph with markup in it; a paragraph with quotes in its
    /// label is removed in v3.
    static var hostileHistory: History {
        func op(_ label: String, _ number: String, _ text: String) -> Paragraph {
            Paragraph(kind: .operative, label: label, number: number, text: text)
        }
        let chapeau = Paragraph(kind: .chapeau, label: "Chapeau", text: "The General Assembly,")
        let header = Header(symbol: "1/1", title: "<b>Bold</b> & \"title\" 'x' 大会")
        let v1 = Resolution(header: header, paragraphs: [
            chapeau, op("OP1", "1", hostileOldText),
            op("OP\"9'", "2", "</td></tr></table><script>alert(3)</script> & Генеральная Ассамблея;"),
        ])
        let v2 = Resolution(header: header, paragraphs: [
            chapeau, op("OP1", "1", RenderingFixtures.hostileText),
            op("OP\"9'", "2", "</td></tr></table><script>alert(3)</script> & Генеральная Ассамблея;"),
            op("OP3<x>", "3", "<script>alert(2)</script> </style> الجمعية العامة"),
        ])
        let v3 = Resolution(header: header, paragraphs: [
            chapeau, op("OP1", "1", RenderingFixtures.hostileText),
            op("OP3<x>", "3", "<script>alert(2)</script> </style> الجمعية العامة"),
        ])
        return History(versions: [("<v1>&\"'.txt", v1), ("v2 </style>.txt", v2), ("v3 大会.txt", v3)])
    }

    /// Two texts that differ only by a technical update (a resolution number and a date).
    static let routineOld = """
        The General Assembly,

        Recalling its resolution 73/50 of 5 December 2018,

        Decides to remain seized of the matter.
        """
    static let routineNew = """
        The General Assembly,

        Recalling its resolution 74/50 of 12 December 2019,

        Decides to remain seized of the matter.
        """

    /// Old side: the 73 sample and a routine text, plus one withdrawn;
    /// new side: the 75 sample under the 73 sample's name, the routine
    /// update, and the 77 sample under a name of its own.
    static func sampleBatch() throws -> Batch {
        Batch(old: [
            Batch.Document(name: "session-73/disarmament.txt", text: try sample(sampleNames[0])),
            Batch.Document(name: "session-73/routine.txt", text: routineOld),
            Batch.Document(name: "session-73/withdrawn.txt", text: "The General Assembly,\n\nNotes the report;"),
        ], new: [
            Batch.Document(name: "session-75/disarmament.txt", text: try sample(sampleNames[1])),
            Batch.Document(name: "session-75/routine.txt", text: routineNew),
            Batch.Document(name: "session-75/strengthening 77.txt", text: try sample(sampleNames[2])),
        ])
    }

    /// A batch whose names carry markup, quotes, `&`, `#`, `?` and non-Latin text.
    static var hostileBatch: Batch {
        Batch(old: [
            Batch.Document(name: "old/<b>&\"'#?.txt", text: routineOld),
            Batch.Document(name: "old/</style> gone.txt", text: "Notes the report;"),
        ], new: [
            Batch.Document(name: "new/<b>&\"'#?.txt", text: "The General Assembly,\n\n" + RenderingFixtures.hostileText),
            Batch.Document(name: "new/<script>alert(1)</script> 大会.txt", text: "Notes the report;"),
        ])
    }
}
