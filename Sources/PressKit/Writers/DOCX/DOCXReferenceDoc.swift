/// `--reference-doc`: the styles (and page setup) of the user's own .docx replace the built-in ones.
/// Style ids the body uses and the template lacks are added from the built-in definitions; a template that
/// names a style differently (a localised Word) is matched by the style's name.
struct DOCXReferenceDoc {
    /// `word/styles.xml` of the template with the missing styles added.
    var styles: String
    /// Built-in style id → the template's id for it.
    var styleMap: [String: String]
    /// The template's page setup, if its body has one.
    var section: DOCXSection?

    init(_ bytes: [UInt8], context: ConversionContext) throws {
        let zip = ZipReader(bytes)
        let stylesBytes: [UInt8]
        do {
            guard let found = try zip.entry("word/styles.xml") else {
                throw PressKitError(.invalidInput, "the reference document has no word/styles.xml")
            }
            stylesBytes = found
        } catch let error as PressKitError {
            throw PressKitError(.invalidInput, "--reference-doc: \(error.message)")
        }
        guard XMLWellFormedness.check(stylesBytes) else {
            throw PressKitError(.invalidInput, "--reference-doc: word/styles.xml is not well-formed XML")
        }
        var text = String(decoding: stylesBytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.contains("<w:styles"), let end = text.lastRange(of: "</w:styles>") else {
            throw PressKitError(.invalidInput, "--reference-doc: word/styles.xml does not use the usual w: prefix")
        }
        // The template's styles: id, type and name.
        var ids: Set<String> = []
        var byName: [String: String] = [:]
        for tag in DOCXTagScanner.startTags(named: "w:style", in: text) {
            guard let id = tag.attributes["w:styleId"] else { continue }
            ids.insert(id)
            if let name = DOCXTagScanner.firstStartTag(named: "w:name", in: text, from: tag.end, before: "</w:style>")?
                .attributes["w:val"] {
                byName[name.fastLowercased() + "|" + (tag.attributes["w:type"] ?? "paragraph")] = id
            }
        }
        var map: [String: String] = [:]
        var missingIDs: [String] = []
        for id in DOCXStyles.used {
            if ids.contains(id) { continue }
            guard let definition = DOCXStyles.definition(id) else { continue }
            let name = definition.children.first { $0.name == "w:name" }?.attributes.first?.1.fastLowercased() ?? ""
            let type = definition.attributes.first { $0.0 == "w:type" }?.1 ?? "paragraph"
            if let other = byName[name + "|" + type] {
                map[id] = other
            } else {
                missingIDs.append(id)
            }
        }
        // The added styles refer to their relatives (basedOn, next, link) by the template's ids.
        var missing = ""
        for id in missingIDs {
            guard var definition = DOCXStyles.definition(id) else { continue }
            for i in definition.children.indices where ["w:basedOn", "w:next", "w:link"].contains(definition.children[i].name) {
                if let value = definition.children[i].attributes.first?.1, let mapped = map[value] {
                    definition.children[i].attributes = [("w:val", mapped)]
                }
            }
            var xml = XMLWriter()
            definition.write(into: &xml)
            missing += xml.finish()
        }
        text.replaceSubrange(end, with: missing + "</w:styles>")
        styles = text
        styleMap = map
        section = try Self.section(zip)
    }

    /// `w:pgSz` and `w:pgMar` of the last section of the template's body.
    private static func section(_ zip: ZipReader) throws -> DOCXSection? {
        guard let bytes = try? zip.entry("word/document.xml"), XMLWellFormedness.check(bytes) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.lastRange(of: "<w:sectPr") else { return nil }
        let tail = String(text[start.lowerBound...])
        guard let size = DOCXTagScanner.firstStartTag(named: "w:pgSz", in: tail, from: tail.startIndex, before: "</w:sectPr>"),
              let margins = DOCXTagScanner.firstStartTag(named: "w:pgMar", in: tail, from: tail.startIndex, before: "</w:sectPr>")
        else { return nil }
        func numeric(_ keys: [String], _ attributes: [String: String]) -> [(String, String)] {
            keys.compactMap { key in attributes[key].flatMap { Int($0) }.map { (key, String($0)) } }
        }
        var pageSize = numeric(["w:w", "w:h"], size.attributes)
        if size.attributes["w:orient"] == "landscape" { pageSize.append(("w:orient", "landscape")) }
        let margin = numeric(["w:top", "w:right", "w:bottom", "w:left", "w:header", "w:footer", "w:gutter"], margins.attributes)
        guard pageSize.count >= 2, margin.count >= 4 else { return nil }
        return DOCXSection(pageSize: pageSize, margins: margin)
    }
}
