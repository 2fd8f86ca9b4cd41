/// The built-in styles of presskit's DOCX output: Word's own style ids (so Word, LibreOffice, pandoc and
/// python-docx recognise them) with definitions that look right without a template.
enum DOCXStyles {
    /// Style ids the body renderer uses; a reference document lacking one gets the built-in definition.
    static let used: [String] = [
        "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Title", "Subtitle",
        "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
        "Quote", "ListParagraph", "Caption", "Hyperlink", "TableGrid", "SourceCode", "VerbatimChar",
        "Dateline", "ContactBlock", "SourceLine", "FootnoteText", "FootnoteReference", "DefinitionTerm", "Definition",
        "Figure",
    ]

    static let bodyFont = "Calibri"
    static let headingFont = "Calibri Light"
    static let codeFont = "Consolas"

    /// The whole `word/styles.xml` for a document language (a BCP 47 tag such as "en-US").
    static func part(language: String) -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("w:styles", [("xmlns:w", DOCXNamespace.w), ("xmlns:r", DOCXNamespace.r)])
        docDefaults(language: language).write(into: &xml)
        xml.raw(allMarkup)
        return xml.finish()
    }

    /// Every built-in style definition rendered from `all`: what the literal `allMarkup` holds (tested).
    static func renderedAllMarkup() -> String {
        var xml = XMLWriter()
        for style in all { style.write(into: &xml) }
        return xml.finish()
    }

    /// The built-in definition of one style id, if presskit has one.
    static func definition(_ id: String) -> DOCXNode? {
        all.first { $0.attributes.contains { $0.0 == "w:styleId" && $0.1 == id } }
    }

    static func docDefaults(language: String) -> DOCXNode {
        N("w:docDefaults", [:], [
            N("w:rPrDefault", [:], [N("w:rPr", [:], [
                N("w:rFonts", ["w:ascii": bodyFont, "w:eastAsia": bodyFont, "w:hAnsi": bodyFont, "w:cs": bodyFont]),
                .val("w:sz", "22"), .val("w:szCs", "22"),
                N("w:lang", ["w:val": language, "w:eastAsia": "en-US", "w:bidi": "ar-SA"]),
            ])]),
            N("w:pPrDefault", [:], [N("w:pPr", [:], [
                N("w:spacing", ["w:after": "160", "w:line": "264", "w:lineRule": "auto"]),
            ])]),
        ])
    }

    private typealias N = DOCXNode

    private static func style(_ type: String, _ id: String, _ name: String, isDefault: Bool = false,
                              basedOn: String? = nil, next: String? = nil, link: String? = nil,
                              priority: Int? = nil, hidden: Bool = false, quick: Bool = false,
                              pPr: [DOCXNode] = [], rPr: [DOCXNode] = [], extra: [DOCXNode] = []) -> DOCXNode {
        var node = N("w:style", ["w:type": type, "w:styleId": id])
        if isDefault { node.attributes.insert(("w:default", "1"), at: 1) }
        node.children.append(.val("w:name", name))
        if let basedOn { node.children.append(.val("w:basedOn", basedOn)) }
        if let next { node.children.append(.val("w:next", next)) }
        if let link { node.children.append(.val("w:link", link)) }
        if let priority { node.children.append(.val("w:uiPriority", String(priority))) }
        if hidden { node.children += [N("w:semiHidden"), N("w:unhideWhenUsed")] }
        if quick { node.children.append(N("w:qFormat")) }
        if !pPr.isEmpty { node.children.append(N("w:pPr", [:], pPr)) }
        if !rPr.isEmpty { node.children.append(N("w:rPr", [:], rPr)) }
        node.children += extra
        return node
    }

    private static func fonts(_ name: String) -> DOCXNode {
        N("w:rFonts", ["w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name])
    }

    private static func size(_ halfPoints: Int) -> [DOCXNode] {
        [.val("w:sz", String(halfPoints)), .val("w:szCs", String(halfPoints))]
    }

    private static func spacing(before: Int? = nil, after: Int? = nil, line: Int? = nil) -> DOCXNode {
        var node = N("w:spacing")
        if let before { node.attributes.append(("w:before", String(before))) }
        if let after { node.attributes.append(("w:after", String(after))) }
        if let line { node.attributes += [("w:line", String(line)), ("w:lineRule", "auto")] }
        return node
    }

    private static func heading(_ level: Int) -> DOCXNode {
        let sizes = [32, 26, 24, 22, 22, 21]
        let colors = ["2F5496", "2F5496", "1F3763", "2F5496", "2F5496", "1F3763"]
        var rPr: [DOCXNode] = [fonts(headingFont)]
        if level <= 2 { rPr.append(N("w:b")) }
        if level == 4 || level == 6 { rPr.append(N("w:i")) }
        rPr.append(.val("w:color", colors[level - 1]))
        rPr += size(sizes[level - 1])
        return style("paragraph", "Heading\(level)", "heading \(level)", basedOn: "Normal", next: "Normal",
                     priority: 9, quick: true,
                     pPr: [N("w:keepNext"), N("w:keepLines"),
                           spacing(before: level == 1 ? 360 : 240, after: level == 1 ? 120 : 60),
                           .val("w:outlineLvl", String(level - 1))],
                     rPr: rPr)
    }

    private static let border: KeyValuePairs<String, String> = ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "A6A6A6"]

    static let all: [DOCXNode] = [
        style("paragraph", "Normal", "Normal", isDefault: true, quick: true),
        style("character", "DefaultParagraphFont", "Default Paragraph Font", isDefault: true, priority: 1, hidden: true),
        style("table", "TableNormal", "Normal Table", isDefault: true, priority: 99, hidden: true,
              extra: [N("w:tblPr", [:], [
                  N("w:tblInd", ["w:w": "0", "w:type": "dxa"]),
                  N("w:tblCellMar", [:], [
                      N("w:top", ["w:w": "0", "w:type": "dxa"]), N("w:left", ["w:w": "108", "w:type": "dxa"]),
                      N("w:bottom", ["w:w": "0", "w:type": "dxa"]), N("w:right", ["w:w": "108", "w:type": "dxa"]),
                  ]),
              ])]),
        style("numbering", "NoList", "No List", isDefault: true, priority: 99, hidden: true),
        style("paragraph", "Title", "Title", basedOn: "Normal", next: "Normal", priority: 10, quick: true,
              pPr: [N("w:pBdr", [:], [N("w:bottom", ["w:val": "single", "w:sz": "8", "w:space": "4", "w:color": "4472C4"])]),
                    spacing(after: 240, line: 240), N("w:contextualSpacing")],
              rPr: [fonts(headingFont), .val("w:color", "17365D"), .val("w:spacing", "-10"), .val("w:kern", "28")] + size(52)),
        style("paragraph", "Subtitle", "Subtitle", basedOn: "Normal", next: "Normal", priority: 11, quick: true,
              pPr: [spacing(after: 200)],
              rPr: [.val("w:color", "5A5A5A"), .val("w:spacing", "10")] + size(28)),
        heading(1), heading(2), heading(3), heading(4), heading(5), heading(6),
        style("paragraph", "Quote", "Quote", basedOn: "Normal", next: "Normal", priority: 29, quick: true,
              pPr: [N("w:pBdr", [:], [N("w:left", ["w:val": "single", "w:sz": "18", "w:space": "8", "w:color": "B4C6E7"])]),
                    spacing(before: 120, after: 120), N("w:ind", ["w:left": "576", "w:right": "576"])],
              rPr: [N("w:i"), N("w:iCs"), .val("w:color", "404040")]),
        style("paragraph", "ListParagraph", "List Paragraph", basedOn: "Normal", priority: 34, quick: true,
              pPr: [spacing(after: 80), N("w:ind", ["w:left": "720"]), N("w:contextualSpacing")]),
        style("paragraph", "Caption", "caption", basedOn: "Normal", next: "Normal", priority: 35, quick: true,
              pPr: [spacing(before: 60, after: 200, line: 240)],
              rPr: [N("w:i"), N("w:iCs"), .val("w:color", "44546A")] + size(18)),
        style("paragraph", "Figure", "Figure", basedOn: "Normal", next: "Caption", quick: true,
              pPr: [N("w:keepNext"), spacing(before: 120, after: 60), .val("w:jc", "center")]),
        style("character", "Hyperlink", "Hyperlink", basedOn: "DefaultParagraphFont", priority: 99,
              rPr: [.val("w:color", "0563C1"), .val("w:u", "single")]),
        style("table", "TableGrid", "Table Grid", basedOn: "TableNormal", priority: 39,
              pPr: [spacing(before: 40, after: 40, line: 240)],
              extra: [N("w:tblPr", [:], [N("w:tblBorders", [:], ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map {
                  N($0, border)
              })])]),
        style("paragraph", "SourceCode", "Source Code", basedOn: "Normal", link: "VerbatimChar", quick: true,
              pPr: [N("w:pBdr", [:], [N("w:left", ["w:val": "single", "w:sz": "12", "w:space": "4", "w:color": "D9D9D9"])]),
                    N("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "F5F5F5"]),
                    N("w:wordWrap", ["w:val": "0"]), spacing(before: 60, after: 160, line: 240)],
              rPr: [fonts(codeFont)] + size(19)),
        style("character", "VerbatimChar", "Verbatim Char", basedOn: "DefaultParagraphFont", link: "SourceCode",
              rPr: [fonts(codeFont)] + size(19) + [N("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "F2F2F2"])]),
        style("paragraph", "Dateline", "Dateline", basedOn: "Normal", next: "Normal", quick: true,
              pPr: [spacing(after: 60)],
              rPr: [N("w:b"), N("w:bCs"), N("w:caps"), .val("w:color", "595959"), .val("w:spacing", "10")] + size(18)),
        style("paragraph", "ContactBlock", "Contact Block", basedOn: "Normal", quick: true,
              pPr: [N("w:keepLines"),
                    N("w:pBdr", [:], [N("w:left", ["w:val": "single", "w:sz": "18", "w:space": "6", "w:color": "4472C4"])]),
                    N("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "EDF2FA"]),
                    spacing(before: 0, after: 0, line: 252), N("w:ind", ["w:left": "144"])],
              rPr: [.val("w:color", "262626")] + size(20)),
        style("paragraph", "SourceLine", "Source Line", basedOn: "Normal", quick: true,
              pPr: [spacing(before: 240, after: 0)],
              rPr: [.val("w:color", "595959")] + size(18)),
        style("paragraph", "FootnoteText", "footnote text", basedOn: "Normal", priority: 99, hidden: true,
              pPr: [spacing(after: 0, line: 240)], rPr: size(18)),
        style("character", "FootnoteReference", "footnote reference", basedOn: "DefaultParagraphFont",
              priority: 99, hidden: true, rPr: [.val("w:vertAlign", "superscript")]),
        style("paragraph", "DefinitionTerm", "Definition Term", basedOn: "Normal", next: "Definition", quick: true,
              pPr: [N("w:keepNext"), spacing(after: 0)], rPr: [N("w:b"), N("w:bCs")]),
        style("paragraph", "Definition", "Definition", basedOn: "Normal", quick: true,
              pPr: [N("w:ind", ["w:left": "567"])]),
    ]
}
