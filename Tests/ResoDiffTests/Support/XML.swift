import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

// XML helpers for the HTML renderer tests: every page must parse as XML.

/// The page parsed as XML, failing the test when it is not well-formed.
func xml(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLDocument {
    try XMLDocument(data: Data(html.utf8), options: [.nodePreserveWhitespace])
}

/// Every element with an `id`, by id, in document order (a tree walk:
/// XPath attribute tests are unreliable on namespaced documents here).
func elementsByID(_ document: XMLDocument) throws -> [(id: String, element: XMLElement)] {
    var found: [(id: String, element: XMLElement)] = []
    func visit(_ element: XMLElement) {
        if let id = element.attributes?.first(where: { ($0.localName ?? $0.name) == "id" })?.stringValue {
            found.append((id, element))
        }
        for child in element.children ?? [] {
            if let child = child as? XMLElement { visit(child) }
        }
    }
    if let root = document.rootElement() { visit(root) }
    return found
}

/// All elements named `name`, whatever their namespace.
func elements(_ name: String, in document: XMLDocument) throws -> [XMLElement] {
    try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
}

/// The value of the attribute `name` of `element`, whatever its namespace.
func attribute(_ name: String, of element: XMLElement) -> String? {
    element.attributes?.first(where: { ($0.localName ?? $0.name) == name })?.stringValue
}
