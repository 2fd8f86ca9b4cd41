/// An element's name as a small integer: the HTML reader compares names many times an element (furniture,
/// scores, block mapping, dates), and a `String` comparison with a literal costs a call into the standard
/// library each time it fails. `HTMLParser` looks each name up once per parse (through `HTMLNameCache`) and
/// the DOM keeps the tag beside the name; names that are not listed here are `.other` and are compared as
/// strings where they matter.
enum HTMLTag: UInt8, CaseIterable {
    /// A text node.
    case text
    /// An element whose name is none of the ones below.
    case other
    case a, abbr, address, applet, area, article, aside, audio, b, base, bdi, bdo, big, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup, data, datalist, dd, del, details, dfn, dialog, dir, div
    case dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset, h1, h2, h3, h4, h5, h6
    case head, header, hgroup, hr, html, i, iframe, img, input, ins, kbd, label, legend, li, link, listing, main, map
    case mark, math, menu, meta, meter, nav, noframes, noscript, object, ol, optgroup, option, output, p, param
    case picture, plaintext, pre, progress, q, s, samp, script, search, section, select, small, source, span, strike
    case strong, style, sub, summary, sup, svg, table, tbody, td, template, textarea, tfoot, th, thead, time, title
    case tr, track, tt, u, ul, `var`, video, wbr, xmp

    /// The tag of the lower-case element name `name`.
    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    /// The element name of each named tag, in the order of the cases after `other`.
    static let names: [String] = [
        "a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "big",
        "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "listing", "main", "map", "mark", "math", "menu", "meta", "meter", "nav", "noframes",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre",
        "progress", "q", "s", "samp", "script", "search", "section", "select", "small", "source", "span", "strike",
        "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot",
        "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for (k, name) in names.enumerated() { table[name] = HTMLTag(rawValue: UInt8(k + 2))! }
        return table
    }()

    /// An element that starts a new block (ends any open paragraph) when met in a flow of content.
    var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .caption, .center, .col, .colgroup, .dd, .details,
             .dialog, .dir, .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .frameset, .h1, .h2, .h3,
             .h4, .h5, .h6, .header, .hgroup, .hr, .html, .legend, .li, .listing, .main, .menu, .nav, .noframes, .ol,
             .p, .plaintext, .pre, .search, .section, .summary, .table, .tbody, .td, .tfoot, .th, .thead, .tr, .ul,
             .xmp: return true
        default: return false
        }
    }

    /// An element that is never content, with everything inside it, wherever it is.
    var isDropped: Bool {
        switch self {
        case .area, .base, .button, .datalist, .head, .input, .label, .link, .meta, .meter, .noscript, .optgroup,
             .option, .output, .param, .progress, .script, .select, .source, .style, .template, .textarea, .title,
             .track, .wbr: return true
        default: return false
        }
    }

    /// An element whose content is never wanted: `HTMLParser` leaves it out of the DOM with everything inside.
    var isSkipped: Bool {
        switch self {
        case .applet, .audio, .button, .canvas, .datalist, .dialog, .embed, .frame, .frameset, .iframe, .input, .map,
             .math, .noscript, .object, .option, .select, .style, .svg, .template, .textarea, .video: return true
        default: return false
        }
    }

    /// The heading level of `h1`...`h6`, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }
}
