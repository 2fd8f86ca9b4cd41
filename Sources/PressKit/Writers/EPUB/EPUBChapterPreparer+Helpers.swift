/// The preparer's pure helpers: header rows, alt text, link text, ids.
extension EPUBChapterPreparer {
    /// A table without header cells is hard to follow with a screen reader (and epubcheck's accessibility
    /// check warns, ACC-005): its first row becomes the header, without the bold that marked it as one.
    static func promoteHeaderRow(_ table: inout Table) {
        guard table.header.isEmpty, let first = table.rows.first else { return }
        table.header = [first.map { cell in
            var cell = cell
            if cell.blocks.count == 1, case .paragraph(let content) = cell.blocks[0], content.count == 1,
               case .strong(let inner) = content[0] {
                cell.blocks = [.paragraph(inner)]
            }
            return cell
        }]
        table.rows.removeFirst()
    }

    /// The text of inlines without images' alt text.
    static func textWithoutImages(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                out += textWithoutImages(c)
            case .link(let link): out += textWithoutImages(link.content)
            case .softBreak, .lineBreak: out += " "
            case .image, .raw, .note: break
            }
        }
        return out
    }

    /// The inlines with every image's alt text emptied and collected into `alts`.
    static func movingAltText(_ inlines: [Inline], into alts: inout [String]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .image(var image):
                alts.append(image.alt)
                image.alt = ""
                out.append(.image(image))
            case .emphasis(let c): out.append(.emphasis(movingAltText(c, into: &alts)))
            case .strong(let c): out.append(.strong(movingAltText(c, into: &alts)))
            case .underline(let c): out.append(.underline(movingAltText(c, into: &alts)))
            case .strikethrough(let c): out.append(.strikethrough(movingAltText(c, into: &alts)))
            case .superscript(let c): out.append(.superscript(movingAltText(c, into: &alts)))
            case .subscript(let c): out.append(.subscript(movingAltText(c, into: &alts)))
            case .link(var link):
                link.content = movingAltText(link.content, into: &alts)
                out.append(.link(link))
            case .text, .code, .softBreak, .lineBreak, .raw, .note:
                out.append(inline)
            }
        }
        return out
    }

    /// Alt text for an image that has none: its caption, its title, its file name, or "Image".
    static func fallbackAlt(_ image: Image, caption: String?) -> (String, String) {
        if let caption, !caption.isEmpty { return (caption, "caption") }
        if let title = image.title.map(collapsed), !title.isEmpty { return (title, "title") }
        if !image.source.lowercased().hasPrefix("data:") {
            var path = Substring(image.source)
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            var file = EPUBMediaType.percentDecoded(String(path.split(separator: "/").last ?? ""))
            if let dot = file.lastIndex(of: "."), dot != file.startIndex { file = String(file[..<dot]) }
            let words = collapsed(String(file.map { $0 == "-" || $0 == "_" || $0 == "+" ? " " : $0 }))
            if !words.isEmpty { return (words, "file name") }
        }
        return ("Image", "lack of any other text")
    }

    /// White space runs as single spaces, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lower-case ASCII letters, digits and single hyphens: a safe XML id part.
    static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            default: if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
            }
            if out.count >= 40 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// The anchor GitHub (and many Markdown tools) give a heading: lower case, punctuation dropped,
    /// spaces as hyphens.
    static func gitHubSlug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out += "-" }
        }
        return out
    }
}
