/// Turns pandoc's AST (as a `JSONValue`) into presskit's tree. See `PandocReader` for what is kept.
final class PandocASTDecoder {
    let maxNesting: Int
    /// Where the decoder is, for error messages (`blocks[2]`, `c[1]`, ...).
    private var path: [String] = []
    /// Containers entered so far on the way down.
    private var depth = 0
    private var warningCounts: [String: Int] = [:]
    private var warningOrder: [String] = []

    init(maxNesting: Int) {
        self.maxNesting = maxNesting
    }

    // MARK: - Warnings and errors

    /// Notes a construct presskit has no node for; each kind is reported once, with a count.
    func warn(_ message: String) {
        if warningCounts[message] == nil { warningOrder.append(message) }
        warningCounts[message, default: 0] += 1
    }

    func warningMessages() -> [String] {
        warningOrder.map { message in
            let count = warningCounts[message] ?? 1
            return "pandoc input: " + message + (count > 1 ? " (\(count) times)" : "")
        }
    }

    func fail(_ message: String) -> PandocASTError {
        var text = ""
        for component in path {
            if component.hasPrefix("[") || text.isEmpty { text += component } else { text += "." + component }
        }
        return PandocASTError(message: message, path: text)
    }

    func at<T>(_ component: String, _ body: () throws -> T) throws -> T {
        path.append(component)
        defer { path.removeLast() }
        return try body()
    }

    // MARK: - Shapes

    func array(_ value: JSONValue?, _ what: String) throws -> [JSONValue] {
        guard case .array(let items)? = value else { throw fail("expected \(what) (an array), found \(Self.kind(value))") }
        return items
    }

    /// An array of exactly `count` arguments (a constructor's `"c"`).
    func arguments(_ value: JSONValue?, _ count: Int, _ constructor: String) throws -> [JSONValue] {
        let items = try array(value, "\(constructor)'s \(count) arguments")
        guard items.count == count else {
            throw fail("\(constructor) takes \(count) arguments, found \(items.count)")
        }
        return items
    }

    func string(_ value: JSONValue?, _ what: String = "a string") throws -> String {
        guard case .string(let s)? = value else { throw fail("expected \(what), found \(Self.kind(value))") }
        return s
    }

    func int(_ value: JSONValue?, _ what: String = "an integer") throws -> Int {
        guard case .number(let literal)? = value else { throw fail("expected \(what), found \(Self.kind(value))") }
        if let n = Int(literal) { return n }
        if let d = Double(literal), d.isFinite, d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        throw fail("expected \(what), found the number \(literal)")
    }

    /// A constructor: `{"t": name, "c": content}` (`"c"` absent for nullary constructors).
    func constructor(_ value: JSONValue) throws -> (name: String, content: JSONValue?) {
        guard case .object = value else { throw fail("expected a pandoc element {\"t\": ...}, found \(Self.kind(value))") }
        guard case .string(let name)? = value["t"] else { throw fail("element without a \"t\" string") }
        return (name, value["c"])
    }

    static func kind(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "nothing"
        case .null?: return "null"
        case .bool?: return "a boolean"
        case .number?: return "a number"
        case .string?: return "a string"
        case .array?: return "an array"
        case .object?: return "an object"
        }
    }

    /// `[id, [classes], [[key, value]]]`.
    func attr(_ value: JSONValue) throws -> (id: String, classes: [String], pairs: [(String, String)]) {
        try at("attr") {
            let parts = try arguments(value, 3, "Attr")
            let id = try string(parts[0], "an id string")
            let classes = try array(parts[1], "classes").map { try string($0, "a class name") }
            let pairs = try array(parts[2], "attributes").map { pair -> (String, String) in
                let kv = try arguments(pair, 2, "an attribute pair")
                return (try string(kv[0]), try string(kv[1]))
            }
            return (id, classes, pairs)
        }
    }

    // MARK: - Document

    func document(_ value: JSONValue) throws -> Document {
        if case .array(let items) = value, items.count == 2 {
            throw fail("this is the JSON of pandoc 1.17 or older ([{\"unMeta\": ...}, [...]]); convert it with a newer pandoc first")
        }
        guard case .object = value else { throw fail("expected an object with \"pandoc-api-version\", \"meta\" and \"blocks\", found \(Self.kind(value))") }
        guard let versionValue = value["pandoc-api-version"] else {
            throw fail("no \"pandoc-api-version\": this is not pandoc's JSON (presskit's own JSON is -f json)")
        }
        let version = try at("pandoc-api-version") { try array(versionValue, "a version").map { try int($0) } }
        guard version.first == 1 else {
            throw fail("pandoc-api-version \(version.map(String.init).joined(separator: ".")) is not 1.x")
        }
        if version.count < 2 || version[1] < 21 || version[1] > 23 {
            warn("pandoc-api-version \(version.map(String.init).joined(separator: ".")) read as 1.22/1.23")
        }
        var metadata = Metadata()
        if let meta = value["meta"] {
            metadata = try at("meta") { try self.metadata(meta) }
        }
        let blocks = try at("blocks") { try self.blocks(value["blocks"]) }
        return Document(metadata: metadata, blocks: blocks)
    }

    // MARK: - Blocks

    func blocks(_ value: JSONValue?) throws -> [Block] {
        let items = try array(value, "a list of blocks")
        var out: [Block] = []
        out.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            out += try at("[\(index)]") { try block(item) }
        }
        return out
    }

    /// Blocks inside a container: flattened into the current level when nested too deep.
    private func nested<T>(_ body: () throws -> T) rethrows -> T {
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    private var tooDeep: Bool {
        if depth >= maxNesting {
            warn("containers nested more than \(maxNesting) levels deep flattened")
            return true
        }
        return false
    }

    /// One pandoc block as zero or more presskit blocks.
    func block(_ value: JSONValue) throws -> [Block] {
        let (name, c) = try constructor(value)
        return try at("c") { try block(name, c) }
    }

    private func block(_ name: String, _ c: JSONValue?) throws -> [Block] {
        switch name {
        case "Plain", "Para":
            let content = try inlines(c)
            if name == "Para", let figure = Self.figure22(content) { return [.figure(figure)] }
            return [.paragraph(content)]
        case "LineBlock":
            var content: [Inline] = []
            for (index, line) in try array(c, "lines").enumerated() {
                if index > 0 { content.append(.lineBreak) }
                content += try at("[\(index)]") { try inlines(line) }
            }
            return [.paragraph(Self.merged(content))]
        case "CodeBlock":
            let args = try arguments(c, 2, name)
            let a = try attr(args[0])
            let text = try string(args[1], "the code")
            return [.codeBlock(language: a.classes.first, text: text.isEmpty ? text : text + "\n")]
        case "RawBlock":
            let args = try arguments(c, 2, name)
            return [.raw(format: try string(args[0], "a format name").fastLowercased(), text: try string(args[1]))]
        case "BlockQuote":
            if tooDeep { return try blocks(c) }
            return [.blockQuote(try nested { try blocks(c) })]
        case "OrderedList":
            let args = try arguments(c, 2, name)
            let attributes = try arguments(args[0], 3, "ListAttributes")
            let start = try int(attributes[0], "the list's start number")
            let style = try constructor(attributes[1]).name
            if style != "Decimal" && style != "DefaultStyle" && style != "Example" {
                warn("list numbering \(style) read as decimal numbers")
            }
            let delimiter = try constructor(attributes[2]).name
            if tooDeep { return try flatItems(args[1]) }
            let list = try nested { try listBlock(args[1], start: start, delimiter: delimiter == "OneParen" || delimiter == "TwoParens" ? ")" : ".") }
            return [.orderedList(list)]
        case "BulletList":
            if tooDeep { return try flatItems(c) }
            return [.bulletList(try nested { try listBlock(c, start: 1, delimiter: ".") })]
        case "DefinitionList":
            if tooDeep {
                var out: [Block] = []
                for item in try array(c, "definition items") {
                    let parts = try arguments(item, 2, "a definition item")
                    out.append(.paragraph(try inlines(parts[0])))
                    for d in try array(parts[1], "definitions") { out += try blocks(d) }
                }
                return out
            }
            let items = try nested {
                try array(c, "definition items").enumerated().map { index, item in
                    try at("[\(index)]") {
                        let parts = try arguments(item, 2, "a definition item")
                        let term = try inlines(parts[0])
                        let definitions = try array(parts[1], "definitions").map { try blocks($0) }
                        return DefinitionItem(term: term, definitions: definitions)
                    }
                }
            }
            return [.definitionList(items)]
        case "Header":
            let args = try arguments(c, 3, name)
            let level = try int(args[0], "a heading level")
            let a = try attr(args[1])
            return [.heading(level: min(max(level, 1), 6), content: try inlines(args[2]), id: a.id.isEmpty ? nil : a.id)]
        case "HorizontalRule":
            return [.thematicBreak]
        case "Table":
            // Kept even past the nesting limit: its cells' containers are flattened there.
            return [.table(try nested { try table(c) })]
        case "Figure":
            return try figure23(c)
        case "Div":
            let args = try arguments(c, 2, name)
            let a = try attr(args[0])
            if !a.id.isEmpty || a.classes.count > 1 || !a.pairs.isEmpty {
                warn("Div ids, attributes and classes after the first are not kept")
            }
            if tooDeep { return try blocks(args[1]) }
            return [.division(role: a.classes.first, blocks: try nested { try blocks(args[1]) })]
        case "Null":
            return []
        default:
            warn("unknown block \(name) left out")
            return []
        }
    }

    /// A list's items: `[[Block]]`. Tight when no item holds a `Para` of its own; task items start with ☐/☒.
    private func listBlock(_ value: JSONValue?, start: Int, delimiter: String) throws -> ListBlock {
        let rawItems = try array(value, "list items")
        var items: [ListItem] = []
        var tight = true
        for (index, raw) in rawItems.enumerated() {
            try at("[\(index)]") {
                for b in try array(raw, "an item's blocks") where b["t"] == .string("Para") { tight = false }
                items.append(Self.taskItem(try blocks(raw)))
            }
        }
        return ListBlock(items: items, tight: tight, start: start, delimiter: delimiter)
    }

    private func flatItems(_ value: JSONValue?) throws -> [Block] {
        var out: [Block] = []
        for item in try array(value, "list items") { out += try blocks(item) }
        return out
    }

    /// pandoc writes a task item as a paragraph starting with "☐" or "☒" and a space.
    static func taskItem(_ blocks: [Block]) -> ListItem {
        guard case .paragraph(let content)? = blocks.first, case .text(let text)? = content.first else {
            return ListItem(blocks: blocks)
        }
        for (box, checked) in [("☐", false), ("☒", true)] {
            let remainder: String
            if text == box || text == box + " " {
                remainder = ""
            } else if text.hasPrefix(box + " ") {
                remainder = String(text.dropFirst(2))
            } else {
                continue
            }
            var rest = content
            if remainder.isEmpty { rest.removeFirst() } else { rest[0] = .text(remainder) }
            var itemBlocks = blocks
            if rest.isEmpty { itemBlocks.removeFirst() } else { itemBlocks[0] = .paragraph(rest) }
            return ListItem(blocks: itemBlocks, checked: checked)
        }
        return ListItem(blocks: blocks)
    }

    /// pandoc 2.x's figure: a paragraph holding only an image whose title starts with "fig:".
    static func figure22(_ content: [Inline]) -> Figure? {
        guard content.count == 1, case .image(var image) = content[0],
              let title = image.title, title.hasPrefix("fig:") else { return nil }
        let rest = String(title.dropFirst(4))
        image.title = rest.isEmpty ? nil : rest
        return Figure(image: image, caption: image.alt.isEmpty ? [] : [.text(image.alt)])
    }

    /// pandoc 3's `Figure attr caption blocks`: a figure when it holds one image, else a division.
    private func figure23(_ c: JSONValue?) throws -> [Block] {
        let args = try arguments(c, 3, "Figure")
        _ = try attr(args[0])
        let caption = try at("caption") { try self.caption(args[1]) }
        let content = try nested { try blocks(args[2]) }
        if content.count == 1, case .paragraph(let inlines) = content[0], inlines.count == 1, case .image(let image) = inlines[0] {
            return [.figure(Figure(image: image, caption: caption))]
        }
        warn("Figure without exactly one image read as a division")
        var body = content
        if !caption.isEmpty { body.append(.paragraph(caption)) }
        return [.division(role: "figure", blocks: body)]
    }

    /// `Caption (Maybe ShortCaption) [Block]` as inlines: the paragraphs' text, line breaks between them.
    private func caption(_ value: JSONValue) throws -> [Inline] {
        let parts = try arguments(value, 2, "Caption")
        var out: [Inline] = []
        for b in try blocks(parts[1]) {
            if !out.isEmpty { out.append(.lineBreak) }
            switch b {
            case .paragraph(let content): out += content
            default:
                warn("caption blocks other than paragraphs kept as text")
                out.append(.text(b.plainText))
            }
        }
        return out
    }

    // MARK: - Tables

    /// pandoc-types 1.21+ `Table attr caption colspecs head bodies foot`; the older five-argument form too.
    private func table(_ c: JSONValue?) throws -> Table {
        let args = try array(c, "Table's arguments")
        if args.count == 5 { return try oldTable(args) }
        guard args.count == 6 else { throw fail("Table takes 6 arguments, found \(args.count)") }
        var table = Table()
        table.caption = try at("caption") { try caption(args[1]) }
        table.alignments = try at("colspecs") {
            try array(args[2], "column specs").map { spec in
                let parts = try arguments(spec, 2, "a column spec")
                return Self.alignment(try constructor(parts[0]).name)
            }
        }
        let head = try arguments(args[3], 2, "TableHead")
        table.header = try at("head") { try rows(head[1]) }
        for (index, body) in try array(args[4], "table bodies").enumerated() {
            try at("bodies[\(index)]") {
                let parts = try arguments(body, 4, "TableBody")
                table.rows += try rows(parts[2])
                table.rows += try rows(parts[3])
            }
        }
        let foot = try arguments(args[5], 2, "TableFoot")
        let footRows = try at("foot") { try rows(foot[1]) }
        if !footRows.isEmpty {
            warn("table foot rows read as body rows")
            table.rows += footRows
        }
        return table
    }

    static func alignment(_ name: String) -> Table.Alignment {
        switch name {
        case "AlignLeft": return .left
        case "AlignCenter": return .center
        case "AlignRight": return .right
        default: return .none
        }
    }

    private func rows(_ value: JSONValue) throws -> [[TableCell]] {
        try array(value, "rows").enumerated().map { index, row in
            try at("[\(index)]") {
                let parts = try arguments(row, 2, "Row")
                return try array(parts[1], "cells").map { cell in
                    let fields = try arguments(cell, 5, "Cell")
                    let rowspan = try int(fields[2], "a row span"), colspan = try int(fields[3], "a column span")
                    return TableCell(blocks: try blocks(fields[4]), colspan: max(1, colspan), rowspan: max(1, rowspan))
                }
            }
        }
    }

    /// pandoc-types 1.17–1.20: `Table [Inline] [Alignment] [Double] [TableCell] [[TableCell]]`.
    private func oldTable(_ args: [JSONValue]) throws -> Table {
        var table = Table()
        table.caption = try inlines(args[0])
        table.alignments = try array(args[1], "alignments").map { Self.alignment(try constructor($0).name) }
        let header = try array(args[3], "header cells").map { TableCell(blocks: try blocks($0)) }
        if header.contains(where: { !$0.blocks.isEmpty }) { table.header = [header] }
        table.rows = try array(args[4], "rows").map { row in
            try array(row, "cells").map { TableCell(blocks: try blocks($0)) }
        }
        return table
    }

    // MARK: - Inlines

    func inlines(_ value: JSONValue?) throws -> [Inline] {
        let items = try array(value, "a list of inlines")
        var out: [Inline] = []
        out.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            out += try at("[\(index)]") { try inline(item) }
        }
        return Self.merged(out)
    }

    /// Adjacent text runs joined into one.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for node in inlines {
            if case .text(let s) = node, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + s)
            } else if case .text(let s) = node, s.isEmpty {
                continue
            } else {
                out.append(node)
            }
        }
        return out
    }

    private func wrap(_ c: JSONValue?, _ make: ([Inline]) -> Inline) throws -> [Inline] {
        if tooDeep { return try inlines(c) }
        return [make(try nested { try inlines(c) })]
    }

    func inline(_ value: JSONValue) throws -> [Inline] {
        let (name, c) = try constructor(value)
        return try at("c") { try inline(name, c) }
    }

    private func inline(_ name: String, _ c: JSONValue?) throws -> [Inline] {
        switch name {
        case "Str": return [.text(try string(c))]
        case "Space": return [.text(" ")]
        case "SoftBreak": return [.softBreak]
        case "LineBreak": return [.lineBreak]
        case "Emph": return try wrap(c) { .emphasis($0) }
        case "Strong": return try wrap(c) { .strong($0) }
        case "Underline": return try wrap(c) { .underline($0) }
        case "Strikeout": return try wrap(c) { .strikethrough($0) }
        case "Superscript": return try wrap(c) { .superscript($0) }
        case "Subscript": return try wrap(c) { .subscript($0) }
        case "SmallCaps":
            warn("SmallCaps kept as plain text")
            return try inlines(c)
        case "Quoted":
            let args = try arguments(c, 2, name)
            let double = try constructor(args[0]).name != "SingleQuote"
            return [.text(double ? "\u{201C}" : "\u{2018}")] + (try inlines(args[1])) + [.text(double ? "\u{201D}" : "\u{2019}")]
        case "Cite":
            let args = try arguments(c, 2, name)
            _ = try array(args[0], "citations")
            warn("Cite kept as its text")
            return try inlines(args[1])
        case "Code":
            let args = try arguments(c, 2, name)
            _ = try attr(args[0])
            return [.code(try string(args[1]))]
        case "Math":
            let args = try arguments(c, 2, name)
            let display = try constructor(args[0]).name == "DisplayMath"
            warn("Math kept as its TeX source")
            let tex = try string(args[1], "TeX")
            return [.text(display ? "$$\(tex)$$" : "$\(tex)$")]
        case "RawInline":
            let args = try arguments(c, 2, name)
            return [.raw(format: try string(args[0], "a format name").fastLowercased(), text: try string(args[1]))]
        case "Link":
            let args = try arguments(c, 3, name)
            _ = try attr(args[0])
            let content = tooDeep ? try inlines(args[1]) : try nested { try inlines(args[1]) }
            let target = try arguments(args[2], 2, "a link target")
            let title = try string(target[1], "a title")
            return [.link(Link(target: try string(target[0], "a URL"), title: title.isEmpty ? nil : title, content: content))]
        case "Image":
            let args = try arguments(c, 3, name)
            let a = try attr(args[0])
            let alt = try inlines(args[1])
            let target = try arguments(args[2], 2, "an image target")
            let title = try string(target[1], "a title")
            var image = Image(source: try string(target[0], "a URL"), alt: Self.plain(alt), title: title.isEmpty ? nil : title)
            for (key, value) in a.pairs {
                if key == "width" { image.width = Self.pixels(value) }
                if key == "height" { image.height = Self.pixels(value) }
            }
            return [.image(image)]
        case "Note":
            if tooDeep { return [.text(try blocks(c).map(\.plainText).joined(separator: " "))] }
            return [.note(try nested { try blocks(c) })]
        case "Span":
            let args = try arguments(c, 2, name)
            let a = try attr(args[0])
            if !a.id.isEmpty || !a.classes.isEmpty || !a.pairs.isEmpty {
                warn("Span attributes not kept (their text is)")
            }
            return try inlines(args[1])
        default:
            warn("unknown inline \(name) left out")
            return []
        }
    }

    /// A width or height in pixels: "300" or "300px".
    static func pixels(_ value: String) -> Int? {
        let digits = value.hasSuffix("px") ? String(value.dropLast(2)) : value
        guard let n = Int(digits), n > 0 else { return nil }
        return n
    }

    /// Plain text of inlines, a line break as a newline.
    static func plain(_ inlines: [Inline]) -> String {
        var out = ""
        for node in inlines {
            if case .lineBreak = node { out += "\n" } else { out += [node].plainText }
        }
        return out
    }
}
