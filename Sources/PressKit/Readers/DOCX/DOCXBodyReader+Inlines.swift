extension DOCXBodyReader {
    /// The inline content of a paragraph-like element, run by run.
    mutating func inlineChildren(of e: XMLTreeElement, format: DOCXRunFormat, into sink: inout DOCXPieces) {
        for child in e.elements { inlineElement(child, format: format, into: &sink) }
    }

    mutating func inlineElement(_ e: XMLTreeElement, format: DOCXRunFormat, into sink: inout DOCXPieces) {
        switch e.name {
        case "r":
            run(e, base: format, into: &sink)
        case "hyperlink":
            var inner = DOCXPieces()
            linkDepth += 1
            inlineChildren(of: e, format: format, into: &inner)
            linkDepth -= 1
            let pieces = inner.finish()
            sink.pendingBlocks += inner.pendingBlocks
            sink.bookmarks += inner.bookmarks
            sink.aliases.merge(inner.aliases) { a, _ in a }
            let anchor = e.attribute("anchor")
            var target: String?
            if let id = e.attribute("id"), let rel = relationships[id], rel.external {
                target = rel.target + (anchor.map { "#" + $0 } ?? "")
            } else if let anchor {
                target = "#" + anchor
            }
            let content = DOCXPieces.inlines(pieces)
            if let target, !content.isEmpty {
                let title = e.attribute("tooltip").flatMap { $0.isEmpty ? nil : $0 }
                for inline in DOCXPieces.link(target, content) {
                    if case .link(var link) = inline, link.target == target {
                        link.title = title
                        sink.add(.link(link), .plain)
                    } else {
                        sink.add(inline, .plain)
                    }
                }
            } else {
                for piece in pieces { sink.add(piece.inline, piece.format) }
            }
        case "fldSimple":
            var inner = DOCXPieces()
            inlineChildren(of: e, format: format, into: &inner)
            sink.pendingBlocks += inner.pendingBlocks
            sink.emitField(instruction: e.attribute("instr") ?? "", pieces: inner.finish())
        case "ins", "moveTo", "smartTag", "customXml", "sdtContent", "dir", "bdo":
            inlineChildren(of: e, format: format, into: &sink)
        case "sdt":
            if let content = e.child("sdtContent") { inlineChildren(of: content, format: format, into: &sink) }
        case "bookmarkStart":
            if let name = e.attribute("name"), name != "_GoBack" { sink.bookmark(name) }
        case "AlternateContent":
            if let chosen = e.child("Choice") ?? e.child("Fallback") { inlineChildren(of: chosen, format: format, into: &sink) }
        case "oMath", "oMathPara":
            sink.addText(e.descendants("t").map(\.text).joined(), format)
        default:
            // del, moveFrom (tracked deletions), pPr, comment ranges, proofing marks: not content.
            break
        }
    }

    /// One run: its formatting (character style, then direct formatting) over its content.
    mutating func run(_ r: XMLTreeElement, base: DOCXRunFormat, into sink: inout DOCXPieces) {
        var format = base
        let rPr = r.child("rPr")
        if let style = rPr?.child("rStyle")?.attribute("val") {
            let styled = styles.runFormat(style)
            format.bold = format.bold || styled.bold
            format.italic = format.italic || styled.italic
            format.strike = format.strike || styled.strike
            format.superscript = format.superscript || styled.superscript
            format.subscript = format.subscript || styled.subscript
            format.smallCaps = format.smallCaps || styled.smallCaps
            format.code = format.code || styled.code
            format.monospace = format.monospace || styled.monospace
            // A character style's underline is decoration (the Hyperlink style), not emphasis.
        }
        if let rPr { format.apply(rPr) }
        if linkDepth > 0 { format.underline = false }
        // Text in the Symbol font, where Word keeps the font's own codes (F020–F0FE): their characters.
        if let fonts = rPr?.child("rFonts"), (fonts.attribute("ascii") ?? fonts.attribute("hAnsi"))?.fastLowercased() == "symbol" {
            for c in r.elements {
                if c.name == "t" {
                    sink.addText(DOCXSymbolFont.text(c.text), format)
                } else {
                    runContent(c, format: format, into: &sink)
                }
            }
            return
        }
        for c in r.elements { runContent(c, format: format, into: &sink) }
    }

    mutating func runContent(_ c: XMLTreeElement, format: DOCXRunFormat, into sink: inout DOCXPieces) {
        switch c.name {
        case "t":
            sink.addText(c.text, format)
        case "tab", "ptab":
            sink.addText("\t", format)
        case "br":
            let type = c.attribute("type") ?? "textWrapping"
            if type == "textWrapping" { sink.add(.lineBreak, format) }
        case "cr":
            sink.add(.lineBreak, format)
        case "noBreakHyphen":
            sink.addText("\u{2011}", format)
        case "softHyphen":
            sink.addText("\u{00AD}", format)
        case "sym":
            if let code = c.attribute("char").flatMap({ UInt32($0, radix: 16) }) {
                if c.attribute("font")?.fastLowercased() == "symbol", let scalar = DOCXSymbolFont.character(code) {
                    sink.addText(String(Character(scalar)), format)
                    return
                }
                // Symbol fonts map their glyphs at F000–F0FF; the ASCII range is the plain character.
                let value = code >= 0xF020 && code <= 0xF07E ? code - 0xF000 : code
                if let scalar = Unicode.Scalar(value) { sink.addText(String(Character(scalar)), format) }
            }
        case "footnoteReference":
            if let id = c.attribute("id"), let n = note(package.footnotes[id], package.footnoteRelationships) {
                sink.add(n, .plain)
            }
        case "endnoteReference":
            if let id = c.attribute("id"), let n = note(package.endnotes[id], package.endnoteRelationships) {
                sink.add(n, .plain)
            }
        case "drawing":
            drawing(c, into: &sink)
        case "pict", "object":
            vml(c, into: &sink)
        case "fldChar":
            switch c.attribute("fldCharType") {
            case "begin": sink.beginField()
            case "separate": sink.separateField()
            case "end": sink.endField()
            default: break
            }
        case "instrText":
            sink.instruction(c.text)
        case "AlternateContent":
            if let chosen = c.child("Choice") ?? c.child("Fallback") {
                for e in chosen.elements { runContent(e, format: format, into: &sink) }
            }
        case "ruby":
            if let base = c.child("rubyBase") { inlineChildren(of: base, format: format, into: &sink) }
        default:
            // delText (a tracked deletion), comment references, note marks, rendered page breaks.
            break
        }
    }

    /// A footnote or endnote's blocks, read with its own part's relationships.
    mutating func note(_ element: XMLTreeElement?, _ rels: [String: DOCXRelationship]) -> Inline? {
        guard let element, noteDepth < 2 else { return nil }
        noteDepth += 1
        let saved = relationships
        relationships = rels
        let blocks = self.blocks(of: element)
        relationships = saved
        noteDepth -= 1
        return .note(blocks)
    }

    // MARK: - Images and text boxes

    /// A DrawingML object: a picture (alt text from `wp:docPr descr`) and any text box in it.
    mutating func drawing(_ d: XMLTreeElement, into sink: inout DOCXPieces) {
        if d.descendant("relIds") != nil {
            // SmartArt: its text lives in a separate diagram part; a placeholder says it was there.
            sink.addText("[DIAGRAM]", .plain)
            return
        }
        for box in d.descendants("txbxContent") { sink.pendingBlocks += blocks(of: box) }
        guard let blip = d.descendant("blip") else { return }
        let docPr = d.descendant("docPr")
        let extent = d.descendant("extent")
        func pixels(_ emu: String?) -> Int? { emu.flatMap { Int($0) }.map { max(1, ($0 + 4762) / 9525) } }
        guard let source = imageSource(embed: blip.attribute("embed"), link: blip.attribute("link")) else { return }
        let title = docPr?.attribute("title").flatMap { $0.isEmpty ? nil : $0 }
        sink.add(.image(Image(source: source, alt: docPr?.attribute("descr") ?? "", title: title,
                              width: pixels(extent?.attribute("cx")), height: pixels(extent?.attribute("cy")))), .plain)
    }

    /// A VML picture (`w:pict`, `w:object`): `v:imagedata` and any `v:textbox`.
    mutating func vml(_ p: XMLTreeElement, into sink: inout DOCXPieces) {
        for box in p.descendants("txbxContent") { sink.pendingBlocks += blocks(of: box) }
        guard let data = p.descendant("imagedata") else { return }
        let shape = p.descendant("shape")
        let rid = data.attributes.first { $0.name == "id" || $0.name == "relid" }?.value
        guard let source = imageSource(embed: rid, link: nil) else { return }
        let alt = shape?.attribute("alt") ?? ""
        let title = data.attribute("title").flatMap { $0.isEmpty ? nil : $0 }
        sink.add(.image(Image(source: source, alt: alt, title: title)), .plain)
    }

    /// An embedded picture as a `data:` URI (so it travels with the tree into EPUB and DOCX output); a
    /// linked one as its URL, never fetched.
    mutating func imageSource(embed: String?, link: String?) -> String? {
        if let embed, let rel = relationships[embed] {
            if rel.external { return rel.target }
            if let cached = media[rel.target] { return cached }
            do {
                guard let bytes = try package.zip.entry(rel.target) else {
                    warnings.append("image \(rel.target) is missing from the document")
                    return rel.target
                }
                let uri = "data:" + Self.mediaType(rel.target) + ";base64," + DOCXBase64.encode(bytes)
                media[rel.target] = uri
                return uri
            } catch let error as PressKitError {
                if failure == nil { failure = error }
                return nil
            } catch {
                return nil
            }
        }
        if let link, let rel = relationships[link] { return rel.target }
        return nil
    }

    static func mediaType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.fastLowercased() } ?? ""
        switch ext {
        case "png": return "image/png"
        case "jpg", "jpeg", "jpe": return "image/jpeg"
        case "gif": return "image/gif"
        case "bmp": return "image/bmp"
        case "tif", "tiff": return "image/tiff"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        case "emf": return "image/emf"
        case "wmf": return "image/wmf"
        default: return "application/octet-stream"
        }
    }
}

/// Base64 (RFC 4648, with padding) for `data:` URIs.
enum DOCXBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
