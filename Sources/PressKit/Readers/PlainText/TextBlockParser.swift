/// Turns the lines of a plain-text press release into blocks: paragraphs (blank-line separated, wrapped
/// lines joined), headings (ALL-CAPS lines, `====`/`----` underlines), lists, thematic breaks, and end
/// marks kept as their own paragraphs for the press-release pass.
struct TextBlockParser {
    let lines: [TextLine]
    let joiner: LineJoiner

    init(lines: [TextLine]) {
        self.lines = lines
        self.joiner = LineJoiner.estimate(lines)
    }

    func parse() -> [Block] {
        var blocks: [Block] = []
        var i = 0
        let n = lines.count
        while i < n {
            let line = lines[i]
            if line.isBlank { i += 1; continue }
            let blockStart = i == 0 || lines[i - 1].isBlank
            let next: TextLine? = i + 1 < n && !lines[i + 1].isBlank ? lines[i + 1] : nil

            if EndMarks.isEndMark(line.content) {
                blocks.append(.paragraph([.text(line.content)]))
                i += 1
                continue
            }
            // ====  /  TITLE  /  ====
            if let level = line.underlineLevel, i + 2 < n, !lines[i + 1].isBlank, lines[i + 1].listMarker == nil,
               lines[i + 2].underlineLevel == level {
                blocks.append(.heading(level: level, content: Autolinker.inlines(lines[i + 1].content), id: nil))
                i += 3
                continue
            }
            if line.isThematicBreak {
                blocks.append(.thematicBreak)
                i += 1
                continue
            }
            if line.listMarker != nil {
                var parser = TextListParser(lines: lines, joiner: joiner)
                let (listBlocks, end) = parser.parse(from: i)
                blocks += listBlocks
                i = end
                continue
            }
            if let next, let level = next.underlineLevel {
                blocks.append(.heading(level: level, content: Autolinker.inlines(line.content), id: nil))
                i += 2
                continue
            }
            if blockStart || isAfterHeading(blocks, i), line.isCapsHeading(next: next) {
                // Consecutive caps lines that wrap into each other are one heading.
                var text = line.content
                var j = i + 1
                while j < n, !lines[j].isBlank, joiner.isWrap(lines[j - 1], lines[j]),
                      lines[j].isCapsHeading(next: j + 1 < n && !lines[j + 1].isBlank ? lines[j + 1] : nil) {
                    text += " " + lines[j].content
                    j += 1
                }
                blocks.append(.heading(level: 2, content: Autolinker.inlines(text), id: nil))
                i = j
                continue
            }
            if blockStart, next == nil, isBetweenBodyParagraphs(blocks, i), line.isSubhead {
                blocks.append(.heading(level: 2, content: Autolinker.inlines(line.content), id: nil))
                i += 1
                continue
            }
            // A paragraph: up to a blank line, an end mark, a list that interrupts, or an underlined line.
            var j = i + 1
            while j < n {
                let l = lines[j]
                if l.isBlank || EndMarks.isEndMark(l.content) || l.isThematicBreak && l.underlineLevel == nil { break }
                if let marker = l.listMarker, !marker.ordered || marker.number == 1, !continuesWrappedLine(j) { break }
                if j + 1 < n, lines[j + 1].underlineLevel != nil, !lines[j + 1].isBlank { break }
                j += 1
            }
            var start = i
            for k in i..<(j - 1) where joiner.isParagraphBreak(lines[k], lines[k + 1]) {
                blocks.append(.paragraph(joiner.inlines(Array(lines[start...k]))))
                start = k + 1
            }
            blocks.append(.paragraph(joiner.inlines(Array(lines[start..<j]))))
            i = j
        }
        return blocks
    }

    /// Whether line `j`, which starts like a list item ("1. Juni auch …", "– so die Leiterin …"), continues
    /// the wrapped line above: the text is hard-wrapped, the line above wrapped into it and ends no sentence
    /// and no lead-in (":").
    private func continuesWrappedLine(_ j: Int) -> Bool {
        guard joiner.width != nil, j > 0, !lines[j - 1].isBlank, joiner.isWrap(lines[j - 1], lines[j]),
              let last = lines[j - 1].content.last else { return false }
        return !".!?:;".contains(last)
    }

    /// A subhead stands between body text: at least two blocks before it, the one just before a paragraph
    /// or list, and a paragraph of running text (a sentence of 80 characters or more) right after it.
    private func isBetweenBodyParagraphs(_ blocks: [Block], _ i: Int) -> Bool {
        guard blocks.count >= 2 else { return false }
        switch blocks.last {
        case .paragraph?, .bulletList?, .orderedList?: break
        default: return false
        }
        var j = i + 1
        while j < lines.count, lines[j].isBlank { j += 1 }
        guard j > i + 1, j < lines.count, lines[j].listMarker == nil, !EndMarks.isEndMark(lines[j].content) else {
            return false
        }
        var length = 0
        while j < lines.count, !lines[j].isBlank {
            length += lines[j].length + 1
            j += 1
        }
        return length >= 80
    }

    /// A caps line right after a caps heading in the same block (e.g. "FOR IMMEDIATE RELEASE" over a caps
    /// headline) is a heading of its own.
    private func isAfterHeading(_ blocks: [Block], _ i: Int) -> Bool {
        guard i > 0, !lines[i - 1].isBlank, case .heading? = blocks.last else { return false }
        return true
    }
}
