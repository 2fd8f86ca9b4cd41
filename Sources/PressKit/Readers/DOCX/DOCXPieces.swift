/// Inline content of one paragraph as it is read run by run: pieces of text (and other inlines) each with
/// its run format, the open fields (`w:fldChar` begin/separate/end), and the text boxes met on the way.
/// `inlines()` merges runs of equal formatting and nests the formatting so that `**Hello**` split over
/// three runs stays `**Hello**`.
struct DOCXPieces {
    struct Piece {
        var format: DOCXRunFormat
        var inline: Inline
    }

    /// A complex field being read: its instruction, then (after `separate`) its result.
    struct Field {
        var instruction = ""
        var inResult = false
        var pieces: [Piece] = []
    }

    private(set) var pieces: [Piece] = []
    private var fields: [Field] = []
    /// Blocks of text boxes met in this paragraph, placed after it.
    var pendingBlocks: [Block] = []
    /// Bookmark names met (for heading ids).
    var bookmarks: [String] = []
    /// Bookmarks at the same place as the one before them (no content between): alias → first name.
    var aliases: [String: String] = [:]
    private var lastBookmark: (name: String, at: Int)?

    mutating func bookmark(_ name: String) {
        bookmarks.append(name)
        let at = pieces.count
        if let last = lastBookmark, last.at == at, fields.isEmpty {
            aliases[name] = aliases[last.name] ?? last.name
        } else {
            lastBookmark = (name, at)
        }
    }

    mutating func add(_ inline: Inline, _ format: DOCXRunFormat) {
        let piece = Piece(format: format, inline: inline)
        if fields.isEmpty {
            pieces.append(piece)
        } else if fields[fields.count - 1].inResult {
            fields[fields.count - 1].pieces.append(piece)
        }
    }

    mutating func addText(_ text: String, _ format: DOCXRunFormat) {
        guard !text.isEmpty else { return }
        add(.text(text), format)
    }

    mutating func instruction(_ text: String) {
        guard !fields.isEmpty, !fields[fields.count - 1].inResult else { return }
        fields[fields.count - 1].instruction += text
    }

    mutating func beginField() {
        // A field inside a field's instruction (nested_instrText) is read as part of that instruction.
        if fields.count > 16 { return }
        fields.append(Field())
    }

    mutating func separateField() {
        guard !fields.isEmpty else { return }
        fields[fields.count - 1].inResult = true
    }

    mutating func endField() {
        guard let field = fields.popLast() else { return }
        emitField(instruction: field.instruction, pieces: field.pieces)
    }

    /// A field's result in place: a HYPERLINK becomes a link, a REF or PAGEREF a link to its bookmark, any
    /// other field its displayed text.
    mutating func emitField(instruction: String, pieces fieldPieces: [Piece]) {
        if let target = Self.fieldTarget(instruction) {
            let content = Self.inlines(fieldPieces)
            for inline in Self.link(target, content.isEmpty ? [.text(target)] : content) { add(inline, .plain) }
        } else {
            for piece in fieldPieces { add(piece.inline, piece.format) }
        }
    }

    /// A link over `content`; links already inside it (a PAGEREF in a table of contents' HYPERLINK) stay
    /// as they are, and the outer link covers the stretches between them.
    static func link(_ target: String, _ content: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var stretch: [Inline] = []
        func flush() {
            if stretch.contains(where: { if case .text(let t) = $0 { return !t.allSatisfy { $0 == " " } } else { return true } }) {
                out.append(.link(Link(target: target, content: stretch)))
            } else {
                out += stretch
            }
            stretch = []
        }
        for inline in content {
            if case .link = inline {
                flush()
                out.append(inline)
            } else {
                stretch.append(inline)
            }
        }
        flush()
        return out
    }

    /// The target of a HYPERLINK, REF or PAGEREF field, nil for any other.
    static func fieldTarget(_ instruction: String) -> String? {
        let words = fieldWords(instruction)
        guard let first = words.first?.uppercased() else { return nil }
        if first == "REF" || first == "PAGEREF" || first == "NOTEREF" {
            guard words.count > 1, !words[1].hasPrefix("\\") else { return nil }
            return "#" + words[1]
        }
        return hyperlinkTarget(instruction)
    }

    /// Closes fields left open at the paragraph's end (their results stay).
    mutating func finish() -> [Piece] {
        while !fields.isEmpty { endField() }
        return pieces
    }

    /// `HYPERLINK "url" \l "anchor"` → the target, or nil for any other field.
    static func hyperlinkTarget(_ instruction: String) -> String? {
        let words = fieldWords(instruction)
        guard let first = words.first, first.uppercased() == "HYPERLINK" else { return nil }
        var url = ""
        var anchor: String?
        var i = 1
        while i < words.count {
            let w = words[i]
            if w.fastLowercased() == "\\l", i + 1 < words.count {
                anchor = words[i + 1]
                i += 2
                continue
            }
            if w.hasPrefix("\\") {
                i += (w.fastLowercased() == "\\o" || w.fastLowercased() == "\\t") ? 2 : 1
                continue
            }
            if url.isEmpty { url = w }
            i += 1
        }
        if let anchor { return url + "#" + anchor }
        return url.isEmpty ? nil : url
    }

    /// A field instruction split into words; quoted strings are one word.
    static func fieldWords(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var hadQuote = false
        for ch in s {
            if ch == "\"" {
                quoted.toggle()
                hadQuote = true
            } else if ch.isWhitespace && !quoted {
                if !current.isEmpty || hadQuote { out.append(current) }
                current = ""
                hadQuote = false
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty || hadQuote { out.append(current) }
        return out
    }

    // MARK: - Building inlines

    /// The pieces as nested inlines: equal formats merged, white space at a format's edges moved out of it.
    static func inlines(_ input: [Piece]) -> [Inline] {
        let merged = spacesOutside(merge(input))
        return nest(merge(merged))
    }

    private static func merge(_ input: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for piece in input {
            if case .text(let t) = piece.inline, let last = out.last, last.format == piece.format,
               case .text(let previous) = last.inline {
                out[out.count - 1].inline = .text(previous + t)
            } else {
                out.append(piece)
            }
        }
        return out
    }

    private static func intersect(_ a: DOCXRunFormat, _ b: DOCXRunFormat) -> DOCXRunFormat {
        DOCXRunFormat(bold: a.bold && b.bold, italic: a.italic && b.italic, underline: a.underline && b.underline,
                      strike: a.strike && b.strike, superscript: a.superscript && b.superscript,
                      subscript: a.subscript && b.subscript, smallCaps: a.smallCaps && b.smallCaps)
    }

    /// Leading and trailing spaces of a formatted text piece take only the formatting the neighbour shares.
    private static func spacesOutside(_ input: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for (index, piece) in input.enumerated() {
            guard piece.format != .plain, case .text(let text) = piece.inline else {
                out.append(piece)
                continue
            }
            let previous = index > 0 ? input[index - 1].format : .plain
            let next = index + 1 < input.count ? input[index + 1].format : .plain
            let core = text.trimmingCharacters(in: " ")
            if core.isEmpty {
                var p = piece
                p.format = intersect(intersect(previous, next), piece.format)
                out.append(p)
                continue
            }
            let lead = text.prefix { $0 == " " }
            let trail = String(text.reversed().prefix { $0 == " " })
            if !lead.isEmpty { out.append(Piece(format: intersect(previous, piece.format), inline: .text(String(lead)))) }
            out.append(Piece(format: piece.format, inline: .text(core)))
            if !trail.isEmpty { out.append(Piece(format: intersect(next, piece.format), inline: .text(trail))) }
        }
        return out
    }

    private static let levels = 6

    /// The formatting property nested at `level`, outermost first.
    private static func flag(_ format: DOCXRunFormat, _ level: Int) -> Bool {
        switch level {
        case 0: return format.bold
        case 1: return format.italic
        case 2: return format.underline
        case 3: return format.strike
        case 4: return format.superscript
        default: return format.subscript
        }
    }

    private static func clear(_ format: inout DOCXRunFormat, _ level: Int) {
        switch level {
        case 0: format.bold = false
        case 1: format.italic = false
        case 2: format.underline = false
        case 3: format.strike = false
        case 4: format.superscript = false
        default: format.subscript = false
        }
    }

    private static func wrap(_ level: Int, _ content: [Inline]) -> Inline {
        switch level {
        case 0: return .strong(content)
        case 1: return .emphasis(content)
        case 2: return .underline(content)
        case 3: return .strikethrough(content)
        case 4: return .superscript(content)
        default: return .subscript(content)
        }
    }

    /// Nests formatting: at each step the property that covers the longest stretch of pieces goes outside,
    /// so "*an **italic style**.*" keeps its emphasis whole around the strong part.
    private static func nest(_ input: [Piece], remaining: [Int] = Array(0..<levels)) -> [Inline] {
        guard let level = outermost(input, remaining) else { return codeSpans(input) }
        let rest = remaining.filter { $0 != level }
        var out: [Inline] = []
        var i = 0
        while i < input.count {
            let on = flag(input[i].format, level)
            var j = i
            while j < input.count && flag(input[j].format, level) == on { j += 1 }
            let group = Array(input[i..<j])
            if on {
                let inner = group.map { p -> Piece in var q = p; clear(&q.format, level); return q }
                out.append(wrap(level, nest(inner, remaining: rest)))
            } else {
                out += nest(group, remaining: rest)
            }
            i = j
        }
        return out
    }

    /// The property (of `remaining`) with the longest stretch of consecutive pieces, nil when none is set.
    private static func outermost(_ input: [Piece], _ remaining: [Int]) -> Int? {
        var best: (level: Int, length: Int)?
        for level in remaining {
            var longest = 0, current = 0
            for piece in input {
                current = flag(piece.format, level) ? current + 1 : 0
                longest = max(longest, current)
            }
            if longest > 0, longest > (best?.length ?? 0) { best = (level, longest) }
        }
        return best?.level
    }

    /// Runs of code pieces become code spans: by a code style always; by a monospace font only when the
    /// run stands as words of its own (a stray monospace letter inside a word is a font change, not code).
    private static func codeSpans(_ input: [Piece]) -> [Inline] {
        var out: [Inline] = []
        var i = 0
        while i < input.count {
            guard isCode(input[i]) else {
                out.append(input[i].inline)
                i += 1
                continue
            }
            var j = i
            var text = ""
            var styled = false
            while j < input.count, isCode(input[j]), case .text(let t) = input[j].inline {
                text += t
                styled = styled || input[j].format.code
                j += 1
            }
            let before = i > 0 ? lastCharacter(input[i - 1].inline) : nil
            let after = j < input.count ? firstCharacter(input[j].inline) : nil
            let standsAlone = !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
                && !(before?.isNumber ?? false) && !(after?.isNumber ?? false)
            if styled || standsAlone && text.contains(where: { !$0.isWhitespace }) {
                out.append(.code(text))
            } else if case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + text)
            } else {
                out.append(.text(text))
            }
            i = j
        }
        // Text pieces split around a font change join again.
        var joined: [Inline] = []
        for inline in out {
            if case .text(let t) = inline, case .text(let previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + t)
            } else {
                joined.append(inline)
            }
        }
        return joined
    }

    private static func isCode(_ piece: Piece) -> Bool {
        guard piece.format.code || piece.format.monospace, case .text = piece.inline else { return false }
        return true
    }

    private static func lastCharacter(_ inline: Inline) -> Character? {
        if case .text(let t) = inline { return t.last }
        return nil
    }

    private static func firstCharacter(_ inline: Inline) -> Character? {
        if case .text(let t) = inline { return t.first }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        trimming { $0 == set }
    }
}
