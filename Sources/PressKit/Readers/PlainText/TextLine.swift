/// One line of a plain-text input: its indentation (tabs count to the next multiple of 4) and its content
/// without leading or trailing white space.
struct TextLine {
    let indent: Int
    let content: String
    /// Indentation plus the content's length in Unicode scalars (what a wrapping editor counted).
    let length: Int

    var isBlank: Bool { content.isEmpty }

    /// Splits decoded text into lines: CRLF, CR and LF end a line; a form feed ends the line and the block
    /// (a page break is a blank line); a BOM and control characters other than tabs are dropped.
    static func split(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        var current: [UInt8] = []
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        lines.reserveCapacity(bytes.count / 40 + 1)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0A:
                lines.append(TextLine(current)); current.removeAll(keepingCapacity: true)
            case 0x0D:
                lines.append(TextLine(current)); current.removeAll(keepingCapacity: true)
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            case 0x0C:
                lines.append(TextLine(current)); current.removeAll(keepingCapacity: true)
                lines.append(TextLine([]))
            case 0x0B:
                lines.append(TextLine(current)); current.removeAll(keepingCapacity: true)
            case 0x09:
                current.append(b)
            case 0x00..<0x20, 0x7F:
                break
            default:
                current.append(b)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(TextLine(current)) }
        return lines
    }

    init(_ bytes: [UInt8]) {
        var indent = 0, start = 0
        while start < bytes.count {
            if bytes[start] == 0x20 { indent += 1 } else if bytes[start] == 0x09 { indent += 4 - indent % 4 } else { break }
            start += 1
        }
        var end = bytes.count
        while end > start {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x09 { end -= 1; continue }
            // A trailing no-break space (C2 A0) is white space too.
            if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2; continue }
            break
        }
        var content = String(decoding: bytes[start..<end], as: UTF8.self)
        if content.utf8.contains(0x09) {
            content = String(content.map { $0 == "\t" ? " " : $0 })
        }
        self.indent = indent
        self.content = content
        self.length = indent + content.unicodeScalars.count
    }

    init(indent: Int, content: String) {
        self.indent = indent
        self.content = content
        self.length = indent + content.unicodeScalars.count
    }
}
