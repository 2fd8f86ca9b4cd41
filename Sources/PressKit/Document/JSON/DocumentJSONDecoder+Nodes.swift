/// Decoding of blocks and inlines, with the keys each type may have.
extension DocumentJSONDecoder {
    // MARK: - Blocks

    /// The keys each block type may have besides "type".
    private static let blockFields: [String: Set<String>] = [
        "paragraph": ["content"], "heading": ["level", "id", "content"],
        "bulletList": ["start", "delimiter", "tight", "items"], "orderedList": ["start", "delimiter", "tight", "items"],
        "blockQuote": ["blocks"], "codeBlock": ["language", "text"], "table": ["caption", "alignments", "header", "rows"],
        "figure": ["image", "caption"], "thematicBreak": [], "definitionList": ["items"], "raw": ["format", "text"],
        "division": ["role", "blocks"],
    ]

    /// The keys each inline type may have besides "type".
    private static let inlineFields: [String: Set<String>] = [
        "text": ["text"], "code": ["text"], "emphasis": ["content"], "strong": ["content"], "underline": ["content"],
        "strikethrough": ["content"], "superscript": ["content"], "subscript": ["content"],
        "link": ["target", "title", "content"], "image": ["source", "alt", "title", "width", "height"],
        "softBreak": [], "lineBreak": [], "raw": ["format", "text"], "note": ["blocks"],
    ]

    func blocks(_ value: JSONValue) throws -> [Block] {
        let items = try array(value)
        var result: [Block] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try at("[\(i)]") { try block(item) })
        }
        return result
    }

    private func typeName(_ value: JSONValue, _ what: String) throws -> String {
        _ = try object(value)
        guard let t = value["type"] else { throw fail("\(what) needs a \"type\"") }
        return try at(".type") { try string(t) }
    }

    func block(_ value: JSONValue) throws -> Block {
        let type = try typeName(value, "a block")
        let what = "a \"\(type)\" block"
        var content: [Inline] = [], blocks: [Block] = []
        var level: Int?, id: String?, language: String?, text = "", format = "", role: String?
        var start: Int?, delimiter: String?, tight = true, items: [ListItem] = []
        var table = Table(), image = Image(source: ""), caption: [Inline] = []
        var definitions: [DefinitionItem] = []
        guard let fields = Self.blockFields[type] else {
            throw fail("unknown block type \"\(type)\"", path: ".type")
        }
        try members(value, in: what) { key, v in
            guard key != "type" else { return true }
            guard fields.contains(key) else { return false }
            switch key {
            case "content": content = try inlines(v)
            case "blocks": blocks = try self.blocks(v)
            case "level":
                let l = try int(v)
                guard (1...6).contains(l) else { throw fail("a heading level is 1 to 6, not \(l)") }
                level = l
            case "id": id = try string(v)
            case "language": language = try string(v)
            case "text": text = try string(v)
            case "format": format = try string(v)
            case "role": role = try string(v)
            case "start": start = try int(v, in: Self.startRange, "a list start")
            case "delimiter": delimiter = try string(v)
            case "tight": tight = try bool(v)
            case "items":
                if type == "definitionList" {
                    definitions = try array(v).enumerated().map { i, d in try at("[\(i)]") { try definitionItem(d) } }
                } else {
                    items = try array(v).enumerated().map { i, d in try at("[\(i)]") { try listItem(d) } }
                }
            case "caption":
                caption = try inlines(v)
                table.caption = caption
            case "alignments":
                table.alignments = try array(v).enumerated().map { i, a in
                    try at("[\(i)]") {
                        let name = try string(a)
                        guard let alignment = Table.Alignment(rawValue: name) else {
                            throw fail("unknown alignment \"\(name)\" (none, left, center or right)")
                        }
                        return alignment
                    }
                }
            case "header": table.header = try rows(v)
            case "rows": table.rows = try rows(v)
            case "image": image = try imageObject(v, in: "a figure's image")
            default: return false
            }
            return true
        }
        switch type {
        case "paragraph": return .paragraph(content)
        case "heading":
            guard let level else { throw fail("a heading needs a \"level\"") }
            return .heading(level: level, content: content, id: id)
        case "bulletList":
            return .bulletList(ListBlock(items: items, tight: tight, start: start ?? 1, delimiter: delimiter ?? "."))
        case "orderedList":
            return .orderedList(ListBlock(items: items, tight: tight, start: start ?? 1, delimiter: delimiter ?? "."))
        case "blockQuote": return .blockQuote(blocks)
        case "codeBlock": return .codeBlock(language: language, text: text)
        case "table": return .table(table)
        case "figure": return .figure(Figure(image: image, caption: caption))
        case "thematicBreak": return .thematicBreak
        case "definitionList": return .definitionList(definitions)
        case "raw": return .raw(format: format, text: text)
        default: return .division(role: role, blocks: blocks)
        }
    }

    private func listItem(_ value: JSONValue) throws -> ListItem {
        var item = ListItem(blocks: [])
        try members(value, in: "a list item") { key, v in
            switch key {
            case "checked": item.checked = try bool(v)
            case "blocks": item.blocks = try blocks(v)
            default: return false
            }
            return true
        }
        return item
    }

    private func definitionItem(_ value: JSONValue) throws -> DefinitionItem {
        var item = DefinitionItem(term: [], definitions: [])
        try members(value, in: "a definition list item") { key, v in
            switch key {
            case "term": item.term = try inlines(v)
            case "definitions":
                item.definitions = try array(v).enumerated().map { i, d in try at("[\(i)]") { try blocks(d) } }
            default: return false
            }
            return true
        }
        return item
    }

    private func rows(_ value: JSONValue) throws -> [[TableCell]] {
        try array(value).enumerated().map { r, row in
            try at("[\(r)]") {
                try array(row).enumerated().map { c, cell in try at("[\(c)]") { try tableCell(cell) } }
            }
        }
    }

    private func tableCell(_ value: JSONValue) throws -> TableCell {
        var cell = TableCell(blocks: [])
        try members(value, in: "a table cell") { key, v in
            switch key {
            case "colspan": cell.colspan = try int(v, in: Self.colspanRange, "a colspan")
            case "rowspan": cell.rowspan = try int(v, in: Self.rowspanRange, "a rowspan")
            case "blocks": cell.blocks = try blocks(v)
            default: return false
            }
            return true
        }
        return cell
    }

    private func imageObject(_ value: JSONValue, in what: String) throws -> Image {
        var image = Image(source: "")
        try members(value, in: what) { key, v in
            try imageField(key, v, &image)
        }
        return image
    }

    private func imageField(_ key: String, _ v: JSONValue, _ image: inout Image) throws -> Bool {
        switch key {
        case "source": image.source = try string(v)
        case "alt": image.alt = try string(v)
        case "title": image.title = try string(v)
        case "width": image.width = try int(v)
        case "height": image.height = try int(v)
        default: return false
        }
        return true
    }

    // MARK: - Inlines

    func inlines(_ value: JSONValue) throws -> [Inline] {
        let items = try array(value)
        var result: [Inline] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try at("[\(i)]") { try inline(item) })
        }
        return result
    }

    func inline(_ value: JSONValue) throws -> Inline {
        let type = try typeName(value, "an inline")
        let what = "a \"\(type)\" inline"
        var content: [Inline] = [], blocks: [Block] = [], text = "", format = ""
        var target = "", title: String?, image = Image(source: "")
        guard let fields = Self.inlineFields[type] else {
            throw fail("unknown inline type \"\(type)\"", path: ".type")
        }
        try members(value, in: what) { key, v in
            guard key != "type" else { return true }
            guard fields.contains(key) else { return false }
            if type == "image" { return try imageField(key, v, &image) }
            switch key {
            case "text": text = try string(v)
            case "content": content = try inlines(v)
            case "blocks": blocks = try self.blocks(v)
            case "format": format = try string(v)
            case "target": target = try string(v)
            case "title": title = try string(v)
            default: return false
            }
            return true
        }
        switch type {
        case "text": return .text(text)
        case "code": return .code(text)
        case "emphasis": return .emphasis(content)
        case "strong": return .strong(content)
        case "underline": return .underline(content)
        case "strikethrough": return .strikethrough(content)
        case "superscript": return .superscript(content)
        case "subscript": return .subscript(content)
        case "link": return .link(Link(target: target, title: title, content: content))
        case "image": return .image(image)
        case "softBreak": return .softBreak
        case "lineBreak": return .lineBreak
        case "raw": return .raw(format: format, text: text)
        default: return .note(blocks)
        }
    }
}
