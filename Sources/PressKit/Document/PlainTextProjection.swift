/// The one plain-text projection of blocks and inlines: what a search index, an `alt` attribute, a heading
/// id or a language guess reads. It keeps its own stack, so any depth is safe.
///
/// Options:
/// - `layout`: `.structured` (the default, `Block.plainText`) separates a quote's or division's blocks,
///   and the blocks given, by a blank line; list items, a list item's blocks, definition terms and
///   definitions, and table rows by a newline; table cells by a tab, a cell's blocks by a space.
///   `.flat` puts every block on its own line: one newline between any two blocks of a container, cells
///   and definition terms included (empty items and cells add nothing).
/// - `imageText`: an image is its alt text (the default), or nothing.
/// - `notes`: a footnote's content is left out (the default), or included where its mark stands.
/// - `rawText`: a raw inline fragment is left out (the default), or its text kept as it is (what cmark puts
///   into an image's `alt`).
///
/// Always: text and inline code as they are; soft and hard line breaks as one space; a code block's text as
/// it is; raw blocks and thematic breaks as nothing; a figure as its caption, else its image's alt text
/// (whatever `imageText` says: the figure has nothing else to show).
public struct PlainTextProjection: Sendable {
    public enum Layout: Sendable {
        case structured
        case flat
    }

    public var layout: Layout
    public var imageText: Bool
    public var notes: Bool
    public var rawText: Bool

    public init(layout: Layout = .structured, imageText: Bool = true, notes: Bool = false, rawText: Bool = false) {
        self.layout = layout
        self.imageText = imageText
        self.notes = notes
        self.rawText = rawText
    }

    /// The default projection, as `Block.plainText` and `[Inline].plainText` give it.
    public static let standard = PlainTextProjection()

    private enum Item {
        case block(Block)
        case inline(Inline)
        case separator(String)
    }

    /// The text of `blocks`, separated as `layout` says for blocks side by side (a blank line, or a newline).
    public func text(_ blocks: [Block]) -> String {
        var stack: [Item] = []
        push(blocks, separator: layout == .flat ? "\n" : "\n\n", onto: &stack)
        return gather(stack)
    }

    /// The text of one block.
    public func text(_ block: Block) -> String { gather([.block(block)]) }

    /// The text of `inlines`.
    public func text(_ inlines: [Inline]) -> String {
        var out = ""
        append(inlines, into: &out, depth: 0)
        return out
    }

    /// `text(blocks)` with every node through the stack: what the direct appending is tested against.
    func stackOnlyText(_ blocks: [Block]) -> String {
        var stack: [Item] = []
        push(blocks, separator: layout == .flat ? "\n" : "\n\n", onto: &stack)
        var out = ""
        gather(stack, into: &out, stackOnly: true)
        return out
    }

    private func push(_ blocks: [Block], separator: String, onto stack: inout [Item]) {
        for (i, block) in blocks.enumerated().reversed() {
            stack.append(.block(block))
            if i > 0 { stack.append(.separator(separator)) }
        }
    }

    /// Groups (list items, cells, definitions) separated by `outer`, each group's blocks by `inner`.
    private func push(groups: [[Block]], outer: String, inner: String, onto stack: inout [Item]) {
        for (i, group) in groups.enumerated().reversed() {
            push(group, separator: inner, onto: &stack)
            if i > 0 { stack.append(.separator(outer)) }
        }
    }

    private func gather(_ initial: [Item]) -> String {
        var out = ""
        gather(initial, into: &out)
        return out
    }

    /// Hands the text of one block to `sink` piece by piece, as `text(_:)` would join it, without making
    /// the whole text (the EPUB identifier hashes it as it comes).
    func write<Sink: PlainTextSink>(_ block: Block, into sink: inout Sink) {
        gather([.block(block)], into: &sink)
    }

    /// How deep `append` follows nested inlines by calling itself before it hands the rest to the stack.
    private static let inlineDepth = 32

    /// `stackOnly`: every node goes through the stack (what `append` falls back to); otherwise a paragraph's or
    /// heading's inlines are appended at once, in the order the stack would have given them.
    private func gather<Sink: PlainTextSink>(_ initial: [Item], into out: inout Sink, stackOnly: Bool = false) {
        let flat = layout == .flat
        var stack = initial
        func pushInlines(_ inlines: [Inline]) {
            for inline in inlines.reversed() { stack.append(.inline(inline)) }
        }
        while let item = stack.popLast() {
            switch item {
            case .separator(let s):
                out += s
            case .block(let block):
                switch block {
                case .paragraph(let c), .heading(_, let c, _):
                    if stackOnly { pushInlines(c) } else { append(c, into: &out, depth: 0) }
                case .bulletList(let l), .orderedList(let l):
                    if flat {
                        push(l.items.flatMap(\.blocks), separator: "\n", onto: &stack)
                    } else {
                        push(groups: l.items.map(\.blocks), outer: "\n", inner: "\n", onto: &stack)
                    }
                case .blockQuote(let b), .division(_, let b): push(b, separator: flat ? "\n" : "\n\n", onto: &stack)
                case .codeBlock(_, let text): out += text
                case .table(let t):
                    let rows = t.header + t.rows
                    if flat {
                        push(rows.flatMap { $0.flatMap(\.blocks) }, separator: "\n", onto: &stack)
                    } else {
                        for (r, row) in rows.enumerated().reversed() {
                            push(groups: row.map(\.blocks), outer: "\t", inner: " ", onto: &stack)
                            if r > 0 { stack.append(.separator("\n")) }
                        }
                    }
                case .figure(let f): f.caption.isEmpty ? (out += f.image.alt) : pushInlines(f.caption)
                case .thematicBreak, .raw: break
                case .definitionList(let items) where flat:
                    push(items.flatMap { [Block.paragraph($0.term)] + $0.definitions.flatMap { $0 } }, separator: "\n",
                         onto: &stack)
                case .definitionList(let items):
                    for (i, entry) in items.enumerated().reversed() {
                        push(groups: entry.definitions, outer: "\n", inner: "\n", onto: &stack)
                        if !entry.definitions.isEmpty { stack.append(.separator("\n")) }
                        pushInlines(entry.term)
                        if i > 0 { stack.append(.separator("\n")) }
                    }
                }
            case .inline(let inline):
                switch part(of: inline) {
                case .text(let s): out += s
                case .inlines(let c): pushInlines(c)
                case .blocks(let b): push(b, separator: flat ? "\n" : "\n\n", onto: &stack)
                case .nothing: break
                }
            }
        }
    }

    /// What one inline gives the text, under this projection's options: text of its own, inlines to project in
    /// its place, or blocks (a footnote's). The stack walk and the direct appending both read it.
    private enum InlinePart {
        case text(String)
        case inlines([Inline])
        case blocks([Block])
        case nothing
    }

    private func part(of inline: Inline) -> InlinePart {
        switch inline {
        case .text(let s), .code(let s): return .text(s)
        case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
             .subscript(let c):
            return .inlines(c)
        case .link(let link): return .inlines(link.content)
        case .image(let image): return imageText ? .text(image.alt) : .nothing
        case .softBreak, .lineBreak: return .text(" ")
        case .raw(_, let s): return rawText ? .text(s) : .nothing
        case .note(let blocks): return notes ? .blocks(blocks) : .nothing
        }
    }

    /// The text of `inlines`, appended as the stack would hand it over, without a stack item for each inline
    /// (pushing and popping them was most of a paragraph's projection). Nesting deeper than `inlineDepth`
    /// and footnotes (blocks again) go to a stack of their own, so recursion stays bounded on any input.
    private func append<Sink: PlainTextSink>(_ inlines: [Inline], into out: inout Sink, depth: Int) {
        for inline in inlines {
            switch part(of: inline) {
            case .text(let s): out += s
            case .inlines(let c): nested(c, into: &out, depth: depth)
            case .blocks: gather([.inline(inline)], into: &out, stackOnly: true)
            case .nothing: break
            }
        }
    }

    private func nested<Sink: PlainTextSink>(_ inlines: [Inline], into out: inout Sink, depth: Int) {
        if depth < Self.inlineDepth {
            append(inlines, into: &out, depth: depth + 1)
        } else {
            gather(inlines.reversed().map { .inline($0) }, into: &out, stackOnly: true)
        }
    }
}

/// Where `PlainTextProjection` puts the pieces of a text, in order: a `String` (its `text` functions), or
/// anything that reads the pieces as they come.
protocol PlainTextSink {
    static func += (sink: inout Self, piece: String)
}

extension String: PlainTextSink {}
