/// Writes clean plain text, as a search index or a plain e-mail wants it:
///
/// ```
/// Headline                      (the title; then the subtitle)
/// MINSK, 2021-09-21 — ACME      (the dateline, the date and the organization, whichever exist)
/// Embargoed until …             (the embargo, if any)
///
/// Paragraphs separated by blank lines. A link keeps its target: ITU <https://itu.int>.
///
/// Heading of level 1            (level 2 is underlined with ---, deeper levels are plain)
/// ==================
///
/// - bullet items, 1. ordered items, nested lists indented under their item's text
/// > block quotes
///     code blocks indented four spaces
///
/// [1] notes, marked [1] in the text, come after the body
///
/// Media contact:
/// Jane Doe, press@example.org ...
///
/// Source: https://example.org/news/1
/// ```
///
/// The header, contacts and source come from `ReleasePresentation`, their labels in the release's language.
///
/// With `--fragment` (`ConversionOptions.fragment`) only the body's text is written, as an article
/// extractor gives it: no header, no link targets, no contacts or source line.
///
/// Tables are aligned columns under a dashed rule; figures are `[Image: alt]` with the caption below;
/// images are their alt text. `--wrap=N` (`ConversionOptions.wrap`) wraps running text at N columns;
/// by default lines are not wrapped. Raw HTML keeps its text (tags, scripts and comments removed); raw
/// fragments in other formats are left out with a warning.
public struct PlainTextWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        let presentation = ReleasePresentation(document.metadata)
        var renderer = PlainTextRenderer(wrap: context.options.text.wrap, context: context, terms: presentation.terms)
        return Array(renderer.render(document, presentation).utf8)
    }
}

extension PlainTextRenderer {
    /// The whole document: header, body, notes, contacts and source, each part separated by a blank line.
    mutating func render(_ document: Document, _ release: ReleasePresentation) -> String {
        var sections: [[String]] = []

        if bodyOnly {
            var out = ""
            for line in blocks(document.blocks, width: width) + notesSection() {
                out += line
                out += "\n"
            }
            return out
        }
        var header: [String] = []
        // The headline and subtitle stay on one line each, wrapped or not: they are what a search shows.
        for line in [release.title, release.subtitle] {
            var clean = ""
            Self.appendClean(line ?? "", to: &clean)
            clean = clean.trimmingSpaces()
            if !clean.isEmpty { header.append(clean) }
        }
        if let dateline = release.datelineWithOrganization(localizedDate: false) { header.append(dateline) }
        if let embargo = release.embargoLine { header.append(embargo) }
        if !header.isEmpty { sections.append(header) }

        let body = blocks(document.blocks, width: width)
        if !body.isEmpty { sections.append(body) }

        let notesOut = notesSection()
        if !notesOut.isEmpty { sections.append(notesOut) }

        if !release.contacts.isEmpty {
            var lines = [release.terms.labeled(release.contactsHeading)]
            for (i, contact) in release.contacts.enumerated() {
                if i > 0 { lines.append("") }
                lines += contact.plainLines
            }
            sections.append(lines)
        }
        if let source = release.source {
            sections.append([release.sourceLabel + " " + source])
        }

        var out = ""
        for (i, section) in sections.enumerated() {
            if i > 0 { out += "\n" }
            for line in section {
                out += line
                out += "\n"
            }
        }
        return out
    }

    /// The notes, numbered; notes may hold notes of their own: render until none is left.
    private mutating func notesSection() -> [String] {
        var notesOut: [String] = []
        var next = 0
        while next < notes.count {
            let number = next + 1
            let content = blocks(notes[next], width: width.map { $0 - 4 })
            if !notesOut.isEmpty { notesOut.append("") }
            notesOut += hanging("[\(number)] ", content)
            next += 1
        }
        return notesOut
    }
}
