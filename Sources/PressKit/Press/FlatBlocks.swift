/// The leaf blocks of a document in reading order (looking through `division`s), with their plain text,
/// so the press-release pass can look at "the first paragraphs" or "the last blocks" of any reader's tree
/// and remove or replace them. `rebuild` puts the edits back into the original shape.
struct FlatBlocks {
    struct Entry {
        /// Indices from the top level down to this block.
        let path: [Int]
        /// The blocks now standing at this place: one (unchanged or edited), none (removed) or several.
        var blocks: [Block]
        var text: String
        var edited = false

        var block: Block? { blocks.count == 1 ? blocks[0] : nil }
        var isRemoved: Bool { blocks.isEmpty }
    }

    static let maxDepth = 200

    var entries: [Entry] = []

    init(_ blocks: [Block]) {
        entries.reserveCapacity(blocks.count)
        collect(blocks, prefix: [])
    }

    private mutating func collect(_ blocks: [Block], prefix: [Int]) {
        for (index, block) in blocks.enumerated() {
            let path = prefix + [index]
            if case .division(_, let children) = block, path.count < FlatBlocks.maxDepth {
                collect(children, prefix: path)
            } else {
                entries.append(Entry(path: path, blocks: [block], text: block.plainText))
            }
        }
    }

    /// The indices of entries still present, in order.
    var live: [Int] { entries.indices.filter { !entries[$0].isRemoved } }

    mutating func remove(_ i: Int) {
        entries[i].blocks = []
        entries[i].text = ""
        entries[i].edited = true
    }

    mutating func replace(_ i: Int, with blocks: [Block]) {
        entries[i].blocks = blocks
        entries[i].text = blocks.count == 1 ? blocks[0].plainText : ""
        entries[i].edited = true
    }

    /// The original blocks with every edit applied; divisions emptied by removals disappear.
    func rebuild(_ blocks: [Block]) -> [Block] {
        var edits: [[Int]: [Block]] = [:]
        for entry in entries where entry.edited { edits[entry.path] = entry.blocks }
        if edits.isEmpty { return blocks }
        return apply(blocks, prefix: [], edits: edits)
    }

    private func apply(_ blocks: [Block], prefix: [Int], edits: [[Int]: [Block]]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            let path = prefix + [index]
            if let replacement = edits[path] {
                out += replacement
            } else if case .division(let role, let children) = block, path.count < FlatBlocks.maxDepth {
                let inner = apply(children, prefix: path, edits: edits)
                if !inner.isEmpty || children.isEmpty { out.append(.division(role: role, blocks: inner)) }
            } else {
                out.append(block)
            }
        }
        return out
    }
}
