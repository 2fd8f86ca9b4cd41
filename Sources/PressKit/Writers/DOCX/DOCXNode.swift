/// A small XML element value for the fixed parts of a DOCX package (styles, numbering, settings): built as
/// data, written through `XMLWriter`, so no markup is ever assembled by string concatenation.
struct DOCXNode: Sendable {
    var name: String
    var attributes: [(String, String)]
    var children: [DOCXNode]
    var text: String?

    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [DOCXNode] = [],
         text: String? = nil) {
        self.name = name
        self.attributes = attributes.map { ($0.key, $0.value) }
        self.children = children
        self.text = text
    }

    /// Writes this element and its children.
    func write(into xml: inout XMLWriter) {
        xml.open(name, attributes.map { ($0.0, Optional($0.1)) })
        if let text { xml.text(text) }
        for child in children { child.write(into: &xml) }
        xml.close()
    }

    /// `<w:NAME w:val="VALUE"/>`, the commonest WordprocessingML shape.
    static func val(_ name: String, _ value: String) -> DOCXNode {
        DOCXNode(name, ["w:val": value])
    }
}

/// The namespaces a DOCX package uses.
enum DOCXNamespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// The namespace declarations of a WordprocessingML part's root element.
    static let wordRoot: [(String, String?)] = [
        ("xmlns:w", w), ("xmlns:r", r), ("xmlns:wp", wp), ("xmlns:a", a), ("xmlns:pic", pic),
    ]
}
