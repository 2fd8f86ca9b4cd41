/// Builds nested lists from a run of list paragraphs: a deeper level opens a list inside the last item, a
/// shallower one closes lists, a different numbering or kind at the same level starts a new list.
struct DOCXListBuilder {
    private struct Open {
        var numId: String
        var level: Int
        var ordered: Bool
        var start: Int
        var delimiter: String
        var items: [[Block]]
        /// Task items: a leading ☐ / ☒ / ☑ box.
        var checks: [Bool?] = []

        var block: Block {
            // Items of several paragraphs make the list loose (paragraphs apart), as in Markdown.
            let tight = items.allSatisfy { $0.count <= 1 || $0.dropFirst().allSatisfy(\.isList) }
            let list = ListBlock(items: items.enumerated().map { ListItem(blocks: $1, checked: $0 < checks.count ? checks[$0] : nil) },
                                 tight: tight, start: start, delimiter: delimiter)
            return ordered ? .orderedList(list) : .bulletList(list)
        }
    }

    private var stack: [Open] = []
    private var done: [Block] = []

    mutating func add(_ block: Block, numId: String, level: Int, ordered: Bool, start: Int, delimiter: String) {
        let (block, checked) = Self.taskBox(block)
        while let top = stack.last, top.level > level { close() }
        if let top = stack.last, top.level == level {
            if top.numId == numId, top.ordered == ordered {
                stack[stack.count - 1].items.append([block])
                stack[stack.count - 1].checks.append(checked)
                return
            }
            close()
        }
        stack.append(Open(numId: numId, level: level, ordered: ordered, start: start, delimiter: delimiter, items: [[block]],
                          checks: [checked]))
    }

    var isOpen: Bool { !stack.isEmpty }

    /// Adds a block to the last item of the deepest open list (a list item's next paragraph).
    mutating func continueItem(_ block: Block) {
        guard !stack.isEmpty else { return }
        let last = stack.count - 1
        if stack[last].items.isEmpty {
            stack[last].items.append([])
            stack[last].checks.append(nil)
        }
        stack[last].items[stack[last].items.count - 1].append(block)
    }

    /// Closes every open list; returns the finished top-level lists.
    mutating func finish() -> [Block] {
        while !stack.isEmpty { close() }
        defer { done = [] }
        return done
    }

    private mutating func close() {
        guard let list = stack.popLast() else { return }
        if stack.isEmpty {
            done.append(list.block)
        } else {
            if stack[stack.count - 1].items.isEmpty {
                stack[stack.count - 1].items.append([])
                stack[stack.count - 1].checks.append(nil)
            }
            stack[stack.count - 1].items[stack[stack.count - 1].items.count - 1].append(list.block)
        }
    }
}

/// Word's list numbering: counters per abstract definition and level, continued across interruptions,
/// deeper levels reset when a shallower item comes, restarted by a numbering instance's start override.
struct DOCXListCounter {
    private var counters: [String: [Int: Int]] = [:]
    private var seenInstances: Set<String> = []

    /// The number of the next item at `level` of `numId`.
    mutating func next(numId: String, level: Int, instance: DOCXListDefinitions.Instance?) -> Int {
        let key = instance?.abstractId ?? numId
        if !seenInstances.contains(numId) {
            seenInstances.insert(numId)
            if let instance, !instance.restarts.isEmpty {
                for l in instance.restarts { counters[key]?[l] = nil }
            }
        }
        let start = instance?.levels[level]?.start ?? 1
        let value = (counters[key]?[level]).map { $0 + 1 } ?? start
        counters[key, default: [:]][level] = value
        for deeper in (counters[key] ?? [:]).keys where deeper > level { counters[key]?[deeper] = nil }
        return value
    }
}

extension DOCXListBuilder {
    /// A list paragraph starting with a ballot box (☐ unchecked, ☒ or ☑ checked) is a task item.
    static func taskBox(_ block: Block) -> (Block, Bool?) {
        guard case .paragraph(var inlines) = block, case .text(let first)? = inlines.first,
              let box = first.first, "☐☒☑".contains(box) else { return (block, nil) }
        let rest = String(first.dropFirst().drop { $0 == " " })
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
        return (.paragraph(inlines), box != "☐")
    }
}

private extension Block {
    var isList: Bool {
        switch self {
        case .bulletList, .orderedList: return true
        default: return false
        }
    }
}
