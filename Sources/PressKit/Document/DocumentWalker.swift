/// A node of the tree as a walk meets it.
public enum DocumentNode: Hashable, Sendable {
    case block(Block)
    case inline(Inline)
}

/// What a walk does after visiting a node.
public enum WalkAction: Sendable {
    /// Go on into the node's children, then its following siblings.
    case visitChildren
    /// Go on with the node's following siblings, not its children.
    case skipChildren
    /// End the walk.
    case stop
}

/// The one read-only walk over blocks and inlines (in the spirit of swift-markdown's `MarkupWalker` and
/// pandoc's `query`): every node in document order, a node before its children. It keeps its own stack,
/// so hostile depth (100,000 nested quotes) cannot exhaust the call stack.
///
/// Children, in order: a paragraph's or heading's inlines; a list's items' blocks; a quote's or division's
/// blocks; a table's caption, then its header cells' and body cells' blocks row by row; a figure's caption;
/// a definition list's terms, each followed by its definitions' blocks; a container inline's content; a
/// link's content; a note's blocks. A figure's image is seen as the figure block itself.
public enum DocumentWalker {
    /// Visits every node of `blocks`, in document order.
    public static func walk(_ blocks: [Block], _ visit: (DocumentNode) -> WalkAction) {
        run(blocks.reversed().map { .block($0) }, visit)
    }

    /// Visits every node of `inlines`, in document order.
    public static func walk(_ inlines: [Inline], _ visit: (DocumentNode) -> WalkAction) {
        run(inlines.reversed().map { .inline($0) }, visit)
    }

    /// Whether any node of `blocks` satisfies `predicate` (the walk stops at the first).
    public static func contains(_ blocks: [Block], where predicate: (DocumentNode) -> Bool) -> Bool {
        var found = false
        walk(blocks) { node in
            if predicate(node) { found = true; return .stop }
            return .visitChildren
        }
        return found
    }

    private static func run(_ initial: [DocumentNode], _ visit: (DocumentNode) -> WalkAction) {
        var stack = initial
        while let node = stack.popLast() {
            switch visit(node) {
            case .stop: return
            case .skipChildren: continue
            case .visitChildren: break
            }
            // Children pushed in reverse, so that the first is popped first.
            pushChildren(node, onto: &stack)
        }
    }

    /// Pushes the node's children (`children(_:)`) in reverse order, with no array of them in between.
    static func pushChildren(_ node: DocumentNode, onto stack: inout [DocumentNode]) {
        func blocks(_ b: [Block]) { for x in b.reversed() { stack.append(.block(x)) } }
        func inlines(_ c: [Inline]) { for x in c.reversed() { stack.append(.inline(x)) } }
        switch node {
        case .block(let block):
            switch block {
            case .paragraph(let c), .heading(_, let c, _): inlines(c)
            case .bulletList(let l), .orderedList(let l): for item in l.items.reversed() { blocks(item.blocks) }
            case .blockQuote(let b), .division(_, let b): blocks(b)
            case .table(let t):
                for row in t.rows.reversed() { for cell in row.reversed() { blocks(cell.blocks) } }
                for row in t.header.reversed() { for cell in row.reversed() { blocks(cell.blocks) } }
                inlines(t.caption)
            case .figure(let f): inlines(f.caption)
            case .definitionList(let items):
                for item in items.reversed() {
                    for definition in item.definitions.reversed() { blocks(definition) }
                    inlines(item.term)
                }
            case .codeBlock, .thematicBreak, .raw: break
            }
        case .inline(let inline):
            switch inline {
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                inlines(c)
            case .link(let link): inlines(link.content)
            case .note(let b): blocks(b)
            case .text, .code, .image, .softBreak, .lineBreak, .raw: break
            }
        }
    }

    /// The node's children, in document order.
    static func children(_ node: DocumentNode) -> [DocumentNode] {
        // One description of the tree's shape: `pushChildren` pushes them last first.
        var stack: [DocumentNode] = []
        pushChildren(node, onto: &stack)
        return stack.reversed()
    }
}
