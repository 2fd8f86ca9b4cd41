/// Writes CommonMark or GitHub Flavored Markdown that CommonMark tools read back as the same document.
///
/// ATX headings, `-` bullets (`*` for a list right after another), fenced code, pipe tables with alignment
/// (GFM; other tables and all tables in CommonMark become raw HTML), `~~strike~~` (GFM; `<del>` in
/// CommonMark), footnotes (`[^1]`, GFM), and every character that would change meaning escaped. No hard
/// wrapping unless `--wrap=N`; `--reference-links` writes reference-style links.
///
/// The `markdown` format writes the metadata as YAML front matter (off with `--no-front-matter`); `gfm` and
/// `commonmark` write none, and show the headline, subtitle, dateline and date, organization and embargo at
/// the top and contacts and the source at the end as ordinary Markdown instead, so nothing is lost (the
/// shared `ReleasePresentation`, labels in the release's language).
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
        }
        // Without front matter, the title block and the end matter show the one presentation, built once.
        let release = yaml == nil ? ReleasePresentation(m) : nil
        if let release {
            renderVisibleHeader(release, into: &renderer)
        }
        renderer.renderBlocks(document.blocks)
        if let release { renderVisibleFooter(release, into: &renderer) }
        renderer.renderEndMatter()
        let body = renderer.layout.finish()
        if head.isEmpty { return body }
        return body.isEmpty ? head : head + [10] + body
    }

    /// The title block (`ReleasePresentation`): the headline as a level-1 heading, the subtitle emphasised,
    /// then the dateline, date and organization, then the embargo.
    func renderVisibleHeader(_ release: ReleasePresentation, into renderer: inout MarkdownRenderer) {
        if let title = release.title {
            renderer.renderBlock(.heading(level: 1, content: [.text(title)], id: nil))
        }
        if let subtitle = release.subtitle {
            renderer.renderBlock(.paragraph([.emphasis([.text(subtitle)])]))
        }
        if let line = release.datelineWithOrganization(localizedDate: false) {
            renderer.renderBlock(.paragraph([.text(line)]))
        }
        if let embargo = release.embargoLine {
            renderer.renderBlock(.paragraph([.strong([.text(embargo)])]))
        }
    }

    /// The contacts (one paragraph, a line per contact line, addresses linked) and the source.
    func renderVisibleFooter(_ release: ReleasePresentation, into renderer: inout MarkdownRenderer) {
        if !release.contacts.isEmpty {
            var inlines: [Inline] = [.strong([.text(release.terms.labeled(release.contactsHeading))])]
            for contact in release.contacts {
                for line in contact.lines {
                    inlines.append(.lineBreak)
                    for part in line {
                        switch part {
                        case .text(let s), .name(let s), .phone(let s): inlines.append(.text(s))
                        case .email(let s): inlines.append(.link(Link(target: "mailto:" + s, content: [.text(s)])))
                        }
                    }
                }
            }
            renderer.renderBlock(.paragraph(inlines))
        }
        if let source = release.source {
            renderer.renderBlock(.paragraph([.text(release.sourceLabel + " "),
                                             .link(Link(target: source, content: [.text(source)]))]))
        }
    }
}
