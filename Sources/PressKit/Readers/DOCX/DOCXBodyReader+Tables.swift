extension DOCXBodyReader {
    /// A table: header rows (`w:tblHeader`, or the first row when the table's look or the row's
    /// conditional formatting marks it), cells spanning columns (`w:gridSpan`) and rows (`w:vMerge`),
    /// empty cells for `w:gridBefore`/`w:gridAfter`, any blocks in cells (nested tables included).
    mutating func table(_ t: XMLTreeElement, into items: inout [Item]) {
        struct RawCell {
            var column: Int
            var span: Int
            var merge: String?
            var blocks: [Block]
        }
        var rows: [[RawCell]] = []
        var headerFlags: [Bool] = []
        let look = t.child("tblPr")?.child("tblLook")
        let lookFirstRow = look?.attribute("firstRow").map { $0 == "1" || $0 == "true" }
            ?? look?.attribute("val").flatMap { Int($0, radix: 16) }.map { $0 & 0x20 != 0 } ?? false
        for row in Self.rowElements(t) {
            let trPr = row.child("trPr")
            var column = trPr?.child("gridBefore")?.attribute("val").flatMap { Int($0) } ?? 0
            var cells: [RawCell] = (0..<min(column, 64)).map { RawCell(column: $0, span: 1, merge: nil, blocks: []) }
            for cell in Self.cellElements(row) {
                let tcPr = cell.child("tcPr")
                let span = max(1, min(tcPr?.child("gridSpan")?.attribute("val").flatMap { Int($0) } ?? 1, 64))
                let merge = tcPr?.child("vMerge").map { $0.attribute("val") ?? "continue" }
                cells.append(RawCell(column: column, span: span, merge: merge, blocks: blocks(of: cell)))
                column += span
            }
            let after = trPr?.child("gridAfter")?.attribute("val").flatMap { Int($0) } ?? 0
            for k in 0..<min(after, 64) { cells.append(RawCell(column: column + k, span: 1, merge: nil, blocks: [])) }
            rows.append(cells)
            let isHeader = trPr?.child("tblHeader").map { DOCXRunFormat.on($0) } ?? false
            let cnf = trPr?.child("cnfStyle")?.attribute("firstRow") == "1"
            headerFlags.append(isHeader || (rows.count == 1 && (cnf || lookFirstRow)))
        }
        guard !rows.isEmpty else { return }
        // Row spans: a "restart" cell spans the "continue" cells below it at the same column.
        var out: [[TableCell]] = []
        for (r, row) in rows.enumerated() {
            var cells: [TableCell] = []
            for cell in row {
                if cell.merge == "continue" { continue }
                var rowspan = 1
                if cell.merge == "restart" {
                    var next = r + 1
                    while next < rows.count,
                          rows[next].contains(where: { $0.column == cell.column && $0.merge == "continue" }) {
                        rowspan += 1
                        next += 1
                    }
                }
                cells.append(TableCell(blocks: cell.blocks, colspan: cell.span, rowspan: rowspan))
            }
            out.append(cells)
        }
        var headerCount = 0
        while headerCount < out.count - 1, headerFlags[headerCount] { headerCount += 1 }
        if headerCount == 0, out.count == 1, headerFlags[0] { headerCount = 1 }
        var caption: [Inline] = []
        if case .caption(let above)? = items.last {
            caption = above
            items.removeLast()
        }
        items.append(.block(.table(Table(caption: caption, header: Array(out[..<headerCount]), rows: Array(out[headerCount...])))))
    }

    private static func rowElements(_ t: XMLTreeElement) -> [XMLTreeElement] {
        var out: [XMLTreeElement] = []
        for e in t.elements {
            switch e.name {
            case "tr": out.append(e)
            case "sdt": out += e.child("sdtContent").map { rowElements($0) } ?? []
            case "customXml", "ins", "moveTo": out += rowElements(e)
            default: break
            }
        }
        return out
    }

    private static func cellElements(_ row: XMLTreeElement) -> [XMLTreeElement] {
        var out: [XMLTreeElement] = []
        for e in row.elements {
            switch e.name {
            case "tc": out.append(e)
            case "sdt": out += e.child("sdtContent").map { cellElements($0) } ?? []
            case "customXml", "ins", "moveTo": out += cellElements(e)
            default: break
            }
        }
        return out
    }
}
