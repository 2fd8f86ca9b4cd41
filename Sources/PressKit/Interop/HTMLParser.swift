import CLibXML2

/// Parses HTML with libxml2 and converts its tree into an `HTMLDOM`. The only file that calls libxml2.
///
/// The input must already be UTF-8 (see `HTMLEncoding`): libxml2 is told so and ignores any declaration.
/// Network access and entity loading are off; errors are silenced; the libxml2 document is freed before
/// returning. The conversion walks the tree with a loop, so a deeply nested page cannot overflow the stack.
enum HTMLParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Elements whose content is never wanted: dropped with everything inside while converting.
    private static let skippedElements: Set<String> = [
        "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "audio",
        "video", "select", "textarea", "button", "input", "option", "datalist", "frameset", "frame", "applet",
        "map", "dialog",
    ]

    /// Parses UTF-8 HTML bytes into a DOM whose node 0 is the `html` element (an empty DOM for empty input).
    static func parse(utf8 bytes: [UInt8]) -> HTMLDOM {
        _ = initialized
        var input = bytes
        // libxml2 stops at NUL; HTML treats NUL as a parse error and drops it.
        if input.contains(0) { input.removeAll { $0 == 0 } }
        input = HTMLInternalSubset.removed(from: input)
        if input.isEmpty { input = Array("<html><body></body></html>".utf8) }
        presskit_xml_silence_errors()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return HTMLDOM() }
        defer { xmlFreeDoc(doc) }
        var dom = HTMLDOM()
        dom.nodes.reserveCapacity(bytes.count / 40 + 16)
        guard let rootElement = xmlDocGetRootElement(doc) else { return dom }
        convert(rootElement, into: &dom)
        return dom
    }

    /// Walks the libxml2 tree from `root` in document order without recursion.
    private static func convert(_ root: xmlNodePtr, into dom: inout HTMLDOM) {
        var current: xmlNodePtr? = root
        var parentIndex = -1
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { lowercased(String(cString: $0)) } ?? ""
                if !name.isEmpty, !skippedElements.contains(name), keepScript(node, name: name) {
                    let index = dom.append(name: name, text: "", parent: parentIndex)
                    var attribute = node.pointee.properties
                    while let attr = attribute {
                        if let attrName = attr.pointee.name {
                            dom.appendAttribute(name: lowercased(String(cString: attrName)), value: value(of: attr))
                        }
                        attribute = attr.pointee.next
                    }
                    if node.pointee.children != nil {
                        parentIndex = index
                        descend = true
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parentIndex >= 0, let content = node.pointee.content {
                    let text = String(cString: content)
                    if !text.isEmpty { dom.append(name: "", text: text, parent: parentIndex) }
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb until an ancestor has one.
            var climb: xmlNodePtr? = node
            current = nil
            while let c = climb {
                if c == root { break }
                if let next = c.pointee.next {
                    current = next
                    break
                }
                climb = c.pointee.parent
                if let p = climb, p.pointee.type == XML_ELEMENT_NODE, parentIndex >= 0 {
                    parentIndex = Int(dom.nodes[parentIndex].parent)
                }
                if climb == root || climb == nil { break }
            }
        }
    }

    /// Scripts are kept only when they hold JSON-LD metadata.
    private static func keepScript(_ node: xmlNodePtr, name: String) -> Bool {
        guard name == "script" else { return true }
        var attribute = node.pointee.properties
        while let attr = attribute {
            if let n = attr.pointee.name, lowercased(String(cString: n)) == "type" {
                return lowercased(value(of: attr)).contains("ld+json")
            }
            attribute = attr.pointee.next
        }
        return false
    }

    private static func value(of attr: xmlAttrPtr) -> String {
        var out = ""
        var child = attr.pointee.children
        while let c = child {
            if let content = c.pointee.content { out += String(cString: content) }
            child = c.pointee.next
        }
        return out
    }

    private static func lowercased(_ s: String) -> String {
        s.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? s.lowercased() : s
    }
}
