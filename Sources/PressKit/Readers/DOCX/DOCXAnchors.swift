/// Internal links: headings that carry bookmarks get an identifier made from their text (as pandoc makes
/// it), and links to those bookmarks point at the heading's identifier instead.
enum DOCXAnchors {
    /// pandoc's auto identifier: lower case, letters, digits, `_`, `-` and `.` kept, spaces to `-`,
    /// everything before the first letter dropped; "section" when nothing is left; `-1`, `-2` … when taken.
    static func identifier(_ text: String, taken: inout UniqueNames) -> String {
        var out = ""
        for ch in text.fastLowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" || ch == "." {
                out.append(ch)
            } else if ch.isWhitespace {
                out.append("-")
            }
        }
        let base = String(out.drop { !$0.isLetter })
        let name = base.isEmpty ? "section" : base
        return taken.claim(name, from: 1) { name + "-\($0)" }
    }

    /// The blocks with every `#bookmark` link to a heading's bookmark pointed at the heading's identifier.
    static func retarget(_ blocks: [Block], _ map: [String: String]) -> [Block] {
        blocks.map { block($0, map) }
    }

    private static func block(_ b: Block, _ map: [String: String]) -> Block {
        switch b {
        case .paragraph(let i): return .paragraph(inlines(i, map))
        case .heading(let level, let i, let id): return .heading(level: level, content: inlines(i, map), id: id)
        case .bulletList(var list):
            list.items = list.items.map { ListItem(blocks: retarget($0.blocks, map), checked: $0.checked) }
            return .bulletList(list)
        case .orderedList(var list):
            list.items = list.items.map { ListItem(blocks: retarget($0.blocks, map), checked: $0.checked) }
            return .orderedList(list)
        case .blockQuote(let blocks): return .blockQuote(retarget(blocks, map))
        case .codeBlock, .thematicBreak, .raw: return b
        case .table(var table):
            table.caption = inlines(table.caption, map)
            table.header = table.header.map { $0.map { TableCell(blocks: retarget($0.blocks, map), colspan: $0.colspan, rowspan: $0.rowspan) } }
            table.rows = table.rows.map { $0.map { TableCell(blocks: retarget($0.blocks, map), colspan: $0.colspan, rowspan: $0.rowspan) } }
            return .table(table)
        case .figure(var figure):
            figure.caption = inlines(figure.caption, map)
            return .figure(figure)
        case .definitionList(let items):
            return .definitionList(items.map { DefinitionItem(term: inlines($0.term, map), definitions: $0.definitions.map { retarget($0, map) }) })
        case .division(let role, let blocks): return .division(role: role, blocks: retarget(blocks, map))
        }
    }

    private static func inlines(_ list: [Inline], _ map: [String: String]) -> [Inline] {
        list.map { inline($0, map) }
    }

    private static func inline(_ i: Inline, _ map: [String: String]) -> Inline {
        switch i {
        case .text, .code, .image, .softBreak, .lineBreak, .raw: return i
        case .emphasis(let c): return .emphasis(inlines(c, map))
        case .strong(let c): return .strong(inlines(c, map))
        case .underline(let c): return .underline(inlines(c, map))
        case .strikethrough(let c): return .strikethrough(inlines(c, map))
        case .superscript(let c): return .superscript(inlines(c, map))
        case .subscript(let c): return .subscript(inlines(c, map))
        case .note(let blocks): return .note(retarget(blocks, map))
        case .link(var link):
            if link.target.hasPrefix("#"), let id = map[String(link.target.dropFirst())] { link.target = "#" + id }
            link.content = inlines(link.content, map)
            return .link(link)
        }
    }
}
