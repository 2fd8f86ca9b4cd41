/// Writes CommonMark or GitHub Flavored Markdown that CommonMark tools read back as the same document.
///
/// ATX headings, `-` bullets (`*` for a list right after another), fenced code, pipe tables with alignment
/// (GFM; other tables and all tables in CommonMark become raw HTML), `~~strike~~` (GFM; `<del>` in
/// CommonMark), footnotes (`[^1]`, GFM), and every character that would change meaning escaped. No hard
/// wrapping unless `--wrap=N`; `--reference-links` writes reference-style links.
///
/// The `markdown` format writes the metadata as YAML front matter (off with `--no-front-matter`); `gfm` and
/// `commonmark` write none, and show the headline, subtitle, dateline and date at the top and contacts and the
/// source at the end as ordinary Markdown instead, so nothing is lost.
public struct MarkdownWriter: Writer {
    public enum Flavor: String, Sendable {
        case commonmark, gfm
    }

    public var flavor: Flavor
    /// Whether this format writes YAML front matter (the `markdown` format).
    public var frontMatter: Bool

    public init(flavor: Flavor = .gfm, frontMatter: Bool = true) {
        self.flavor = flavor
        self.frontMatter = frontMatter
    }

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        var renderer = MarkdownRenderer(flavor: flavor, context: context, width: context.options.markdown.wrap ?? 0,
                                        referenceLinks: context.options.markdown.referenceLinks)
        let m = document.metadata
        var head: [UInt8] = []
        let yaml = frontMatter && context.options.markdown.frontMatter ? FrontMatterWriter.yaml(m) : nil
        if let yaml {
            head = Array(yaml.utf8)
        } else {
            renderVisibleHeader(m, into: &renderer)
        }
        renderer.renderBlocks(document.blocks)
        if yaml == nil { renderVisibleFooter(m, into: &renderer) }
        renderer.renderEndMatter()
        let body = renderer.layout.finish()
        if head.isEmpty { return body }
        return body.isEmpty ? head : head + [10] + body
    }

    func renderVisibleHeader(_ m: Metadata, into renderer: inout MarkdownRenderer) {
        if let title = m.title, !title.isEmpty {
            renderer.renderBlock(.heading(level: 1, content: [.text(title)], id: nil))
        }
        if let subtitle = m.subtitle, !subtitle.isEmpty {
            renderer.renderBlock(.paragraph([.emphasis([.text(subtitle)])]))
        }
        let line = [m.dateline, m.date].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        var parts = line
        if let organization = m.organization, !organization.isEmpty {
            parts += parts.isEmpty ? organization : " \u{2014} " + organization
        }
        if !parts.isEmpty { renderer.renderBlock(.paragraph([.text(parts)])) }
    }

    func renderVisibleFooter(_ m: Metadata, into renderer: inout MarkdownRenderer) {
        if !m.contacts.isEmpty {
            var inlines: [Inline] = [.strong([.text(m.contacts.count == 1 ? "Contact:" : "Contacts:")])]
            for contact in m.contacts {
                var fields = [contact.name, contact.role, contact.organization, contact.phone].compactMap { $0 }
                    .filter { !$0.isEmpty }.map { Inline.text($0) }
                if let email = contact.email, !email.isEmpty {
                    fields.append(.link(Link(target: "mailto:" + email, content: [.text(email)])))
                }
                for textLine in (contact.text ?? "").split(separator: "\n") { fields.append(.text(String(textLine))) }
                for field in fields {
                    inlines.append(.lineBreak)
                    inlines.append(field)
                }
            }
            renderer.renderBlock(.paragraph(inlines))
        }
        if let source = m.source, !source.isEmpty {
            renderer.renderBlock(.paragraph([.text("Source: "), .link(Link(target: source, content: [.text(source)]))]))
        }
    }
}
