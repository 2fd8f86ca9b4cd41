import CLibXML2

/// Checks XML with libxml2 (no DTD, no entities, no network): well-formedness, and for raw fragments the
/// namespaces and names of the elements they hold.
public enum XMLWellFormedness {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// What a parsed document holds: the root's child elements (namespace URI, local name) and the
    /// namespace URIs of every element.
    public struct Outline: Sendable {
        public var children: [(namespace: String, name: String)]
        public var namespaces: Set<String>
        /// Whether the root holds text of its own (other than white space).
        public var rootHasText: Bool
    }

    /// True when `bytes` parse as a well-formed, namespace-correct XML document. Documents with a DOCTYPE
    /// are refused outright: nothing presskit reads this way has one, and it is how entity attacks begin.
    public static func check(_ bytes: [UInt8]) -> Bool {
        outline(bytes) != nil
    }

    /// The outline of a well-formed document, or nil.
    public static func outline(_ bytes: [UInt8]) -> Outline? {
        _ = initialized
        if bytes.isEmpty || contains(bytes, "<!DOCTYPE") || contains(bytes, "<!ENTITY") { return nil }
        presskit_xml_silence_errors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "fragment.xml", "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        var outline = Outline(children: [], namespaces: [], rootHasText: false)
        func namespace(_ node: xmlNodePtr) -> String {
            guard let ns = node.pointee.ns, let href = ns.pointee.href else { return "" }
            return String(cString: href)
        }
        func name(_ node: xmlNodePtr) -> String {
            node.pointee.name.map { String(cString: $0) } ?? ""
        }
        var child = root.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { outline.children.append((namespace(node), name(node))) }
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
               let content = node.pointee.content,
               String(cString: content).contains(where: { !$0.isWhitespace }) {
                outline.rootHasText = true
            }
            child = node.pointee.next
        }
        // Every element, without recursion (a hostile fragment may nest deeply).
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE { outline.namespaces.insert(namespace(node)) }
            var c = node.pointee.children
            while let n = c {
                stack.append(n)
                c = n.pointee.next
            }
        }
        return outline
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}
