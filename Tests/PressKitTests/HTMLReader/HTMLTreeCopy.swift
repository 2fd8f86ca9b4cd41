import CLibXML2
@testable import PressKit

/// The DOM built the first way: libxml2 builds its own tree (`htmlReadMemory`), which is then copied.
/// `HTMLParser.parse` builds the same DOM from libxml2's SAX events without that tree (less than half the
/// memory at the peak); this copy, test code only, is the reference the tests hold it to (`HTMLParserSAXTests`).
extension HTMLParser {
    /// The elements `HTMLParser` leaves out with their content (`HTMLTag.isSkipped`), by name.
    static let skippedElements: Set<String> = [
        "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "audio",
        "video", "select", "textarea", "button", "input", "option", "datalist", "frameset", "frame", "applet",
        "map", "dialog",
    ]

    /// Parses UTF-8 HTML bytes into a DOM through libxml2's tree.
    static func parseCopyingTree(utf8 bytes: [UInt8]) -> HTMLDOM {
        let input = prepared(bytes)
        presskit_xml_silence_errors()
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
        dom.finish()
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

}
