import CCMark
import Synchronization

/// The only Swift file that calls cmark-gfm: parses Markdown and turns the C nodes into `Block` values,
/// freeing every C object before it returns. cmark-gfm is loaded on first use (a dlopen in `CCMark`), so
/// conversions of other inputs do not load it.
///
/// cmark-gfm changes a global table inside `cmark_parser_finish`, so two parses finishing at the same time on
/// two threads can lose strikethrough and autolinks. A process-wide lock is held around that one call.
enum CMarkParser {
    /// Which syntax the parser accepts.
    struct Syntax: Sendable {
        /// GFM extensions: tables, strikethrough, autolinks and task lists. The tag filter is not attached: it
        /// changes only how cmark renders raw HTML, and the tree keeps raw HTML as written.
        var gfm: Bool
        /// `[^label]` footnotes.
        var footnotes: Bool
    }

    /// Containers nested deeper than this are flattened into their ancestor at this depth.
    static let maxDepth = 200

    /// Loads cmark-gfm once per process; throws when it cannot be loaded (not installed). Without this, the
    /// first cmark-gfm call exits with the same message.
    static func load() throws {
        guard pk_cmark_load() != 0 else {
            throw PressKitError(.internal, String(cString: pk_cmark_load_error()))
        }
    }

    private static let finishLock = Mutex(())
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses UTF-8 Markdown into blocks in time linear in its size: blocks too costly for cmark-gfm
    /// 0.29.0.gfm.6's quadratic cases are parsed in pieces (MarkdownWorkBound), and `warn` names each.
    static func parse(_ text: String, syntax: Syntax, warn: (String) -> Void) -> [Block] {
        let bytes = Array(text.utf8)
        guard MarkdownWorkBound.needsBound(bytes) else { return parseWhole(bytes, syntax: syntax, warn: warn) }
        let lines = MarkdownWorkBound.lines(bytes)
        // First parse: the neutralised copy, only for where the blocks are.
        let outline: [MarkdownWorkBound.Outline]
        do {
            let tablesOnly = Syntax(gfm: false, footnotes: syntax.footnotes)
            guard let root = tree(MarkdownWorkBound.neutralised(lines), syntax: tablesOnly, tables: syntax.gfm) else { return [] }
            defer { cmark_node_free(root) }
            outline = Self.outline(root)
        }
        let token = MarkdownWorkBound.token(for: bytes)
        let (second, heavy) = MarkdownWorkBound.plan(lines, outline: outline, token: token)
        guard !heavy.isEmpty else { return parseWhole(bytes, syntax: syntax, warn: warn) }
        guard let root = tree(second, syntax: syntax) else { return [] }
        defer { cmark_node_free(root) }
        var converter = CMarkConverter(linkBudget: CMarkConverter.linkBudget(for: bytes.count))
        converter.token = token
        converter.heavy = heavy
        converter.syntax = syntax
        converter.definitions = MarkdownWorkBound.definitions(lines)
        let blocks = converter.convertDocument(root)
        if converter.linksCapped { warn(CMarkConverter.linksCappedWarning) }
        for block in heavy {
            let size = block.text.count >= 1 << 20 ? "\(((block.text.count * 10) >> 20) / 10).\(((block.text.count * 10) >> 20) % 10) MB"
                : block.text.count >= 1024 ? "\(block.text.count >> 10) KB" : "\(block.text.count) bytes"
            warn("line \(block.line): \(block.description) of \(size) has too much inline markup to parse in bounded time; "
                + "it was parsed in \(MarkdownWorkBound.pieces(block.text).count) pieces, and emphasis, links or code crossing "
                + "a piece's end are kept as plain text")
        }
        return blocks
    }

    static func parseWhole(_ bytes: [UInt8], syntax: Syntax, warn: (String) -> Void = { _ in }) -> [Block] {
        guard let root = tree(bytes, syntax: syntax) else { return [] }
        defer { cmark_node_free(root) }
        var converter = CMarkConverter(linkBudget: CMarkConverter.linkBudget(for: bytes.count))
        let blocks = converter.convertDocument(root)
        if converter.linksCapped { warn(CMarkConverter.linksCappedWarning) }
        return blocks
    }

    /// Parses bytes into a cmark tree (the caller frees it). `tables` attaches the table extension alone.
    static func tree(_ bytes: [UInt8], syntax: Syntax, tables: Bool = false) -> OpaquePointer? {
        _ = registered
        var options: Int32 = 0
        if syntax.footnotes { options |= 1 << 13 }  // CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        let extensions = syntax.gfm ? ["table", "strikethrough", "autolink", "tasklist"] : tables ? ["table"] : []
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = bytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        bytes = []
        // cmark-gfm's finish step is not thread-safe (FACTS.md): one at a time.
        nonisolated(unsafe) let finishing = parser
        // The tree crosses the lock as an address (a pointer is not Sendable).
        let address = finishLock.withLock { _ in UInt(bitPattern: cmark_parser_finish(finishing)) }
        return OpaquePointer(bitPattern: address)
    }

    /// The paragraphs, headings and tables of a tree, with their lines, in document order.
    static func outline(_ root: OpaquePointer) -> [MarkdownWorkBound.Outline] {
        var out: [MarkdownWorkBound.Outline] = []
        var node: OpaquePointer? = cmark_node_first_child(root)
        while let current = node {
            let type = cmark_node_get_type(current)
            var descend = true
            func add(_ kind: MarkdownWorkBound.Outline.Kind) {
                out.append(.init(kind: kind, startLine: Int(cmark_node_get_start_line(current)),
                                 startColumn: Int(cmark_node_get_start_column(current)),
                                 endLine: Int(cmark_node_get_end_line(current))))
                descend = false
            }
            if type == CMARK_NODE_PARAGRAPH {
                add(.paragraph)
            } else if type == CMARK_NODE_HEADING {
                add(.heading(Int(cmark_node_get_heading_level(current))))
            } else if !CMarkConverter.isBlock(type) || CMarkConverter.isLeaf(current) {
                descend = false
            } else if CMarkConverter.string(cmark_node_get_type_string(current)) == "table" {
                add(.table(columns: Int(cmark_gfm_extensions_get_table_columns(current))))
            }
            if descend, let child = cmark_node_first_child(current) {
                node = child
                continue
            }
            var up: OpaquePointer? = current
            node = nil
            while let at = up, at != root {
                if let next = cmark_node_next(at) { node = next; break }
                up = cmark_node_parent(at)
            }
        }
        return out
    }

    /// A heavy block's text as inlines: parsed piece by piece, each as the continuation of a paragraph.
    static func inlines(ofHeavy text: [UInt8], syntax: Syntax, depth: Int,
                        definitions: [[UInt8]: ArraySlice<UInt8>] = [:], linkBudget: inout Int, linksCapped: inout Bool) -> [Inline] {
        var out: [Inline] = []
        func add(_ inline: Inline) {
            if case .text(let more) = inline, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + more)
            } else {
                out.append(inline)
            }
        }
        for (index, piece) in MarkdownWorkBound.pieces(text).enumerated() {
            if index > 0, !piece.glued { add(piece.afterLineEnd ? .softBreak : .text(" ")) }
            // "a " first: the piece is read as a paragraph's continuation, whatever its first characters.
            var converter = CMarkConverter(linkBudget: linkBudget)
            converter.depthOffset = depth
            var blocks: [Block] = []
            // The document's definitions of the reference links the piece uses, after it.
            let source = [UInt8(ascii: "a"), 32] + piece.bytes + MarkdownWorkBound.definitions(referencedBy: piece.bytes, in: definitions)
            if let root = tree(source, syntax: Syntax(gfm: syntax.gfm, footnotes: false)) {
                blocks = converter.convertDocument(root)
                linkBudget = converter.linkBudget
                linksCapped = linksCapped || converter.linksCapped
                cmark_node_free(root)
            }
            if blocks.count == 1, case .paragraph(var parsed) = blocks[0], case .text(let first)? = parsed.first,
               first.hasPrefix("a ") {
                let rest = String(first.dropFirst(2))
                if rest.isEmpty { parsed.removeFirst() } else { parsed[0] = .text(rest) }
                for inline in parsed { add(inline) }
            } else {
                add(.text(String(decoding: piece.bytes, as: UTF8.self)))
            }
        }
        return out
    }
}

/// Walks cmark nodes without recursion, building the tree bottom-up on a stack.
private struct CMarkConverter {
    enum Kind {
        case root, blockQuote, list(ordered: Bool, tight: Bool, start: Int, delimiter: String), item(checked: Bool?)
        case paragraph, heading(Int), emphasis, strong, strikethrough, link(String, String?), image(String, String?)
        case table([Table.Alignment]), row(header: Bool), cell, other
    }

    struct Frame {
        var kind: Kind
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [ListItem] = []
        var header: [[TableCell]] = []
        var rows: [[TableCell]] = []
        var cells: [TableCell] = []
    }

    var frames: [Frame] = []
    /// One entry per container entered: whether it got its own frame (false: flattened).
    var pushed: [Bool] = []
    /// Footnote definitions' content, by their number (1-based, in order of first reference).
    var notes: [[Block]] = []
    /// Blocks parsed in pieces (MarkdownWorkBound): text `token` + index stands for heavy block `index`.
    var token = ""
    var heavy: [MarkdownWorkBound.Heavy] = []
    var syntax = CMarkParser.Syntax(gfm: true, footnotes: true)
    var definitions: [[UInt8]: ArraySlice<UInt8>] = [:]
    var expanded = Set<Int>()
    /// Bytes of link and image targets (and titles) still allowed: reference links repeat their
    /// definition's target, so `[a]: /2KB-url` and 300,000 `[a]` would make a 600 MB document. Past the
    /// budget (as cmark-gfm 0.29.0.gfm.7 and later do), links keep only their text.
    var linkBudget: Int
    var linksCapped = false

    init(linkBudget: Int = .max) {
        self.linkBudget = linkBudget
    }

    /// Twice the input, and at least 100 KB (inline links' targets are part of the input).
    static func linkBudget(for inputBytes: Int) -> Int { max(100_000, 2 * inputBytes) }

    static let linksCappedWarning = "link reference definitions repeated beyond twice the input's size: the links past that "
        + "point are kept as their text (images as their description)"

    mutating func spend(_ url: String, _ title: String?) -> Bool {
        let cost = url.utf8.count + (title?.utf8.count ?? 0)
        guard cost <= linkBudget else {
            linksCapped = true
            return false
        }
        linkBudget -= cost
        return true
    }
    /// Levels already open around this tree (a heavy block's pieces sit inside their paragraph).
    var depthOffset = 0

    mutating func convertDocument(_ root: OpaquePointer) -> [Block] {
        // Footnote definitions come last among the document's children; convert them first so references
        // can carry their content.
        var child = cmark_node_first_child(root)
        var body: [OpaquePointer] = []
        var definitions: [OpaquePointer] = []
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION { definitions.append(node) } else { body.append(node) }
            child = cmark_node_next(node)
        }
        for definition in definitions {
            var content: [Block] = []
            var inner = cmark_node_first_child(definition)
            while let node = inner {
                content += convert(node)
                inner = cmark_node_next(node)
            }
            notes.append(content)
        }
        var blocks: [Block] = []
        for node in body { blocks += convert(node) }
        return blocks
    }

    /// Converts one node and its subtree into blocks.
    mutating func convert(_ top: OpaquePointer) -> [Block] {
        frames = [Frame(kind: .root)]
        pushed = []
        // Depth-first over the C tree by child/sibling/parent links, no recursion: containers get an enter
        // and an exit, leaves only an enter (as cmark's own iterator does).
        var node = top
        while true {
            enter(node)
            if !Self.isLeaf(node) {
                if let child = cmark_node_first_child(node) {
                    node = child
                    continue
                }
                exit(node)
            }
            // Up until a sibling is found.
            while node != top, cmark_node_next(node) == nil {
                guard let parent = cmark_node_parent(node) else { break }
                node = parent
                exit(node)
            }
            if node == top { break }
            guard let next = cmark_node_next(node) else { break }
            node = next
        }
        flushInlines(into: 0)
        return frames[0].blocks
    }

    /// Nodes that cannot have children (cmark's iterator gives them no exit event).
    static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    // MARK: entering and leaving nodes

    mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT:
            let text = Self.literal(node)
            if !heavy.isEmpty, text.contains(token) { appendHeavy(text) } else { appendInline(.text(text)) }
        case CMARK_NODE_SOFTBREAK: appendInline(.softBreak)
        case CMARK_NODE_LINEBREAK: appendInline(.lineBreak)
        case CMARK_NODE_CODE: appendInline(.code(Self.literal(node)))
        case CMARK_NODE_HTML_INLINE: appendInline(.raw(format: "html", text: Self.literal(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let number = Int(Self.literal(node)) ?? 0
            appendInline(.note(number >= 1 && number <= notes.count ? notes[number - 1] : []))
        case CMARK_NODE_CODE_BLOCK:
            let info = Self.string(cmark_node_get_fence_info(node))
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
            appendBlock(.codeBlock(language: language, text: Self.literal(node)))
        case CMARK_NODE_HTML_BLOCK: appendBlock(.raw(format: "html", text: Self.literal(node)))
        case CMARK_NODE_THEMATIC_BREAK: appendBlock(.thematicBreak)
        case CMARK_NODE_DOCUMENT, CMARK_NODE_FOOTNOTE_DEFINITION: push(.other, node: node)
        case CMARK_NODE_BLOCK_QUOTE: push(.blockQuote, node: node)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
            push(.list(ordered: ordered, tight: cmark_node_get_list_tight(node) != 0,
                       start: ordered ? Int(cmark_node_get_list_start(node)) : 1, delimiter: delimiter), node: node)
        case CMARK_NODE_ITEM:
            let isTask = Self.string(cmark_node_get_type_string(node)) == "tasklist"
            push(.item(checked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil), node: node)
        case CMARK_NODE_PARAGRAPH: push(.paragraph, node: node)
        case CMARK_NODE_HEADING: push(.heading(Int(cmark_node_get_heading_level(node))), node: node)
        case CMARK_NODE_EMPH: push(.emphasis, node: node)
        case CMARK_NODE_STRONG: push(.strong, node: node)
        case CMARK_NODE_LINK:
            push(.link(Self.string(cmark_node_get_url(node)), Self.optional(cmark_node_get_title(node))), node: node)
        case CMARK_NODE_IMAGE:
            push(.image(Self.string(cmark_node_get_url(node)), Self.optional(cmark_node_get_title(node))), node: node)
        default:
            switch Self.string(cmark_node_get_type_string(node)) {
            case "table":
                let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                var alignments: [Table.Alignment] = []
                if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                    for i in 0..<columns {
                        switch raw[i] {
                        case UInt8(ascii: "l"): alignments.append(.left)
                        case UInt8(ascii: "c"): alignments.append(.center)
                        case UInt8(ascii: "r"): alignments.append(.right)
                        default: alignments.append(.none)
                        }
                    }
                }
                push(.table(alignments), node: node)
            case "table_header": push(.row(header: true), node: node)
            case "table_row": push(.row(header: false), node: node)
            case "table_cell": push(.cell, node: node)
            case "strikethrough": push(.strikethrough, node: node)
            default:
                // An unknown extension node: keep its content (cmark iterates it like a container).
                push(.other, node: node)
            }
        }
    }

    /// Whether a node type is a block (cmark: type & 0xc000 == 0x8000) rather than an inline (0xc000).
    static func isBlock(_ type: cmark_node_type) -> Bool { type.rawValue & 0xc000 == 0x8000 }

    /// An unknown inline node's children, or its literal when it has none.
    static func literalIfEmpty(_ inlines: [Inline], _ node: OpaquePointer) -> [Inline] {
        if !inlines.isEmpty { return inlines }
        let text = literal(node)
        return text.isEmpty ? [] : [.text(text)]
    }

    mutating func push(_ kind: Kind, node: OpaquePointer) {
        // Rows, cells and items always follow their table or list, so the cap never splits those.
        let parentPushed = pushed.last ?? true
        var structural = false
        switch kind {
        case .row, .cell, .item: structural = parentPushed
        default: break
        }
        if frames.count + depthOffset < CMarkParser.maxDepth || structural {
            frames.append(Frame(kind: kind))
            pushed.append(true)
        } else {
            pushed.append(false)
        }
    }

    mutating func exit(_ node: OpaquePointer) {
        if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE { return }
        guard let own = pushed.popLast() else { return }
        guard own else {
            // A flattened container: its content already went to the frame above; end a paragraph there
            // when a block ends.
            let type = cmark_node_get_type(node)
            if Self.isBlock(type) { flushInlines(into: frames.count - 1) }
            return
        }
        let frame = frames.removeLast()
        switch frame.kind {
        case .root, .other:
            if !Self.isBlock(cmark_node_get_type(node)) {
                appendInlines(Self.literalIfEmpty(frame.inlines, node))
            } else {
                for block in Self.blocks(of: frame) { appendBlock(block) }
            }
        case .blockQuote: appendBlock(.blockQuote(Self.blocks(of: frame)))
        case .list(let ordered, let tight, let start, let delimiter):
            var items = frame.items
            let stray = Self.blocks(of: frame)
            if !stray.isEmpty { items.append(ListItem(blocks: stray)) }
            let list = ListBlock(items: items, tight: tight, start: start, delimiter: delimiter)
            appendBlock(ordered ? .orderedList(list) : .bulletList(list))
        case .item(let checked):
            let item = ListItem(blocks: Self.blocks(of: frame), checked: checked)
            if case .list = frames[frames.count - 1].kind {
                frames[frames.count - 1].items.append(item)
            } else {
                for block in item.blocks { appendBlock(block) }
            }
        case .paragraph:
            var f = frame
            if !f.blocks.isEmpty { f.blocks.append(.paragraph(f.inlines)); for b in f.blocks { appendBlock(b) } } else {
                appendBlock(.paragraph(f.inlines))
            }
        case .heading(let level): appendBlock(.heading(level: level, content: frame.inlines, id: nil))
        case .emphasis: appendInline(.emphasis(frame.inlines))
        case .strong: appendInline(.strong(frame.inlines))
        case .strikethrough: appendInline(.strikethrough(frame.inlines))
        case .link(let url, let title):
            if spend(url, title) {
                appendInline(.link(Link(target: url, title: title, content: frame.inlines)))
            } else {
                appendInlines(frame.inlines)
            }
        case .image(let url, let title) where !spend(url, title):
            appendInline(.text(Self.altText(frame.inlines)))
        case .image(let url, let title):
            appendInline(.image(Image(source: url, alt: Self.altText(frame.inlines), title: title)))
        case .cell:
            let cell = TableCell(frame.inlines)
            if case .row = frames[frames.count - 1].kind {
                frames[frames.count - 1].cells.append(cell)
            } else {
                appendInlines(frame.inlines)
            }
        case .row(let header):
            if case .table = frames[frames.count - 1].kind {
                if header { frames[frames.count - 1].header.append(frame.cells) } else { frames[frames.count - 1].rows.append(frame.cells) }
            } else {
                for cell in frame.cells { for block in cell.blocks { appendBlock(block) } }
            }
        case .table(let alignments):
            appendBlock(.table(Table(alignments: alignments, header: frame.header, rows: frame.rows)))
        }
    }

    // MARK: building

    /// Text holding placeholders: each becomes its heavy block's inlines.
    mutating func appendHeavy(_ text: String) {
        var rest = text[...]
        while let range = rest.firstRange(of: token) {
            if range.lowerBound > rest.startIndex { appendInline(.text(String(rest[..<range.lowerBound]))) }
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isASCII, rest[end].isNumber { end = rest.index(after: end) }
            // Each placeholder is expanded once: the same word made by an entity (`&#120;`) stays text.
            if let index = Int(rest[range.upperBound..<end]), index < heavy.count, expanded.insert(index).inserted {
                appendInlines(CMarkParser.inlines(ofHeavy: heavy[index].text, syntax: syntax, depth: frames.count + depthOffset,
                                                  definitions: definitions, linkBudget: &linkBudget, linksCapped: &linksCapped))
            } else {
                appendInline(.text(String(rest[range.lowerBound..<end])))
            }
            rest = rest[end...]
        }
        if !rest.isEmpty { appendInline(.text(String(rest))) }
    }

    mutating func appendInline(_ inline: Inline) {
        frames[frames.count - 1].inlines.append(inline)
    }

    mutating func appendInlines(_ inlines: [Inline]) {
        frames[frames.count - 1].inlines += inlines
    }

    mutating func appendBlock(_ block: Block) {
        let top = frames.count - 1
        flushInlines(into: top)
        frames[top].blocks.append(block)
    }

    mutating func flushInlines(into index: Int) {
        guard !frames[index].inlines.isEmpty else { return }
        switch frames[index].kind {
        case .paragraph, .heading, .emphasis, .strong, .strikethrough, .link, .image, .cell: return
        default:
            frames[index].blocks.append(.paragraph(frames[index].inlines))
            frames[index].inlines = []
        }
    }

    static func blocks(of frame: Frame) -> [Block] {
        frame.inlines.isEmpty ? frame.blocks : frame.blocks + [.paragraph(frame.inlines)]
    }

    /// An image's description as cmark renders it into `alt`: the text of every text, code and raw inline,
    /// breaks as spaces.
    static func altText(_ inlines: [Inline]) -> String {
        var out = ""
        var stack: [ArraySlice<Inline>] = [inlines[...]]
        while var top = stack.popLast() {
            guard let inline = top.popFirst() else { continue }
            stack.append(top)
            switch inline {
            case .text(let s), .code(let s), .raw(_, let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                stack.append(c[...])
            case .link(let link): stack.append(link.content[...])
            case .image(let image): out += image.alt
            case .note: break
            }
        }
        return out
    }

    // MARK: C strings

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func optional(_ pointer: UnsafePointer<CChar>?) -> String? {
        let s = string(pointer)
        return s.isEmpty ? nil : s
    }

    static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }
}
