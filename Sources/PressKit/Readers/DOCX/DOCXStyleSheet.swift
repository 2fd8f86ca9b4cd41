/// `styles.xml`: each style's name, parent (`basedOn`), outline level, numbering and run formatting, with
/// what a paragraph style means for the tree resolved through the inheritance chain. Localised style names
/// (German, French, Russian, Spanish, Italian, Dutch, Polish, Portuguese …) and ids are recognised.
struct DOCXStyleSheet: Sendable {
    struct Style: Sendable {
        var id: String
        var type: String
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var ilvl: Int?
        var indentLeft: Int?
        var indentHanging: Int?
        var runProperties: XMLTreeElement?
    }

    /// What a paragraph style makes of its paragraphs.
    enum Role: Equatable, Sendable {
        case normal
        case heading(Int)
        case title, subtitle, author, date, abstract
        case quote
        case code
        case caption
        case definitionTerm, definition
        /// presskit's own DOCX title block: the organisation line and the "PLACE — date" line.
        case dateline
        /// presskit's own DOCX contact block: a label paragraph, then one paragraph per contact.
        case contact
        case bibliographyOrOther
    }

    private(set) var styles: [String: Style] = [:]
    /// The default paragraph style's id.
    private(set) var defaultParagraph: String?
    /// The document default language (`w:docDefaults` … `w:lang`).
    private(set) var defaultLanguage: String?
    private var roles: [String: Role] = [:]

    init(_ root: XMLTreeElement?) {
        guard let root else { return }
        if let lang = root.child("docDefaults")?.child("rPrDefault")?.child("rPr")?.child("lang")?.attribute("val") {
            defaultLanguage = lang
        }
        for e in root.children("style") {
            guard let id = e.attribute("styleId") else { continue }
            let pPr = e.child("pPr")
            let numPr = pPr?.child("numPr")
            let ind = pPr?.child("ind")
            let style = Style(id: id, type: e.attribute("type") ?? "paragraph", name: e.child("name")?.attribute("val") ?? id,
                              basedOn: e.child("basedOn")?.attribute("val"),
                              outlineLevel: pPr?.child("outlineLvl")?.attribute("val").flatMap { Int($0) },
                              numId: numPr?.child("numId")?.attribute("val"),
                              ilvl: numPr?.child("ilvl")?.attribute("val").flatMap { Int($0) },
                              indentLeft: (ind?.attribute("left") ?? ind?.attribute("start")).flatMap { Int($0) },
                              indentHanging: ind?.attribute("hanging").flatMap { Int($0) },
                              runProperties: e.child("rPr"))
            styles[id] = style
            if style.type == "paragraph", e.attribute("default") == "1" || e.attribute("default") == "true" {
                defaultParagraph = id
            }
        }
        for (id, style) in styles where style.type == "paragraph" { roles[id] = resolveRole(id) }
    }

    /// The style sheet of the `styles.xml` part at `path` (none when the archive has none), parsed only as
    /// far as the styles in `used` (the ids the document's paragraphs, runs and tables name) need: those,
    /// the default paragraph style and their `basedOn` chains, picked out by `DOCXStyleSelection` (its scan
    /// reused across a batch by `DOCXStylesCache`); the whole part when the selection cannot be made.
    static func read(_ zip: ZipReader, path: String, used: Set<String>) throws -> DOCXStyleSheet {
        guard let entry = try zip.listedEntry(path) else { return DOCXStyleSheet(nil) }
        return try DOCXStylesCache.shared.styleSheet(entry, in: zip, name: path, used: used)
    }

    /// The same from `styles.xml` bytes, without the cache.
    static func read(_ bytes: [UInt8]?, name: String, used: Set<String>) throws -> DOCXStyleSheet {
        guard let bytes else { return DOCXStyleSheet(nil) }
        switch try DOCXStylesCache.Parsed(bytes, name: name) {
        case .whole(let sheet): return sheet
        case .selection(let selection):
            return try read(selection, keeping: selection.closure(used.union(selection.defaultParagraphIds)), name: name)
        }
    }

    /// The sheet of the styles `wanted` (a closure under `basedOn`) cut out of a scanned part.
    static func read(_ selection: DOCXStyleSelection, keeping wanted: Set<String>, name: String) throws -> DOCXStyleSheet {
        DOCXStyleSheet(try XMLReader.parse(selection.document(keeping: wanted), name: name))
    }

    /// The style ids that paragraphs, runs and tables name in these parts.
    static func referencedStyles(in parts: [XMLTreeElement]) -> Set<String> {
        var out: Set<String> = []
        var stack = parts
        while let e = stack.popLast() {
            for case .element(let child) in e.children {
                switch child.name {
                case "pStyle", "rStyle", "tblStyle":
                    if let id = child.attribute("val") { out.insert(id) }
                default:
                    stack.append(child)
                }
            }
        }
        return out
    }

    /// The chain of styles from `id` up through `basedOn` (cycles and overlong chains cut).
    func chain(_ id: String?) -> [Style] {
        var out: [Style] = []
        var seen: Set<String> = []
        var next = id
        while let current = next, let style = styles[current], !seen.contains(current), out.count < 32 {
            seen.insert(current)
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    func role(_ id: String?) -> Role {
        guard let id else { return .normal }
        return roles[id] ?? Self.role(name: id, id: id) ?? .normal
    }

    /// The list numbering a paragraph style carries (nearest in the chain).
    func numbering(_ id: String?) -> (numId: String, ilvl: Int)? {
        for style in chain(id) {
            if let numId = style.numId { return (numId, style.ilvl ?? 0) }
        }
        return nil
    }

    /// The left indentation and hanging indentation a paragraph style gives (nearest in the chain).
    func indentation(_ id: String?) -> (left: Int?, hanging: Int?) {
        var left: Int?, hanging: Int?
        for style in chain(id ?? defaultParagraph) {
            if left == nil { left = style.indentLeft }
            if hanging == nil { hanging = style.indentHanging }
        }
        return (left, hanging)
    }

    /// The run format of a character style, parents first.
    func runFormat(_ id: String?) -> DOCXRunFormat {
        var format = DOCXRunFormat()
        let chain = self.chain(id)
        for style in chain.reversed() {
            if let rPr = style.runProperties { format.apply(rPr) }
        }
        if chain.contains(where: { Self.isCodeName($0.name) || Self.isCodeName($0.id) }) { format.code = true }
        return format
    }

    private func resolveRole(_ id: String) -> Role {
        for style in chain(id) {
            if let role = Self.role(name: style.name, id: style.id) { return role }
            if let level = style.outlineLevel, level >= 0, level < 6 { return .heading(level + 1) }
        }
        return .normal
    }

    // MARK: - Names

    static func key(_ s: String) -> String {
        String(s.fastLowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }

    static let headingWords = ["heading", "überschrift", "berschrift", "titre", "заголовок", "encabezado", "título",
                               "titulo", "titolo", "kop", "nagłówek", "naglowek", "cabeçalho", "rubrik", "overskrift",
                               "otsikko", "nadpis", "címsor", "başlık", "заголовок", "заголовок", "kopregel", "intestazione"]
    static let titleNames: Set<String> = ["title", "titel", "titre", "заглавие", "название", "título", "titulo", "titolo",
                                          "tytuł", "tytul", "documenttitle"]
    static let subtitleNames: Set<String> = ["subtitle", "untertitel", "soustitre", "подзаголовок", "subtítulo",
                                             "subtitulo", "sottotitolo", "ondertitel", "podtytuł", "podtytul", "undertitel"]
    static let quoteNames: Set<String> = ["quote", "intensequote", "blockquote", "blockquotation", "blocktext", "quotations",
                                          "zitat", "intensiveszitat", "citation", "citationintense", "цитата",
                                          "выделеннаяцитата", "cita", "citadestacada", "citazione", "citazioneintensa",
                                          "citaat", "duidelijkcitaat", "cytat", "cytatintensywny", "citação", "citações"]
    static let codeNames: Set<String> = ["sourcecode", "code", "htmlpreformatted", "htmlvorformatiert", "preformattedtext",
                                         "plaintext", "nurtext", "verbatim", "codeblock", "verbatimchar", "htmlcode",
                                         "sourcecodechar", "codechar", "inlinecode", "texteprformaté", "textopreformateado"]

    static func isCodeName(_ s: String) -> Bool { codeNames.contains(key(s)) }

    static func role(name: String, id: String) -> Role? {
        for candidate in [name, id] {
            let k = key(candidate)
            if titleNames.contains(k) { return .title }
            if subtitleNames.contains(k) { return .subtitle }
            if quoteNames.contains(k) { return .quote }
            if codeNames.contains(k) { return .code }
            if k == "author" || k == "autor" || k == "auteur" { return .author }
            if k == "date" || k == "datum" { return .date }
            if k == "abstract" || k == "zusammenfassung" || k == "résumé" { return .abstract }
            if k == "caption" || k == "beschriftung" || k == "légende" || k == "imagecaption" || k == "tablecaption" { return .caption }
            if k == "definitionterm" { return .definitionTerm }
            if k == "definition" { return .definition }
            if k == "dateline" { return .dateline }
            if k == "contactblock" { return .contact }
            if let level = headingLevel(k) { return .heading(level) }
        }
        return nil
    }

    /// "heading1", "überschrift1", "titre1", "заголовок1" … → 1…6 (levels 7–9 read as paragraphs, as in pandoc).
    static func headingLevel(_ k: String) -> Int? {
        guard let last = k.last, let digit = last.wholeNumberValue, digit >= 1, digit <= 6 else { return nil }
        let word = k.dropLast()
        guard headingWords.contains(where: { word == $0 }) else { return nil }
        return digit
    }
}
