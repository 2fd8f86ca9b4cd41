/// The one way to rewrite the tree (in the spirit of swift-markdown's `MarkupRewriter` and pandoc's
/// `walk`): a rewriter names only the nodes it changes; the defaults rebuild every other node with its
/// children rewritten, in document order (a table's caption, then its header and body cells; a definition's
/// term, then its definitions).
///
/// Override `rewrite(_ block:)` / `rewrite(_ inline:)` to replace a node by zero, one or several nodes;
/// call `rewriteChildren(of:)` inside to keep the default descent. Override `rewrite(blocks:)` /
/// `rewrite(inlines:)` to see a whole sequence (to merge neighbours, say), calling `rewriteEach` for the
/// default. State kept in the rewriter (a depth, whether headings are in the outline) can be set around a
/// call to `rewriteChildren(of:)`. The descent is recursive: the readers bound nesting (depth 200).
public protocol DocumentRewriter {
    mutating func rewrite(_ block: Block) -> [Block]
    mutating func rewrite(_ inline: Inline) -> [Inline]
    mutating func rewrite(blocks: [Block]) -> [Block]
    mutating func rewrite(inlines: [Inline]) -> [Inline]
}

extension DocumentRewriter {
    public mutating func rewrite(_ block: Block) -> [Block] { [rewriteChildren(of: block)] }
    public mutating func rewrite(_ inline: Inline) -> [Inline] { [rewriteChildren(of: inline)] }
    public mutating func rewrite(blocks: [Block]) -> [Block] { rewriteEach(blocks) }
    public mutating func rewrite(inlines: [Inline]) -> [Inline] { rewriteEach(inlines) }

    /// The document with its blocks rewritten (the metadata as it is).
    public mutating func rewrite(_ document: Document) -> Document {
        Document(metadata: document.metadata, blocks: rewrite(blocks: document.blocks))
    }

    /// Each block rewritten, in order, the results concatenated.
    public mutating func rewriteEach(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks { out += rewrite(block) }
        return out
    }

    /// Each inline rewritten, in order, the results concatenated.
    public mutating func rewriteEach(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines { out += rewrite(inline) }
        return out
    }

    /// The block with its children rewritten; leaves stay as they are.
    public mutating func rewriteChildren(of block: Block) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(rewrite(inlines: c))
        case .heading(let level, let c, let id): return .heading(level: level, content: rewrite(inlines: c), id: id)
        case .bulletList(let list): return .bulletList(rewriteItems(of: list))
        case .orderedList(let list): return .orderedList(rewriteItems(of: list))
        case .blockQuote(let b): return .blockQuote(rewrite(blocks: b))
        case .division(let role, let b): return .division(role: role, blocks: rewrite(blocks: b))
        case .table(var table):
            table.caption = rewrite(inlines: table.caption)
            table.header = rewriteCells(table.header)
            table.rows = rewriteCells(table.rows)
            return .table(table)
        case .figure(var figure):
            figure.caption = rewrite(inlines: figure.caption)
            return .figure(figure)
        case .definitionList(let items):
            var newItems: [DefinitionItem] = []
            newItems.reserveCapacity(items.count)
            for item in items {
                let term = rewrite(inlines: item.term)
                var definitions: [[Block]] = []
                for definition in item.definitions { definitions.append(rewrite(blocks: definition)) }
                newItems.append(DefinitionItem(term: term, definitions: definitions))
            }
            return .definitionList(newItems)
        case .codeBlock, .thematicBreak, .raw: return block
        }
    }

    /// The inline with its children rewritten; leaves stay as they are.
    public mutating func rewriteChildren(of inline: Inline) -> Inline {
        switch inline {
        case .emphasis(let c): return .emphasis(rewrite(inlines: c))
        case .strong(let c): return .strong(rewrite(inlines: c))
        case .underline(let c): return .underline(rewrite(inlines: c))
        case .strikethrough(let c): return .strikethrough(rewrite(inlines: c))
        case .superscript(let c): return .superscript(rewrite(inlines: c))
        case .subscript(let c): return .subscript(rewrite(inlines: c))
        case .link(var link):
            link.content = rewrite(inlines: link.content)
            return .link(link)
        case .note(let b): return .note(rewrite(blocks: b))
        case .text, .code, .image, .softBreak, .lineBreak, .raw: return inline
        }
    }

    /// The list with each item's blocks rewritten.
    public mutating func rewriteItems(of list: ListBlock) -> ListBlock {
        var result = list
        result.items = []
        result.items.reserveCapacity(list.items.count)
        for item in list.items { result.items.append(ListItem(blocks: rewrite(blocks: item.blocks), checked: item.checked)) }
        return result
    }

    /// Table rows with each cell's blocks rewritten.
    public mutating func rewriteCells(_ rows: [[TableCell]]) -> [[TableCell]] {
        var result: [[TableCell]] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            var newRow: [TableCell] = []
            newRow.reserveCapacity(row.count)
            for cell in row {
                newRow.append(TableCell(blocks: rewrite(blocks: cell.blocks), colspan: cell.colspan, rowspan: cell.rowspan))
            }
            result.append(newRow)
        }
        return result
    }
}

/// A rewriter made of two closures, for one-off rewrites: each returns the replacement of a node (used as it
/// is, not rewritten further), or nil to keep the node with its children rewritten.
public struct ClosureRewriter: DocumentRewriter {
    var block: (Block) -> [Block]?
    var inline: (Inline) -> [Inline]?

    public init(block: @escaping (Block) -> [Block]? = { _ in nil }, inline: @escaping (Inline) -> [Inline]? = { _ in nil }) {
        self.block = block
        self.inline = inline
    }

    public mutating func rewrite(_ block: Block) -> [Block] { self.block(block) ?? [rewriteChildren(of: block)] }
    public mutating func rewrite(_ inline: Inline) -> [Inline] { self.inline(inline) ?? [rewriteChildren(of: inline)] }
}
