/// Plain text of content nested too deeply to render as structure, gathered with an explicit stack so that
/// hostile depth (100,000 nested quotes) cannot exhaust the call stack.
enum DOCXFlatText {
    private enum Item {
        case block(Block)
        case inline(Inline)
        case separator(String)
    }

    static func of(_ blocks: [Block]) -> String {
        gather(blocks.reversed().map { Item.block($0) })
    }

    static func of(_ inlines: [Inline]) -> String {
        gather(inlines.reversed().map { Item.inline($0) })
    }

    /// Whether the blocks hold a footnote anywhere, however deep.
    static func containsNote(_ blocks: [Block]) -> Bool {
        var found = false
        _ = gather(blocks.reversed().map { Item.block($0) }, onNote: { found = true })
        return found
    }

    private static func gather(_ initial: [Item], onNote: (() -> Void)? = nil) -> String {
        var stack = initial
        var out = ""
        func push(_ blocks: [Block]) {
            for (i, block) in blocks.enumerated().reversed() {
                stack.append(.block(block))
                if i > 0 { stack.append(.separator("\n")) }
            }
        }
        func push(_ inlines: [Inline]) {
            for inline in inlines.reversed() { stack.append(.inline(inline)) }
        }
        while let item = stack.popLast() {
            switch item {
            case .separator(let s):
                out += s
            case .block(let block):
                switch block {
                case .paragraph(let c), .heading(_, let c, _): push(c)
                case .bulletList(let l), .orderedList(let l): push(l.items.flatMap(\.blocks))
                case .blockQuote(let b), .division(_, let b): push(b)
                case .codeBlock(_, let text): out += text
                case .table(let t): push((t.header + t.rows).flatMap { $0.flatMap(\.blocks) })
                case .figure(let f): f.caption.isEmpty ? (out += f.image.alt) : push(f.caption)
                case .thematicBreak, .raw: break
                case .definitionList(let items):
                    push(items.flatMap { [Block.paragraph($0.term)] + $0.definitions.flatMap { $0 } })
                }
            case .inline(let inline):
                switch inline {
                case .text(let s), .code(let s): out += s
                case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c),
                     .superscript(let c), .subscript(let c): push(c)
                case .link(let link): push(link.content)
                case .image(let image): out += image.alt
                case .softBreak, .lineBreak: out += " "
                case .raw: break
                case .note(let blocks):
                    if let onNote {
                        onNote()
                        for block in blocks.reversed() { stack.append(.block(block)) }
                    }
                }
            }
        }
        return out
    }
}
