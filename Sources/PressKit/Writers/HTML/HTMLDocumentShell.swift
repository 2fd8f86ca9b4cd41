/// The whole HTML5 page around the body: head with metadata and stylesheet, a header with the headline,
/// subtitle, dateline and date, the body, and a footer with contacts and the source link.
struct HTMLDocumentShell {
    let writer: HTMLWriter
    let document: Document
    let context: ConversionContext

    static let stylesheet = """
    body { margin: 0 auto; max-width: 42em; padding: 1em 1.25em 3em; font: 1.05em/1.6 Georgia, "Times New Roman", serif; color: #222; background: #fff; }
    h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; margin: 1.4em 0 0.5em; }
    header h1 { font-size: 2em; margin-top: 0.5em; }
    .subtitle { font-size: 1.2em; color: #444; margin-top: -0.3em; }
    .dateline { font-variant: small-caps; color: #555; }
    a { color: #0645ad; }
    img { max-width: 100%; height: auto; }
    figure { margin: 1.5em 0; } figcaption { font-size: 0.9em; color: #555; }
    blockquote { margin: 1em 0; padding: 0 1em; border-left: 0.25em solid #ccc; color: #444; }
    pre { overflow-x: auto; padding: 0.75em; background: #f5f5f5; } code { font-size: 0.9em; }
    table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; }
    footer { margin-top: 2.5em; border-top: 1px solid #ddd; font-size: 0.95em; }
    .footnotes { font-size: 0.9em; border-top: 1px solid #ddd; margin-top: 2em; }
    """

    func render(into xml: inout XMLWriter) {
        let m = document.metadata
        xml.raw("<!DOCTYPE html>\n")
        xml.open("html", [("lang", Self.language(m.language))])
        xml.newline()
        xml.open("head")
        xml.newline()
        xml.element("meta", [("charset", "utf-8")])
        xml.newline()
        xml.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        xml.newline()
        xml.element("title", text: title)
        xml.newline()
        var metas: [(String, String?)] = [
            ("description", m.description),
            ("keywords", m.keywords.isEmpty ? nil : m.keywords.joined(separator: ", ")),
        ]
        metas += m.authors.map { ("author", $0) }
        metas += [
            ("date", m.date), ("dcterms.date", m.date), ("dcterms.publisher", m.organization),
            ("dcterms.source", m.source), ("dcterms.language", m.language), ("subtitle", m.subtitle),
            ("dateline", m.dateline), ("embargo", m.embargo), ("image", m.image),
        ]
        metas += m.extra.keys.sorted().map { ($0, m.extra[$0]) }
        for (name, content) in metas {
            guard let content, !content.isEmpty else { continue }
            xml.element("meta", [("name", name), ("content", content)])
            xml.newline()
        }
        if let source = m.source, !source.isEmpty {
            xml.element("link", [("rel", "canonical"), ("href", source)])
            xml.newline()
        }
        HTMLHeadMetadata(document: document, context: context).render(into: &xml)
        xml.open("style")
        xml.raw("\n" + (context.options.html.css ?? Self.stylesheet) + "\n")
        xml.close()
        xml.newline()
        xml.close()  // head
        xml.newline()
        xml.open("body")
        xml.newline()
        xml.open("article")
        xml.newline()
        renderHeader(into: &xml)
        writer.renderBody(document.blocks, into: &xml, settings: HTMLRenderSettings(), context: context)
        renderFooter(into: &xml)
        xml.close()  // article
        xml.newline()
        xml.close()  // body
        xml.newline()
        xml.close()  // html
        xml.newline()
    }

    /// The page title: the headline, else the first heading, else "Untitled".
    var title: String {
        if let t = document.metadata.title, !t.isEmpty { return t }
        for block in document.blocks {
            if case .heading(_, let content, _) = block { return content.plainText }
        }
        return "Untitled"
    }

    /// `lang`: the document's language; "und" (undetermined, BCP 47) when it has none.
    static func language(_ language: String?) -> String {
        guard let language, !language.isEmpty,
              language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return "und" }
        return language.replacingUnderscores()
    }

    func renderHeader(into xml: inout XMLWriter) {
        let m = document.metadata
        let hasTitle = m.title.map { !$0.isEmpty } ?? false
        guard hasTitle || m.subtitle != nil || m.date != nil || m.dateline != nil || m.organization != nil else { return }
        xml.open("header")
        xml.newline()
        if let title = m.title, !title.isEmpty {
            xml.element("h1", [("class", "title")], text: title)
            xml.newline()
        }
        if let subtitle = m.subtitle, !subtitle.isEmpty {
            xml.element("p", [("class", "subtitle")], text: subtitle)
            xml.newline()
        }
        if m.dateline != nil || m.date != nil || m.organization != nil {
            xml.open("p", [("class", "dateline")])
            var parts = 0
            if let place = m.dateline, !place.isEmpty {
                xml.element("span", [("class", "place")], text: place)
                parts += 1
            }
            if let date = m.date, !date.isEmpty {
                if parts > 0 { xml.text(", ") }
                xml.element("time", [("datetime", date)], text: date)
                parts += 1
            }
            if let organization = m.organization, !organization.isEmpty {
                if parts > 0 { xml.text(" \u{2014} ") }
                xml.element("span", [("class", "organization")], text: organization)
            }
            xml.close()
            xml.newline()
        }
        xml.close()
        xml.newline()
    }

    func renderFooter(into xml: inout XMLWriter) {
        let m = document.metadata
        guard !m.contacts.isEmpty || m.source != nil else { return }
        xml.open("footer")
        xml.newline()
        if !m.contacts.isEmpty {
            xml.open("section", [("class", "contacts")])
            xml.newline()
            xml.element("h2", text: m.contacts.count == 1 ? "Contact" : "Contacts")
            xml.newline()
            for contact in m.contacts {
                xml.open("p", [("class", "contact")])
                var first = true
                func line(_ s: String?, _ render: (inout XMLWriter, String) -> Void, into xml: inout XMLWriter) {
                    guard let s, !s.isEmpty else { return }
                    if !first { xml.element("br") }
                    first = false
                    render(&xml, s)
                }
                line(contact.name, { $0.element("strong", text: $1) }, into: &xml)
                line(contact.role, { $0.text($1) }, into: &xml)
                line(contact.organization, { $0.text($1) }, into: &xml)
                line(contact.email, { $0.element("a", [("href", "mailto:" + $1)], text: $1) }, into: &xml)
                line(contact.phone, { $0.element("a", [("href", "tel:" + $1.filter { !$0.isWhitespace })], text: $1) },
                     into: &xml)
                for textLine in (contact.text ?? "").split(separator: "\n") {
                    line(String(textLine), { $0.text($1) }, into: &xml)
                }
                xml.close()
                xml.newline()
            }
            xml.close()
            xml.newline()
        }
        if let source = m.source, !source.isEmpty {
            xml.open("p", [("class", "source")])
            xml.text("Source: ")
            xml.element("a", [("href", source)], text: source)
            xml.close()
            xml.newline()
        }
        xml.close()
        xml.newline()
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
