/// The header of a resolution: the fields a drafter reads before the chapeau.
///
/// Every field is optional: texts arrive without some of them. Values keep
/// the source's characters with whitespace collapsed.
public struct Header: Hashable, Sendable {
    /// A header field, in the order the fields stand in a resolution.
    public enum Field: String, Hashable, Sendable, CaseIterable, Codable {
        case session
        case agendaItem
        case adoptionDate
        case committeeReport
        case symbol
        case title
    }

    /// "Seventy-fifth session".
    public var session: String?
    /// "Agenda item 103 (oo)".
    public var agendaItem: String?
    /// "7 December 2020", from "Resolution adopted by the General Assembly on …".
    public var adoptionDate: String?
    /// "A/75/399, para. 96", from "[on the report of the First Committee (…)]".
    public var committeeReport: String?
    /// "75/68", the resolution's symbol.
    public var symbol: String?
    /// The resolution's title.
    public var title: String?
    /// The agenda item's own title, the line(s) between "Agenda item …" and
    /// "Resolution adopted …" ("General and complete disarmament: …").
    /// Not a ``Field``: it is the agenda's wording, not the resolution's.
    public var agendaItemTitle: String?
    /// Every line of the header as read (markup removed, white space collapsed),
    /// recognized or not, so that no header word is lost; empty when built by hand.
    public var lines: [String]

    /// Creates a header; every field defaults to absent.
    public init(session: String? = nil, agendaItem: String? = nil, adoptionDate: String? = nil,
                committeeReport: String? = nil, symbol: String? = nil, title: String? = nil,
                agendaItemTitle: String? = nil, lines: [String] = []) {
        self.session = session
        self.agendaItem = agendaItem
        self.adoptionDate = adoptionDate
        self.committeeReport = committeeReport
        self.symbol = symbol
        self.title = title
        self.agendaItemTitle = agendaItemTitle
        self.lines = lines
    }

    /// The value of `field`, or nil when the text has none.
    public subscript(field: Field) -> String? {
        get {
            switch field {
            case .session: session
            case .agendaItem: agendaItem
            case .adoptionDate: adoptionDate
            case .committeeReport: committeeReport
            case .symbol: symbol
            case .title: title
            }
        }
        set {
            switch field {
            case .session: session = newValue
            case .agendaItem: agendaItem = newValue
            case .adoptionDate: adoptionDate = newValue
            case .committeeReport: committeeReport = newValue
            case .symbol: symbol = newValue
            case .title: title = newValue
            }
        }
    }

    /// True when no field was recognized.
    public var isEmpty: Bool { Field.allCases.allSatisfy { self[$0] == nil } }
}
