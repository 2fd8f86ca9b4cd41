import CLibXML2

/// Parses HTML with libxml2 into an `HTMLDOM`: the only code in the library that calls libxml2's HTML parser
/// (the tests hold it to a copy of libxml2's own tree, `Tests/PressKitTests/HTMLReader/HTMLTreeCopy.swift`).
///
/// The input must already be UTF-8 (see `HTMLEncoding`): libxml2 is told so and ignores any declaration.
/// Network access and entity loading are off; errors are silenced. The DOM is built from libxml2's SAX events
/// (`htmlParseDocument` with its own handler), so libxml2 never builds its tree: the events are the ones its
/// tree builder (SAX2.c) receives, and `SAXBuilder` applies them as it does — element names split at the
/// first colon, boolean attributes without a value valued by their name, adjacent text (and adjacent CDATA)
/// merged, comments and processing instructions ending a text run, nothing outside the root element — and as
/// the copy of the tree did (skipped elements, scripts kept only for JSON-LD, empty text dropped). The events
/// arrive in a loop inside libxml2, so a deeply nested page cannot overflow the stack here.
enum HTMLParser {
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// The bytes libxml2 is given: NULs dropped (libxml2 stops at NUL; HTML drops it as a parse error), the
    /// internal DTD subset removed, start tags cut to their first 512 attributes, an empty page made a minimal one.
    static func prepared(_ bytes: [UInt8]) -> [UInt8] {
        _ = initialized
        var input = bytes
        if ByteScan.contains(0, in: input) { input.removeAll { $0 == 0 } }
        input = HTMLInternalSubset.removed(from: input)
        input = HTMLAttributeCap.capped(input)
        if input.isEmpty { input = Array("<html><body></body></html>".utf8) }
        return input
    }

    /// Parses UTF-8 HTML bytes into a DOM whose node 0 is the `html` element (an empty DOM for empty input).
    /// `isValidUTF8`: the caller vouches that the bytes are valid UTF-8 (`HTMLEncoding.utf8`'s output always
    /// is), so they are not validated again; otherwise they are checked here.
    static func parse(utf8 bytes: [UInt8], isValidUTF8: Bool = false) -> HTMLDOM {
        let input = prepared(bytes)
        presskit_xml_silence_errors()
        // Nodes are about one and a half per `<` (a start tag makes an element; text follows most tags): the
        // node array is reserved once instead of doubling (a copy of it at the peak of a large page).
        let tags = ByteScan.count(of: UInt8(ascii: "<"), in: input)
        let box = SAXBuilder.Box(SAXBuilder(capacity: tags + tags / 2 + 16))
        // Dropping NULs, the internal subset and attributes past the cap (all cut at ASCII bytes) keeps valid UTF-8 valid.
        let valid = isValidUTF8 || UTF8Validation.isValid(input)
        input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let context = htmlCreateMemoryParserCtxt(pointer, Int32(buffer.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                htmlCtxtUseOptions(context, options)
                context.pointee.html = 1
                if valid {
                    // Read as UTF-8 without a decoder: htmlReadMemory's switch to one converts a second copy of
                    // the whole input, and these bytes are valid UTF-8 already (HTMLEncoding's output always is).
                    context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
                } else if let handler = xmlFindCharEncodingHandler("UTF-8") {
                    // Otherwise as htmlReadMemory(…, "UTF-8", …) reads them.
                    xmlSwitchToEncoding(context, handler)
                    if let old = context.pointee.input.pointee.encoding {
                        presskit_xmlFree(UnsafeMutableRawPointer(mutating: old))
                    }
                    context.pointee.input.pointee.encoding = UnsafePointer(xmlCharStrdup("UTF-8"))
                }
                guard let sax = context.pointee.sax else { return }
                SAXBuilder.install(on: sax)
                context.pointee.userData = Unmanaged.passUnretained(box).toOpaque()
                withExtendedLifetime(box) { _ = htmlParseDocument(context) }
                context.pointee.userData = nil
            }
        }
        box.builder.finishRun()
        box.builder.dom.finish()
        return box.builder.dom
    }

    static func lowercased(_ s: String) -> String {
        s.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? s.fastLowercased() : s
    }
}

/// Builds the DOM from SAX events, as libxml2's tree builder followed by the tree copy would. A struct in a
/// box: each event is one access to the box's builder (a class's own stored properties are checked for
/// exclusive access at every use, a dozen times an element).
struct SAXBuilder {
    final class Box {
        var builder: SAXBuilder
        init(_ builder: SAXBuilder) { self.builder = builder }
    }

    /// What was last added under an open element: text runs merge only with a text run right before them.
    enum Last { case none, element, text, cdata, other }

    struct Frame {
        /// The element's DOM index; -1 inside a skipped subtree.
        var index: Int
        var last: Last = .none
        /// The DOM index of the text node `last` refers to (-1 when that text was empty so far).
        var textIndex = -1
    }

    var dom = HTMLDOM()
    private var stack: [Frame] = []
    /// A text run that came in several pieces (libxml2 hands text over in chunks and at each character
    /// reference): its bytes gather here and become the node's text once, at its exact size, when the next
    /// run starts or the parse ends (appending to the node's string grew it geometrically, up to twice the
    /// text's size: a large page's JSON-LD arrives in thousands of pieces).
    private var run: [UInt8] = []
    /// The text node `run` belongs to (-1: none).
    private var runIndex = -1
    /// The root element has been closed. An element started after that goes where libxml2's tree builder
    /// puts an element with no open parent: into the document's first child when that is the root element,
    /// else beside it (outside the root, so never in the DOM).
    private var rootClosed = false
    /// A DOCTYPE was read: its node is then the document's first child, wherever it stood.
    private var sawDoctype = false
    /// A comment or processing instruction came before the root element: the document's first child.
    private var otherBeforeRoot = false
    private var elementNames = HTMLNameCache<HTMLTag>()
    private var attributeNames = HTMLNameCache<HTMLAttribute>()

    init(capacity: Int) {
        dom.reserveCapacity(capacity)
    }

    static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.internalSubset = { context, _, _, _ in
            SAXBuilder.from(context).builder.sawDoctype = true
        }
        sax.pointee.externalSubset = nil
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.reference = nil
        // The tree builder's ignorableWhitespace does nothing (and with blanks kept it is never called).
        sax.pointee.ignorableWhitespace = nil
        sax.pointee.startElement = { context, name, attributes in
            SAXBuilder.from(context).builder.startElement(name, attributes)
        }
        sax.pointee.endElement = { context, _ in
            SAXBuilder.from(context).builder.endElement()
        }
        sax.pointee.characters = { context, characters, length in
            SAXBuilder.from(context).builder.text(characters, length, kind: .text)
        }
        sax.pointee.cdataBlock = { context, characters, length in
            SAXBuilder.from(context).builder.text(characters, length, kind: .cdata)
        }
        sax.pointee.comment = { context, _ in
            SAXBuilder.from(context).builder.other()
        }
        sax.pointee.processingInstruction = { context, _, _ in
            SAXBuilder.from(context).builder.other()
        }
    }

    fileprivate static func from(_ context: UnsafeMutableRawPointer?) -> Box {
        Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
    }

    fileprivate mutating func startElement(_ fullName: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let fullName else { return }
        var parent = stack.last?.index ?? -1
        if stack.isEmpty {
            if rootClosed {
                // Into the root when the root is the document's first child, else beside it.
                guard !sawDoctype, !otherBeforeRoot, !dom.nodes.isEmpty else { stack.append(Frame(index: -1)); return }
                parent = 0
            } else if !dom.nodes.isEmpty {
                stack.append(Frame(index: -1))
                return
            }
        } else {
            let top = stack.count - 1
            stack[top].last = .element
            if stack[top].index < 0 { stack.append(Frame(index: -1)); return }
        }
        let (name, tag) = elementNames.name(fullName) {
            let name = HTMLParser.lowercased(Self.localName($0))
            return (name, HTMLTag(name: name))
        }
        // Elements whose content is never wanted (`HTMLTag.isSkipped`) are dropped with everything inside.
        if name.isEmpty || tag.isSkipped || (tag == .script && !Self.isJSONLD(attributes)) {
            stack.append(Frame(index: -1))
            return
        }
        let index = dom.append(name: name, text: "", parent: parent, tag: tag)
        if var pair = attributes {
            while let attributeName = pair.pointee {
                let value = pair.successor().pointee
                let (name, kind) = attributeNames.name(attributeName) {
                    let name = HTMLParser.lowercased(String(cString: $0))
                    return (name, HTMLAttribute(name: name))
                }
                dom.appendAttribute(name: name, value: Self.value(value, of: attributeName), kind: kind)
                pair += 2
            }
        }
        stack.append(Frame(index: index))
    }

    fileprivate mutating func endElement() {
        guard stack.popLast() != nil else { return }
        if stack.isEmpty { rootClosed = true }
    }

    fileprivate mutating func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32, kind: Last) {
        let top = stack.count - 1
        guard top >= 0 else { return }
        let merges = stack[top].last == kind
        stack[top].last = kind
        guard stack[top].index >= 0, let characters, length > 0 else {
            if !merges { stack[top].textIndex = -1 }
            return
        }
        let piece = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
        let textIndex = stack[top].textIndex
        if merges, textIndex >= 0 {
            if runIndex != textIndex {
                finishRun()
                run.append(contentsOf: dom.nodes[textIndex].text.utf8)
                runIndex = textIndex
            }
            run.append(contentsOf: piece.utf8)
        } else {
            finishRun()
            stack[top].textIndex = dom.append(name: "", text: piece, parent: stack[top].index)
        }
    }

    /// Gives the pending text run (if any) to its node.
    mutating func finishRun() {
        guard runIndex >= 0 else { return }
        dom.nodes[runIndex].text = String(decoding: run, as: UTF8.self)
        run.removeAll(keepingCapacity: true)
        runIndex = -1
    }

    fileprivate mutating func other() {
        if !stack.isEmpty {
            stack[stack.count - 1].last = .other
        } else if !rootClosed, dom.nodes.isEmpty {
            otherBeforeRoot = true
        }
    }

    /// The element's name as libxml2's tree builder stores it (xmlSplitQName): after the first colon, unless
    /// the colon starts or ends the name.
    private static func localName(_ fullName: UnsafePointer<xmlChar>) -> String {
        let full = String(cString: fullName)
        let bytes = full.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else { return full }
        let rest = bytes.index(after: colon)
        guard rest != bytes.endIndex else { return full }
        return String(full[rest...])
    }

    /// An attribute's value; one given without a value is its own name when HTML defines it as boolean
    /// (`checked`, `disabled`, …), else empty.
    private static func value(_ value: UnsafePointer<xmlChar>?, of name: UnsafePointer<xmlChar>) -> String {
        if let value { return String(cString: value) }
        return htmlIsBooleanAttr(name) != 0 ? String(cString: name) : ""
    }

    /// Scripts are kept only when they hold JSON-LD metadata: the first `type` attribute says so.
    private static func isJSONLD(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard var pair = attributes else { return false }
        while let attributeName = pair.pointee {
            if HTMLParser.lowercased(String(cString: attributeName)) == "type" {
                return HTMLParser.lowercased(value(pair.successor().pointee, of: attributeName)).hasSubstring("ld+json")
            }
            pair += 2
        }
        return false
    }
}
