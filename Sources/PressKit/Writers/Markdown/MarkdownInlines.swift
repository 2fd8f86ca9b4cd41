extension MarkdownRenderer {
    /// `delimiter`: the emphasis or strong delimiter these inlines are directly inside, if any.
    mutating func renderInlines(_ inlines: [Inline], parent: Inline? = nil, delimiter: Character? = nil) {
        for (index, inline) in inlines.enumerated() {
            switch inline {
            case .emphasis(let content) where delimiter != nil && (index == 0 || index == inlines.count - 1):
                // Next to the outer delimiter: the other character, or `*x*y**` would read as strong.
                // (`*_x_*`, `**_x_**`; `_` cannot be used against a letter.)
                var char: Character = delimiter == "*" ? "_" : "*"
                if char == "_" {
                    let before = layout.lastCharacter
                    let after: Character? = index + 1 < inlines.count ? Self.firstCharacter(inlines[index + 1]) : nil
                    if before.map(Self.isWordCharacter) == true || after.map(Self.isWordCharacter) == true { char = "*" }
                }
                delimited(String(char), content, parent: inline)
            case .lineBreak where index == inlines.count - 1 && parent == nil:
                break  // a hard break cannot end a paragraph
            default:
                renderInline(inline)
            }
        }
    }

    static func firstCharacter(_ inline: Inline) -> Character? {
        switch inline {
        case .text(let s): return s.first
        case .code: return "`"
        default: return nil
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }


    /// Wraps content in delimiters, moving white space at its edges outside (emphasis cannot start or end
    /// with white space). Empty content writes nothing.
    mutating func delimited(_ delimiter: String, _ content: [Inline], parent: Inline) {
        var inner = content
        var leading = "", trailing = ""
        if case .text(let s)? = inner.first {
            let kept = s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
            leading = String(s.prefix(s.count - kept.count))
            inner[0] = .text(String(kept))
            if kept.isEmpty { inner.removeFirst() }
        }
        if case .text(let s)? = inner.last {
            var kept = s[...]
            while let l = kept.last, l == " " || l == "\t" || l == "\n" { kept = kept.dropLast() }
            trailing = String(s.suffix(s.count - kept.count))
            inner[inner.count - 1] = .text(String(kept))
            if kept.isEmpty { inner.removeLast() }
        }
        if !leading.isEmpty { layout.put(" ", .normal, wrap: wrapping) }
        guard !inner.isEmpty else {
            if !trailing.isEmpty, leading.isEmpty { layout.put(" ", .normal, wrap: wrapping) }
            return
        }
        layout.put(delimiter, .literal)
        renderInlines(inner, parent: parent, delimiter: delimiter == "~~" ? nil : delimiter.first)
        layout.put(delimiter, .literal)
        if !trailing.isEmpty { layout.put(" ", .normal, wrap: wrapping) }
    }

    var wrapping: Bool { layout.width > 0 && !noLinebreaks && !layout.inTable }

    mutating func rawTag(_ tag: String, _ content: [Inline]) {
        layout.put("<\(tag)>", .literal)
        renderInlines(content, parent: .superscript([]))
        layout.put("</\(tag)>", .literal)
    }

    mutating func renderInline(_ inline: Inline) {
        switch inline {
        case .text(let s):
            if noLinebreaks, s.contains("\n") {
                layout.put(String(s.map { $0 == "\n" ? " " : $0 }), .normal, wrap: wrapping)
            } else {
                layout.put(s, .normal, wrap: wrapping)
            }
        case .emphasis(let c): delimited("*", c, parent: inline)
        case .strong(let c): delimited("**", c, parent: inline)
        case .strikethrough(let c):
            if gfm { delimited("~~", c, parent: inline) } else { rawTag("del", c) }
        case .underline(let c): rawTag("u", c)
        case .superscript(let c): rawTag("sup", c)
        case .subscript(let c): rawTag("sub", c)
        case .code(let code): renderCodeSpan(code)
        case .link(let link): renderLink(link)
        case .image(let image):
            layout.escapeTrailingBang()
            layout.put("![", .literal)
            layout.put(image.alt, .normal)
            layout.put("](", .literal)
            putDestination(image.source, definition: false)
            putTitle(image.title)
            layout.put(")", .literal)
        case .softBreak:
            if noLinebreaks || layout.inTable || layout.width > 0 {
                layout.put(" ", .normal, wrap: wrapping)
            } else {
                layout.trimLineEnd()
                layout.newline()
            }
        case .lineBreak:
            if layout.inTable {
                layout.put("<br />", .literal)
            } else if noLinebreaks {
                layout.put(" ", .normal)
            } else {
                layout.trimLineEnd()
                layout.put("\\", .literal)
                layout.newline()
            }
        case .raw(let format, let text):
            guard format.fastLowercased() == "html" else {
                context.warn("raw \(format) inline dropped from Markdown output: \(HTMLBodyRenderer.excerpt(text))")
                return
            }
            layout.put(layout.inTable ? text.replacingPipes() : text, .literal)
        case .note(let blocks):
            notes.append(blocks)
            if gfm {
                layout.put("[^\(notes.count)]", .literal)
            } else {
                layout.put("<sup>\(notes.count)</sup>", .literal)
            }
        }
    }

    mutating func renderCodeSpan(_ original: String) {
        var code = String(original.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        if layout.inTable { code = code.replacingPipes() }
        // The shortest run of backticks that does not occur inside.
        var runs = Set<Int>()
        var run = 0
        for c in code {
            if c == "`" { run += 1 } else { if run > 0 { runs.insert(run) }; run = 0 }
        }
        if run > 0 { runs.insert(run) }
        var ticks = 1
        while runs.contains(ticks) { ticks += 1 }
        let fence = String(repeating: "`", count: ticks)
        let allSpaces = code.allSatisfy { $0 == " " }
        let pad = !code.isEmpty && !allSpaces
            && (code.first == "`" || code.last == "`" || code.first == " " || code.last == " ")
        layout.put(fence + (pad ? " " : "") + code + (pad ? " " : "") + fence, .literal)
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard scheme.count >= 2, scheme.count <= 32, let first = scheme.first, first.isASCII, first.isLetter else {
            return false
        }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-") }
    }

    /// The `<…>` autolink for a link whose text is its target (or its e-mail address), if it has one.
    static func autolink(_ link: Link) -> String? {
        guard link.title == nil || link.title == "", link.content.count == 1,
              case .text(let text) = link.content[0] else { return nil }
        if link.target.hasPrefix("mailto:"), String(link.target.dropFirst(7)) == text, isEmailAutolink(text) {
            return "<" + text + ">"
        }
        guard hasScheme(link.target), link.target == text,
              !link.target.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0.asciiValue.map { $0 < 33 } == true })
        else { return nil }
        return "<" + text + ">"
    }

    /// CommonMark's e-mail autolink: `local@domain` with the spec's character classes.
    static func isEmailAutolink(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let localExtra = Set(".!#$%&'*+/=?^_`{|}~-")
        guard parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || localExtra.contains($0)) }) else {
            return false
        }
        for label in parts[1].split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-",
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        }
        return true
    }

    mutating func renderLink(_ link: Link) {
        if let auto = Self.autolink(link) {
            layout.put(layout.inTable ? auto.replacingPipes() : auto, .literal)
            return
        }
        layout.escapeTrailingBang()
        layout.put("[", .literal)
        renderInlines(link.content, parent: .link(link))
        if referenceLinks {
            let key = link.target + "\u{0}" + (link.title ?? "")
            let number: Int
            if let existing = referenceNumbers[key] {
                number = existing
            } else {
                references.append((link.target, link.title))
                number = references.count
                referenceNumbers[key] = number
            }
            layout.put("][\(number)]", .literal)
            return
        }
        layout.put("](", .literal)
        putDestination(link.target, definition: false)
        putTitle(link.title)
        layout.put(")", .literal)
    }

    /// A link destination: bare with `\` escapes, or in `<…>` when it holds spaces or is empty in a definition.
    mutating func putDestination(_ url: String, definition: Bool) {
        var out = ""
        let pointy = url.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) || (definition && url.isEmpty)
            || url.hasPrefix("<")
        var depth = 0
        var balanced = true
        for c in url {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth < 0 { balanced = false } }
        }
        balanced = balanced && depth == 0
        let chars = Array(url)
        for (i, c) in chars.enumerated() {
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "\\", "<", ">": out += "\\" + String(c)
            case "(" where !pointy && !balanced: out += "\\("
            case ")" where !pointy && !balanced: out += "\\)"
            case "&" where next.map { $0.isLetter || $0 == "#" } == true: out += "\\&"
            case "|" where layout.inTable: out += "\\|"
            case "\n": out += " "
            default: out.append(c)
            }
        }
        layout.put(pointy ? "<" + out + ">" : out, .literal)
    }

    mutating func putTitle(_ title: String?) {
        guard let title, !title.isEmpty else { return }
        layout.put(" \"", .literal)
        layout.put(layout.inTable ? title.replacingPipes() : title, .title)
        layout.put("\"", .literal)
    }
}
