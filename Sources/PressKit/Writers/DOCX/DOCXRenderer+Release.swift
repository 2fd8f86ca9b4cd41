extension DOCXRenderer {
    /// One release: the title block (title, subtitle, organization, dateline and date, embargo), the body,
    /// then the contacts and the source URL, as `ReleasePresentation` gives them in `language`.
    func release(_ document: Document, index: Int, language: String) {
        documentIndex = index
        let release = ReleasePresentation(document.metadata, language: language)
        var ctx = bodyContext
        if let title = release.title {
            ctx.style = "Title"
            paragraph(ctx) { self.run(title, RunProperties()) }
        }
        if let subtitle = release.subtitle {
            ctx.style = "Subtitle"
            paragraph(ctx) { self.run(subtitle, RunProperties()) }
        }
        ctx.style = "Dateline"
        if let organization = release.organization {
            paragraph(ctx) { self.run(organization, RunProperties()) }
        }
        if let line = release.datelineText(localizedDate: true) {
            paragraph(ctx) { self.run(line, RunProperties()) }
        }
        if let embargo = release.embargoLine {
            paragraph(ctx) { self.run(embargo, RunProperties(bold: true)) }
        }

        blocks(document.blocks, bodyContext)

        contacts(release)
        if let source = release.source {
            var sourceContext = bodyContext
            sourceContext.style = "SourceLine"
            paragraph(sourceContext) {
                self.run(release.sourceLabel + " ", RunProperties())
                self.inline(.link(Link(target: source, content: [.text(source)])), RunProperties(), sourceContext, depth: 0)
            }
        }
    }

    private func contacts(_ release: ReleasePresentation) {
        guard !release.contacts.isEmpty else { return }
        var ctx = bodyContext
        ctx.style = "ContactBlock"
        paragraph(ctx, keepNext: true) {
            self.run(release.contactsHeading, RunProperties(bold: true))
        }
        for (number, contact) in release.contacts.enumerated() {
            var inlines: [Inline] = []
            for (i, line) in contact.lines.enumerated() {
                if i > 0 { inlines.append(.lineBreak) }
                for part in line {
                    switch part {
                    case .text(let s), .phone(let s): inlines.append(.text(s))
                    case .name(let s): inlines.append(.strong([.text(s)]))
                    case .email(let s): inlines.append(.link(Link(target: "mailto:" + s, content: [.text(s)])))
                    }
                }
            }
            // A blank separator line between contacts keeps them apart inside the shaded block.
            if number > 0 { paragraph(ctx) {} }
            paragraph(ctx) { self.inlines(inlines, RunProperties(), ctx) }
        }
    }
}
