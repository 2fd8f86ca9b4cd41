extension DOCXRenderer {
    /// One release: the title block (title, subtitle, organization, dateline and date, embargo), the body,
    /// then the contacts and the source URL.
    func release(_ document: Document, index: Int, language: String) {
        documentIndex = index
        let metadata = document.metadata
        var ctx = bodyContext
        if let title = metadata.title?.trimmingSpaces(), !title.isEmpty {
            ctx.style = "Title"
            paragraph(ctx) { self.run(title, RunProperties()) }
        }
        if let subtitle = metadata.subtitle?.trimmingSpaces(), !subtitle.isEmpty {
            ctx.style = "Subtitle"
            paragraph(ctx) { self.run(subtitle, RunProperties()) }
        }
        ctx.style = "Dateline"
        if let organization = metadata.organization?.trimmingSpaces(), !organization.isEmpty {
            paragraph(ctx) { self.run(organization, RunProperties()) }
        }
        let date = metadata.date.map { DOCXDates.display($0, language: language) }
        let place = metadata.dateline?.trimmingSpaces()
        let line = [place, date].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " \u{2014} ")
        if !line.isEmpty {
            paragraph(ctx) { self.run(line, RunProperties()) }
        }
        if let embargo = metadata.embargo?.trimmingSpaces(), !embargo.isEmpty {
            paragraph(ctx) {
                self.run(DOCXLabels.embargo(language) + " " + DOCXDates.display(embargo, language: language),
                         RunProperties(bold: true))
            }
        }

        blocks(document.blocks, bodyContext)

        contacts(metadata.contacts, language: language)
        if let source = metadata.source?.trimmingSpaces(), !source.isEmpty {
            var sourceContext = bodyContext
            sourceContext.style = "SourceLine"
            paragraph(sourceContext) {
                self.run(DOCXLabels.source(language) + " ", RunProperties())
                self.inline(.link(Link(target: source, content: [.text(source)])), RunProperties(), sourceContext, depth: 0)
            }
        }
    }

    private func contacts(_ contacts: [Contact], language: String) {
        guard !contacts.isEmpty else { return }
        var ctx = bodyContext
        ctx.style = "ContactBlock"
        paragraph(ctx, keepNext: true) {
            self.run(DOCXLabels.contacts(language, count: contacts.count), RunProperties(bold: true))
        }
        for (number, contact) in contacts.enumerated() {
            var lines: [[Inline]] = []
            if let name = contact.name?.trimmingSpaces(), !name.isEmpty { lines.append([.strong([.text(name)])]) }
            for field in [contact.role, contact.organization] {
                if let value = field?.trimmingSpaces(), !value.isEmpty { lines.append([.text(value)]) }
            }
            if let email = contact.email?.trimmingSpaces(), !email.isEmpty {
                lines.append([.link(Link(target: "mailto:" + email, content: [.text(email)]))])
            }
            if let phone = contact.phone?.trimmingSpaces(), !phone.isEmpty { lines.append([.text(phone)]) }
            if lines.isEmpty, let text = contact.text {
                for line in text.split(whereSeparator: \.isNewline) {
                    let trimmed = String(line).trimmingSpaces()
                    if !trimmed.isEmpty { lines.append([.text(trimmed)]) }
                }
            }
            guard !lines.isEmpty else { continue }
            var inlines: [Inline] = []
            for (i, line) in lines.enumerated() {
                if i > 0 { inlines.append(.lineBreak) }
                inlines += line
            }
            // A blank separator line between contacts keeps them apart inside the shaded block.
            if number > 0 { paragraph(ctx) {} }
            paragraph(ctx) { self.inlines(inlines, RunProperties(), ctx) }
        }
    }
}
