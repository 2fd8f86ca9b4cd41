/// What the HTML reader knows about element names.
enum HTMLElementKinds {
    /// Elements that start a new block (end any open paragraph) when met in a flow of content.
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "caption",
        "colgroup", "col", "legend", "frameset", "noframes", "search",
    ]

    /// Elements dropped with their content wherever they are.
    static let dropped: Set<String> = [
        "head", "script", "style", "noscript", "template", "title", "meta", "link", "base",
        "input", "button", "select", "textarea", "option", "optgroup", "label", "datalist", "output",
        "progress", "meter", "area", "param", "source", "track", "wbr",
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// ARIA roles of page furniture.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "tablist", "alert", "status",
    ]

    /// The heading level of `h1`...`h6`, or nil.
    static func headingLevel(_ name: String) -> Int? {
        guard name.utf8.count == 2, name.utf8.first == UInt8(ascii: "h") else { return nil }
        let d = Int(name.utf8.last!) - 48
        return (1...6).contains(d) ? d : nil
    }
}
