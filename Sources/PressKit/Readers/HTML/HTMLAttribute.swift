/// An attribute's name as a small integer, for the names the HTML reader reads (see `HTMLTag`): the parser
/// looks each name up once per parse and the DOM keeps the kind beside the name.
enum HTMLAttribute: UInt8, CaseIterable {
    /// A name that is none of the ones below.
    case other
    case alt, ariaHidden, `class`, colspan, content, dataSrcset, datetime, height, hidden, href, httpEquiv, id
    case itemprop, lang, name, property, pubdate, rel, role, rowspan, src, srcset, start, style, title, type
    case width, xmlLang

    /// The kind of the lower-case attribute name `name`.
    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    /// The attribute name of each kind, in the order of the cases after `other`.
    static let names: [String] = [
        "alt", "aria-hidden", "class", "colspan", "content", "data-srcset", "datetime", "height", "hidden", "href",
        "http-equiv", "id", "itemprop", "lang", "name", "property", "pubdate", "rel", "role", "rowspan", "src",
        "srcset", "start", "style", "title", "type", "width", "xml:lang",
    ]

    private static let byName: [String: HTMLAttribute] = {
        var table: [String: HTMLAttribute] = [:]
        for (k, name) in names.enumerated() { table[name] = HTMLAttribute(rawValue: UInt8(k + 1))! }
        return table
    }()
}
