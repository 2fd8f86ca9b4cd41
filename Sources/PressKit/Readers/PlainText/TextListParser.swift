/// Reads a run of list items (`-`, `*`, `•`, `1.`, `1)`) with their continuation lines, and nests them by
/// indentation. Nesting deeper than `maxDepth` is flattened into the deepest list.
struct TextListParser {
    static let maxDepth = 200

    let lines: [TextLine]
    let joiner: LineJoiner

    private struct RawItem {
        var marker: ListMarker
        var indent: Int
        /// Each paragraph's lines and their texts (the first line without its marker).
        var paragraphs: [(lines: [TextLine], texts: [String])]
        var blankBefore: Bool
    }

    private struct Frame {
        var indent: Int
        var ordered: Bool
        var delimiter: String
        var start: Int
        var items: [ListItem] = []
        var loose = false

        var block: Block {
            let list = ListBlock(items: items, tight: !loose, start: start, delimiter: delimiter)
            return ordered ? .orderedList(list) : .bulletList(list)
        }
    }

    /// The list blocks starting at line `start`, and the index of the first line after them.
    mutating func parse(from start: Int) -> ([Block], Int) {
        let (items, end) = collect(from: start)
        return (build(items), end)
    }

    private func collect(from start: Int) -> ([RawItem], Int) {
        var items: [RawItem] = []
        var i = start
        var sawBlank = false
        let n = lines.count
        while i < n {
            let line = lines[i]
            if line.isBlank {
                var k = i
                while k < n, lines[k].isBlank { k += 1 }
                guard k < n, let last = items.last else { break }
                let nextLine = lines[k]
                if nextLine.listMarker != nil, !EndMarks.isEndMark(nextLine.content) {
                    sawBlank = true
                    i = k
                    continue
                }
                // A paragraph indented under the item's text continues the item.
                if nextLine.indent >= last.marker.contentIndent, nextLine.indent > 0 {
                    items[items.count - 1].paragraphs.append((lines: [], texts: []))
                    i = k
                    continue
                }
                break
            }
            if EndMarks.isEndMark(line.content) || line.underlineLevel != nil || line.isThematicBreak { break }
            if let marker = line.listMarker {
                items.append(RawItem(marker: marker, indent: line.indent, paragraphs: [(lines: [line], texts: [marker.text])],
                                     blankBefore: sawBlank))
                sawBlank = false
                i += 1
                continue
            }
            guard var last = items.last else { break }
            var paragraph = last.paragraphs.removeLast()
            if let previous = paragraph.lines.last {
                // Indented under the item, or the previous line wrapped into this one: a continuation.
                let continues = line.indent >= last.marker.contentIndent || joiner.isWrap(previous, line)
                if !continues {
                    break
                }
            }
            paragraph.lines.append(line)
            paragraph.texts.append(line.content)
            last.paragraphs.append(paragraph)
            items[items.count - 1] = last
            i += 1
        }
        return (items, i)
    }

    private func build(_ items: [RawItem]) -> [Block] {
        var output: [Block] = []
        var stack: [Frame] = []

        func closeTop() {
            let frame = stack.removeLast()
            if stack.isEmpty {
                output.append(frame.block)
            } else {
                let parent = stack.count - 1
                if stack[parent].items.isEmpty { stack[parent].items.append(ListItem(blocks: [])) }
                stack[parent].items[stack[parent].items.count - 1].blocks.append(frame.block)
            }
        }
        func open(_ item: RawItem) {
            stack.append(Frame(indent: item.indent, ordered: item.marker.ordered, delimiter: item.marker.delimiter,
                               start: item.marker.number))
        }

        for item in items {
            while stack.count > 1, item.indent < stack[stack.count - 1].indent { closeTop() }
            if stack.isEmpty {
                open(item)
            } else if item.indent >= stack[stack.count - 1].indent + 2, stack.count < TextListParser.maxDepth {
                open(item)
            } else if stack[stack.count - 1].ordered != item.marker.ordered
                        || (item.marker.ordered && stack[stack.count - 1].delimiter != item.marker.delimiter) {
                closeTop()
                open(item)
            }
            let paragraphs = item.paragraphs.filter { !$0.lines.isEmpty }
            let blocks = paragraphs.map {
                Block.paragraph(joiner.inlines($0.lines, contents: $0.texts, continuationIndent: item.marker.contentIndent))
            }
            let top = stack.count - 1
            if item.blankBefore && !stack[top].items.isEmpty || paragraphs.count > 1 { stack[top].loose = true }
            stack[top].items.append(ListItem(blocks: blocks))
        }
        while !stack.isEmpty { closeTop() }
        return output
    }
}
