/// Keeps cmark-gfm 0.29.0.gfm.6 in linear time on hostile Markdown.
///
/// That version's inline parser is quadratic on some inputs (links after many emphasis delimiters, many `<?`,
/// `<!X` or `<![CDATA[` openers, `[ (](` runs, `a@a@…` autolinks) and its table extension on rows of many
/// cells. The cost of one block is at most proportional to its length times the number of markup characters
/// in it, so presskit bounds that product per block:
///
/// 1. A document none of whose runs of non-blank lines goes over the budget is parsed as it always was (every
///    ordinary document: the output is unchanged).
/// 2. Otherwise cmark parses a *neutralised* copy (inline markup characters replaced by letters, line starts
///    and structural lines kept, same line lengths) only to find the blocks and their lines; paragraphs,
///    headings and tables over the budget are replaced by a placeholder word, and the document is parsed
///    again: everything else reads exactly as before.
/// 3. Each replaced block's text is parsed as inline Markdown in pieces within the budget, cut at spaces or
///    line ends outside brackets where possible; the pieces are joined into the one paragraph (or heading).
///    Emphasis, links or code crossing a cut are read as text; a table read this way becomes a paragraph of
///    its cell text. A warning names each block simplified.
enum MarkdownWorkBound {
    /// Length (bytes) times markup characters a block may have before it is parsed in pieces.
    static let blockBudget = 500_000
    /// The same product for one piece, and a piece's largest size.
    static let pieceBudget = 120_000
    static let pieceBytes = 16_384

    /// Characters that start or end inline markup (and table cells).
    @inline(__always)
    static func isMarkup(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"),
             UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// The document's lines, without their line ends (LF, CRLF or CR, as cmark reads them).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 10 || b == 13 {
                out.append(bytes[start..<i])
                if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }

    static func cost(_ line: ArraySlice<UInt8>) -> (bytes: Int, markup: Int) {
        var markup = 0
        for b in line where isMarkup(b) { markup += 1 }
        return (line.count, markup)
    }

    /// `needsBound(lines(bytes))` in one pass over the bytes, without building the lines (every document
    /// pays for this check; 1 MB: 24 M instructions through the lines, `MarkdownHTMLFastPathTests`).
    static func needsBound(_ bytes: [UInt8]) -> Bool {
        byteClass.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buffer in
                let count = buffer.count
                var runBytes = 0, runMarkup = 0
                var lineStart = 0, lineMarkup = 0
                var lineClass: UInt8 = 0  // the classes of the line's bytes or-ed: bit 2 set when it is not blank
                var i = 0
                while i <= count {
                    // The end of the bytes ends a last line that has no line end (when it is not empty).
                    let c = i < count ? table[Int(buffer[i])] : (lineStart < count ? 1 : 0)
                    guard c & 1 != 0 else {
                        lineMarkup &+= Int(c >> 1 & 1)
                        lineClass |= c
                        i += 1
                        continue
                    }
                    if i == count, lineStart >= count { break }
                    // A line ended at `i`: the same sums and test as `needsBound(_ lines:)`.
                    if lineClass & 4 == 0 {
                        runBytes = 0; runMarkup = 0
                    } else {
                        runBytes += i - lineStart + 1
                        runMarkup += lineMarkup
                        if runBytes.multipliedReportingOverflow(by: runMarkup).partialValue > blockBudget || runBytes > 1 << 40 {
                            return true
                        }
                    }
                    if i < count, buffer[i] == 13, i + 1 < count, buffer[i + 1] == 10 { i += 1 }
                    lineStart = i + 1
                    lineMarkup = 0
                    lineClass = 0
                    i += 1
                }
                return false
            }
        }
    }

    /// Per byte: 1 a line end (LF, CR), 2 a markup character (`isMarkup`), 4 not blank (not space, tab or a
    /// line end).
    static let byteClass: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        if byte == 10 || byte == 13 { return 1 }
        if byte == 32 || byte == 9 { return 0 }
        return isMarkup(byte) ? 6 : 4
    }

    /// Whether some run of non-blank lines goes over the budget (cheap, linear: decides whether anything
    /// below is needed at all).
    static func needsBound(_ lines: [ArraySlice<UInt8>]) -> Bool {
        var bytes = 0, markup = 0
        for line in lines {
            if isBlank(line) {
                bytes = 0; markup = 0
                continue
            }
            let c = cost(line)
            bytes += c.bytes + 1
            markup += c.markup
            if bytes.multipliedReportingOverflow(by: markup).partialValue > blockBudget || bytes > 1 << 40 { return true }
        }
        return false
    }

    // MARK: the neutralised copy

    /// The end of a line's container markers (block quote `>`, list markers, indentation).
    static func containerPrefixEnd(_ line: ArraySlice<UInt8>) -> Int {
        var i = line.startIndex
        while i < line.endIndex {
            let b = line[i]
            if b == 32 || b == 9 || b == UInt8(ascii: ">") { i += 1; continue }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "*") {
                let next = i + 1
                if next == line.endIndex || line[next] == 32 || line[next] == 9 { i = next; continue }
                break
            }
            if b >= 48 && b <= 57 {
                var j = i
                while j < line.endIndex, j - i < 9, line[j] >= 48, line[j] <= 57 { j += 1 }
                if j < line.endIndex, line[j] == UInt8(ascii: ".") || line[j] == UInt8(ascii: ")"),
                   j + 1 == line.endIndex || line[j + 1] == 32 || line[j + 1] == 9 {
                    i = j + 1
                    continue
                }
            }
            break
        }
        return i
    }

    /// A line that only structure is made of (thematic breaks, setext underlines, table delimiter rows,
    /// fences without an info string).
    static func isStructural(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.allSatisfy { b in
            b == 32 || b == 9 || b == UInt8(ascii: "-") || b == UInt8(ascii: "=") || b == UInt8(ascii: "*")
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "|") || b == UInt8(ascii: "`")
                || b == UInt8(ascii: "~") || b == UInt8(ascii: "+")
        }
    }

    /// `[label]:` (a link reference or footnote definition) at the start of the line's content.
    static func isDefinitionStart(_ rest: ArraySlice<UInt8>) -> Bool {
        guard rest.first == UInt8(ascii: "[") else { return false }
        var i = rest.startIndex + 1
        while i < rest.endIndex, i - rest.startIndex < 1000 {
            if rest[i] == UInt8(ascii: "]") { return i + 1 < rest.endIndex && rest[i + 1] == UInt8(ascii: ":") }
            i += 1
        }
        return false
    }

    /// The document with inline markup characters replaced by `a`, same lines, same line lengths.
    static func neutralised(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            let prefixEnd = containerPrefixEnd(line)
            let rest = line[prefixEnd...]
            // A line over the budget by itself is never read as a table row in the first parse (the table
            // extension is quadratic in a row's cells): its pipes go too, and it is read as paragraph text.
            let c = cost(line)
            let heavyLine = c.bytes.multipliedReportingOverflow(by: c.markup).partialValue > blockBudget
            if !heavyLine || !rest.contains(UInt8(ascii: "|")), isStructural(rest) || isDefinitionStart(rest) {
                out += line
                out.append(10)
                continue
            }
            let keep = heavyLine ? prefixEnd : min(line.endIndex, prefixEnd + 12)
            out += line[..<keep]
            var i = keep
            while i < line.endIndex {
                let b = line[i]
                let next: UInt8 = i + 1 < line.endIndex ? line[i + 1] : 0
                switch b {
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "`"),
                     UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "&"),
                     UInt8(ascii: ":"):
                    out.append(UInt8(ascii: "a"))
                case UInt8(ascii: "<") where next == UInt8(ascii: "!") || next == UInt8(ascii: "?"):
                    out.append(UInt8(ascii: "a"))
                case UInt8(ascii: "\\") where next != UInt8(ascii: "|"):
                    out.append(UInt8(ascii: "a"))
                case UInt8(ascii: "|") where heavyLine:
                    out.append(UInt8(ascii: "a"))
                default:
                    out.append(b)
                }
                i += 1
            }
            out.append(10)
        }
        return out
    }

    // MARK: planning the second parse

    /// A block as the first parse saw it (lines and columns 1-based, as cmark gives them).
    struct Outline {
        enum Kind { case paragraph, heading(Int), table(columns: Int) }
        var kind: Kind
        var startLine: Int
        var startColumn: Int
        var endLine: Int
    }

    /// A block parsed in pieces.
    struct Heavy {
        var line: Int
        var description: String
        var text: [UInt8]
    }

    /// The document for the second parse (heavy blocks replaced by `token + index`), and the heavy blocks.
    static func plan(_ lines: [ArraySlice<UInt8>], outline: [Outline], token: String) -> (text: [UInt8], heavy: [Heavy]) {
        var heavy: [Heavy] = []
        var replaced: [Int: (line: [UInt8], skip: Int)] = [:]  // start line index → replacement, lines to drop
        for block in outline {
            let first = block.startLine - 1, last = min(block.endLine, lines.count) - 1
            guard first >= 0, first <= last else { continue }
            var contentLast = last
            if case .heading = block.kind, last > first { contentLast = last - 1 }  // setext: keep the underline
            var isHeavy = false
            var bytes = 0, markup = 0, rowMax = 0
            for index in first...contentLast {
                let c = cost(lines[index])
                bytes += c.bytes + 1
                markup += c.markup
                rowMax = max(rowMax, c.bytes.multipliedReportingOverflow(by: c.markup).partialValue)
            }
            switch block.kind {
            case .table: isHeavy = rowMax > blockBudget
            default: isHeavy = bytes.multipliedReportingOverflow(by: markup).partialValue > blockBudget
            }
            guard isHeavy else { continue }
            let firstLine = lines[first]
            let prefixEnd = min(firstLine.endIndex, firstLine.startIndex + max(0, block.startColumn - 1))
            var text: [UInt8] = []
            for index in first...contentLast {
                var content = lines[index]
                if index == first {
                    content = content[prefixEnd...]
                } else {
                    while let b = content.first, b == 32 || b == 9 || b == UInt8(ascii: ">") { content = content.dropFirst() }
                }
                if index > first { text.append(10) }
                text += content
            }
            let marker = Array((token + String(heavy.count)).utf8)
            var replacement = Array(firstLine[..<prefixEnd])
            let description: String
            switch block.kind {
            case .heading(let level):
                if first == contentLast && last == first {
                    // ATX: drop the opening and closing `#` sequences.
                    var body = text[...]
                    while body.first == UInt8(ascii: "#") { body = body.dropFirst() }
                    while body.last == 32 || body.last == 9 { body = body.dropLast() }
                    var end = body.endIndex
                    while end > body.startIndex, body[end - 1] == UInt8(ascii: "#") { end -= 1 }
                    if end == body.startIndex || body[end - 1] == 32 || body[end - 1] == 9 { body = body[..<end] }
                    text = Array(body)
                    replacement += Array(repeating: UInt8(ascii: "#"), count: level) + [32]
                }
                description = "a heading"
            case .paragraph:
                description = "a paragraph"
            case .table(let columns):
                description = "a table of \(columns) columns (read as a paragraph of its cell text)"
            }
            replacement += marker
            replaced[first] = (replacement, contentLast - first + 1)
            heavy.append(Heavy(line: block.startLine, description: description, text: text))
        }
        var out: [UInt8] = []
        var index = 0
        while index < lines.count {
            if let (line, skip) = replaced[index] {
                out += line
                out.append(10)
                index += skip
                continue
            }
            out += lines[index]
            out.append(10)
            index += 1
        }
        return (out, heavy)
    }

    /// A word that does not occur in the document, for the placeholders.
    static func token(for bytes: [UInt8]) -> String {
        var nonce = 0
        while true {
            let token = "presskitheavy\(nonce)x"
            if !contains(bytes, Array(token.utf8)) { return token }
            nonce += 1
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var i = 0
        let end = haystack.count - needle.count
        while i <= end {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    // MARK: link reference definitions

    /// A label as cmark matches it: case-folded (ASCII), inner white space collapsed.
    static func normalizedLabel(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var space = false
        for b in bytes {
            if b == 32 || b == 9 || b == 10 || b == 13 { space = !out.isEmpty; continue }
            if space { out.append(32); space = false }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return out
    }

    /// The document's one-line link reference definitions (`[label]: destination …`), by label, so a piece
    /// of a heavy block can still resolve its reference links. Footnote definitions are not included.
    static func definitions(_ lines: [ArraySlice<UInt8>]) -> [[UInt8]: ArraySlice<UInt8>] {
        var out: [[UInt8]: ArraySlice<UInt8>] = [:]
        for line in lines {
            let rest = line[containerPrefixEnd(line)...]
            guard isDefinitionStart(rest), rest.dropFirst().first != UInt8(ascii: "^"),
                  let close = rest.firstIndex(of: UInt8(ascii: "]")) else { continue }
            let label = normalizedLabel(rest[(rest.startIndex + 1)..<close])
            if !label.isEmpty, out[label] == nil { out[label] = rest }
        }
        return out
    }

    /// The definitions a piece refers to (`[label]` anywhere in it), each once, as lines to append.
    static func definitions(referencedBy piece: ArraySlice<UInt8>, in all: [[UInt8]: ArraySlice<UInt8>]) -> [UInt8] {
        guard !all.isEmpty else { return [] }
        var out: [UInt8] = []
        var used = Set<[UInt8]>()
        var i = piece.startIndex
        while i < piece.endIndex {
            if piece[i] == UInt8(ascii: "[") {
                var j = i + 1
                while j < piece.endIndex, j - i <= 1000, piece[j] != UInt8(ascii: "]"), piece[j] != UInt8(ascii: "[") { j += 1 }
                if j < piece.endIndex, piece[j] == UInt8(ascii: "]") {
                    let label = normalizedLabel(piece[(i + 1)..<j])
                    // At most about twice the piece's size is added, so pieces stay within their budget.
                    if let line = all[label], out.count + line.count <= max(4096, 2 * piece.count),
                       used.insert(label).inserted {
                        out.append(10)
                        out += line
                    }
                    i = j
                    continue
                }
                // Another `[` (or none) before a `]`: go on from there.
                i = j
                continue
            }
            i += 1
        }
        return out.isEmpty ? [] : [10] + out + [10]
    }

    // MARK: pieces

    /// A piece of a heavy block's text and what separated it from the previous piece.
    struct Piece {
        var bytes: ArraySlice<UInt8>
        /// The whitespace before it contained a line end.
        var afterLineEnd: Bool
        /// Nothing separated it from the previous piece (cut inside a word).
        var glued: Bool
    }

    /// Cuts text into pieces whose length times markup stays within `pieceBudget` (and `pieceBytes`), at
    /// whitespace where brackets and backticks balance if possible, else at any whitespace, else anywhere
    /// (on a UTF-8 character boundary).
    static func pieces(_ text: [UInt8]) -> [Piece] {
        var out: [Piece] = []
        var start = 0
        var afterLineEnd = false
        var glued = false
        while start < text.count {
            var i = start
            var markup = 0
            var depth = 0, ticks = 0
            var balancedCut = -1, anyCut = -1
            while i < text.count {
                let b = text[i]
                if isMarkup(b) { markup += 1 }
                switch b {
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth = max(0, depth - 1)
                case UInt8(ascii: "`"): ticks += 1
                case 32, 9, 10:
                    if i > start {
                        anyCut = i
                        if depth == 0 && ticks % 2 == 0 { balancedCut = i }
                    }
                default: break
                }
                let length = i - start + 1
                if length >= pieceBytes || length * markup > pieceBudget { break }
                i += 1
            }
            if i >= text.count {
                out.append(Piece(bytes: text[start...], afterLineEnd: afterLineEnd, glued: glued))
                break
            }
            let length = i - start
            var cut: Int
            if balancedCut > start + length / 2 { cut = balancedCut } else if anyCut > start { cut = anyCut } else {
                cut = max(i, start + 1)
                while cut < text.count, text[cut] & 0xC0 == 0x80 { cut += 1 }
            }
            out.append(Piece(bytes: text[start..<cut], afterLineEnd: afterLineEnd, glued: glued))
            var next = cut
            afterLineEnd = false
            while next < text.count, text[next] == 32 || text[next] == 9 || text[next] == 10 {
                if text[next] == 10 { afterLineEnd = true }
                next += 1
            }
            glued = next == cut
            start = next
        }
        return out
    }
}
