/// A table: optional caption, column alignments, header rows and body rows.
public struct Table: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    public var caption: [Inline]
    public var alignments: [Alignment]
    public var header: [[TableCell]]
    public var rows: [[TableCell]]

    public init(caption: [Inline] = [], alignments: [Alignment] = [], header: [[TableCell]] = [], rows: [[TableCell]] = []) {
        self.caption = caption
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }

    /// The number of columns: the widest row, counting column spans.
    public var columnCount: Int {
        let widths = (header + rows).map { row in row.reduce(0) { $0 + max(1, $1.colspan) } }
        return max(alignments.count, widths.max() ?? 0)
    }
}

public struct TableCell: Hashable, Sendable {
    /// A cell's content; GFM cells hold one paragraph.
    public var blocks: [Block]
    public var colspan: Int
    public var rowspan: Int

    public init(blocks: [Block], colspan: Int = 1, rowspan: Int = 1) {
        self.blocks = blocks
        self.colspan = colspan
        self.rowspan = rowspan
    }

    public init(_ inlines: [Inline]) {
        self.init(blocks: inlines.isEmpty ? [] : [.paragraph(inlines)])
    }
}
