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
    /// The tree is walked as `collect` walked it, so its leaves meet the entries in order: no lookup by path
    /// (a dictionary keyed by paths cost 0.47 M instructions of a small release, nearly all of it the
    /// run-time's first look for `[Int]: Hashable`).
    func rebuild(_ blocks: [Block]) -> [Block] {
        guard entries.contains(where: \.edited) else { return blocks }
        var next = 0
        return apply(blocks, depth: 1, next: &next)
    }

    /// `blocks` at depth `depth` (the length of their paths), with the entries from `next` on for their leaves.
    private func apply(_ blocks: [Block], depth: Int, next: inout Int) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if case .division(let role, let children) = block, depth < FlatBlocks.maxDepth {
                let inner = apply(children, depth: depth + 1, next: &next)
                if !inner.isEmpty || children.isEmpty { out.append(.division(role: role, blocks: inner)) }
            } else {
                let entry = entries[next]
                next += 1
                if entry.edited { out += entry.blocks } else { out.append(block) }
            }
        }
        return out
    }
}
