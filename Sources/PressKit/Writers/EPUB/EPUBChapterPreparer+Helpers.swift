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

    /// Whether inlines hold a link, an image or a note at any depth: the only inlines the preparer changes
    /// (or, for notes, whose headings it keeps out of the outline).
    static func holdsLinkImageOrNote(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .link, .image, .note: return true
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                return holdsLinkImageOrNote(c)
            case .text, .code, .softBreak, .lineBreak, .raw: return false
            }
        }
    }

    /// The text of inlines without images' alt text.
    static func textWithoutImages(_ inlines: [Inline]) -> String {
        PlainTextProjection(imageText: false).text(inlines)
    }

    /// The inlines with every image's alt text emptied and collected into `alts` (notes left as they are).
    static func movingAltText(_ inlines: [Inline], into alts: inout [String]) -> [Inline] {
        var mover = AltTextMover()
        let out = mover.rewrite(inlines: inlines)
        alts += mover.alts
        return out
    }

    /// Alt text for an image that has none: its caption, its title, its file name, or "Image".
    static func fallbackAlt(_ image: Image, caption: String?) -> (String, String) {
        if let caption, !caption.isEmpty { return (caption, "caption") }
        if let title = image.title.map(collapsed), !title.isEmpty { return (title, "title") }
        if !image.source.fastLowercased().hasPrefix("data:") {
            var path = Substring(image.source)
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            var file = EPUBMediaType.percentDecoded(String(path.split(separator: "/").last ?? ""))
            if let dot = file.lastIndex(of: "."), dot != file.startIndex { file = String(file[..<dot]) }
            let words = collapsed(String(file.map { $0 == "-" || $0 == "_" || $0 == "+" ? " " : $0 }))
            if !words.isEmpty { return (words, "file name") }
        }
        return ("Image", "lack of any other text")
    }

    /// White space runs as single spaces, trimmed (`String.collapsingWhitespace`; `collapsingSpaces` gives
    /// the same runs and reads an ASCII text on its bytes).
    static func collapsed(_ text: String) -> String { text.collapsingSpaces }

    /// Lower-case ASCII letters, digits and single hyphens: a safe XML id part.
    static func slug(_ text: String, fallback: String) -> String {
        asciiSlug(text, fallback: fallback) ?? generalSlug(text, fallback: fallback)
    }

    /// `slug` on the bytes of an all-ASCII text (nil otherwise): there lower-casing is byte by byte and
    /// each byte is one scalar.
    static func asciiSlug(_ text: String, fallback: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, 41))
            for var byte in bytes {
                if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    out.append(byte)
                } else if let last = out.last, last != 0x2D {
                    out.append(0x2D)
                }
                if out.count >= 40 { break }
            }
            while out.last == 0x2D { out.removeLast() }
            return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
        }
    }

    /// `slug` Character by Character (any text).
    static func generalSlug(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in text.fastLowercased().unicodeScalars {
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
        asciiGitHubSlug(text) ?? generalGitHubSlug(text)
    }

    /// `gitHubSlug` on the bytes of an all-ASCII text (nil otherwise): its Characters are its bytes (CR LF,
    /// one Character, is dropped like each of its bytes), its letters and digits the ASCII ones.
    static func asciiGitHubSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for var byte in bytes {
                if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F {
                    out.append(byte)
                } else if byte == 0x20 {
                    out.append(0x2D)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `gitHubSlug` Character by Character (any text).
    static func generalGitHubSlug(_ text: String) -> String {
        var out = ""
        for ch in text.fastLowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out += "-" }
        }
        return out
    }
}

/// Empties every image's alt text, collecting it; does not enter notes.
private struct AltTextMover: DocumentRewriter {
    var alts: [String] = []

    mutating func rewrite(_ inline: Inline) -> [Inline] {
        switch inline {
        case .image(var image):
            alts.append(image.alt)
            image.alt = ""
            return [.image(image)]
        case .note: return [inline]
        case .text, .code, .softBreak, .lineBreak, .raw, .emphasis, .strong, .underline, .strikethrough,
             .superscript, .subscript, .link:
            return [rewriteChildren(of: inline)]
        }
    }
}
