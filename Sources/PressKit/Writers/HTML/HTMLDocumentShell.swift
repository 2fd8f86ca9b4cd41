/// The whole HTML5 page around the body: head with metadata and stylesheet, a header with the headline,
/// subtitle, dateline and date, the body, and a footer with contacts and the source link.
struct HTMLDocumentShell {
    let writer: HTMLWriter
    let document: Document
    let context: ConversionContext
    /// The shared title block, contacts and source, with labels in the release's language: built once.
    let release: ReleasePresentation

    init(writer: HTMLWriter, document: Document, context: ConversionContext) {
        self.writer = writer
        self.document = document
        self.context = context
        release = ReleasePresentation(document.metadata)
    }

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
        // `lang`: the release's canonical BCP 47 tag (`LanguageTag`); "und" (undetermined) when it has none.
        xml.open("html", [("lang", release.language ?? "und")])
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
            ("dcterms.source", m.source), ("dcterms.language", release.language), ("subtitle", m.subtitle),
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
        HTMLHeadMetadata(document: document, presentation: release, context: context).render(into: &xml)
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

    /// The page title: the headline (`ReleasePresentation.headline`), else "Untitled" in the release's language.
    var title: String {
        release.headline(blocks: document.blocks) ?? release.terms.untitled
    }

    func renderHeader(into xml: inout XMLWriter) {
        guard release.title != nil || release.subtitle != nil || release.date != nil || release.place != nil
                || release.organization != nil || release.embargo != nil else { return }
        xml.open("header")
        xml.newline()
        if let title = release.title {
            xml.element("h1", [("class", "title")], text: title)
            xml.newline()
        }
        if let subtitle = release.subtitle {
            xml.element("p", [("class", "subtitle")], text: subtitle)
            xml.newline()
        }
        if release.place != nil || release.date != nil || release.organization != nil {
            xml.open("p", [("class", "dateline")])
            var parts = 0
            if let place = release.place {
                xml.element("span", [("class", "place")], text: place)
                parts += 1
            }
            if let date = release.date {
                if parts > 0 { xml.text(", ") }
                // A <time> only for a real date (the W3C checker rejects datetime="Frühjahr 2024"), as EPUB.
                if let timestamp = ReleaseTimestamp(iso: date) {
                    xml.element("time", [("datetime", timestamp.htmlDatetime)], text: date)
                } else {
                    xml.text(date)
                }
                parts += 1
            }
            if let organization = release.organization {
                if parts > 0 { xml.text(" \u{2014} ") }
                xml.element("span", [("class", "organization")], text: organization)
            }
            xml.close()
            xml.newline()
        }
        if let embargo = release.embargoLine {
            xml.element("p", [("class", "embargo")], text: embargo)
            xml.newline()
        }
        xml.close()
        xml.newline()
    }

    func renderFooter(into xml: inout XMLWriter) {
        guard !release.contacts.isEmpty || release.source != nil else { return }
        xml.open("footer")
        xml.newline()
        if !release.contacts.isEmpty {
            xml.open("section", [("class", "contacts")])
            xml.newline()
            xml.element("h2", text: release.contactsHeading)
            xml.newline()
            for contact in release.contacts {
                contact.render(into: &xml) { xml, part in
                    switch part {
                    case .text(let s): xml.text(s)
                    case .name(let s): xml.element("strong", text: s)
                    case .email(let s): xml.element("a", [("href", "mailto:" + s)], text: s)
                    case .phone(let s): xml.element("a", [("href", "tel:" + s.filter { !$0.isWhitespace })], text: s)
                    }
                }
            }
            xml.close()
            xml.newline()
        }
        if let source = release.source {
            xml.open("p", [("class", "source")])
            xml.text(release.sourceLabel + " ")
            xml.element("a", [("href", source)], text: source)
            xml.close()
            xml.newline()
        }
        xml.close()
        xml.newline()
    }
}
