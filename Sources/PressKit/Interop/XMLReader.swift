import CLibXML2

/// An XML element read by `XMLReader`: namespace URI, local name, attributes and children, in order.
public struct XMLTreeElement: Sendable {
    public struct Attribute: Sendable {
        public var namespace: String
        public var name: String
        public var value: String
    }

    public var namespace: String
    public var name: String
    public var attributes: [Attribute]
    public var children: [XMLTreeContent]

    /// The value of the attribute with this local name (in `namespace` when given, else in any).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.value
    }

    /// The child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLTreeElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The child elements with this local name.
    public func children(_ name: String) -> [XMLTreeElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { return e } else { return nil } }
    }

    /// The first descendant element with this local name (depth first, this element excluded).
    public func descendant(_ name: String) -> XMLTreeElement? {
        for case .element(let e) in children {
            if e.name == name { return e }
            if let found = e.descendant(name) { return found }
        }
        return nil
    }

    /// All descendant elements with this local name, in document order.
    public func descendants(_ name: String) -> [XMLTreeElement] {
        var out: [XMLTreeElement] = []
        for case .element(let e) in children {
            if e.name == name { out.append(e) }
            out += e.descendants(name)
        }
        return out
    }

    /// The concatenated text of this element and its descendants.
    public var text: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): out += e.text
            }
        }
        return out
    }
}

/// A child of an element: an element or text (character data and CDATA, entity-free).
public enum XMLTreeContent: Sendable {
    case element(XMLTreeElement)
    case text(String)
}

/// A general, safe XML reader on libxml2: parses a document into an `XMLTreeElement` tree. No DTD is loaded,
/// no entity is expanded, nothing is fetched from the network, and a document with a DOCTYPE is refused
/// outright (no part presskit reads has one, and it is how entity attacks begin). Nesting is bounded by
/// libxml2's own depth limit (256, as `XML_PARSE_HUGE` is not set).
public enum XMLReader {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The root element of `bytes`, or a `PressKitError` (invalid input) naming `name` when they are not
    /// well-formed, namespace-correct XML or declare a DOCTYPE.
    public static func parse(_ bytes: [UInt8], name: String = "XML") throws -> XMLTreeElement {
        try XMLLibrary.load()
        _ = initialized
        guard !bytes.isEmpty else { throw PressKitError(.invalidInput, "\(name) is empty") }
        presskit_xml_silence_errors()
        // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NODICT.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(clamping: buffer.count), "part.xml", nil, options)
            }
        }
        guard let doc else { throw PressKitError(.invalidInput, "\(name) is not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw PressKitError(.invalidInput, "\(name) declares a DOCTYPE, refused (no DTD or entity is read)")
        }
        guard let root = xmlDocGetRootElement(doc) else { throw PressKitError(.invalidInput, "\(name) has no root element") }
        var namespaces = NamespaceStrings()
        return try convert(root, name: name, namespaces: &namespaces)
    }

    /// Namespace URIs as strings, made once per declaration of a parse (libxml2 shares one `xmlNs` among
    /// the nodes in its scope), so a part's thousands of elements share a few strings.
    private struct NamespaceStrings {
        var last: UnsafePointer<xmlChar>?
        var lastString = ""
        var known: [UnsafePointer<xmlChar>: String] = [:]

        mutating func string(_ href: UnsafePointer<xmlChar>?) -> String {
            guard let href else { return "" }
            if href == last { return lastString }
            let s: String
            if let found = known[href] {
                s = found
            } else {
                s = String(cString: href)
                known[href] = s
            }
            last = href
            lastString = s
            return s
        }
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func convert(_ node: xmlNodePtr, name: String, namespaces: inout NamespaceStrings) throws -> XMLTreeElement {
        var element = XMLTreeElement(namespace: namespaces.string(node.pointee.ns?.pointee.href), name: string(node.pointee.name),
                                 attributes: [], children: [])
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var c = a.pointee.children
            while let n = c {
                if let content = n.pointee.content { value += String(cString: content) }
                c = n.pointee.next
            }
            element.attributes.append(.init(namespace: namespaces.string(a.pointee.ns?.pointee.href), name: string(a.pointee.name), value: value))
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let n = child {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(try convert(n, name: name, namespaces: &namespaces)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { element.children.append(.text(String(cString: content))) }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE:
                throw PressKitError(.invalidInput, "\(name) uses an entity, refused")
            default:
                break
            }
            child = n.pointee.next
        }
        return element
    }
}
