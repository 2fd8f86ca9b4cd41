/// The XHTML content documents the book adds around the releases: the page shell, the cover page, the
/// title page, a release's header, and its contacts and source at the end.
enum EPUBPages {
    static let stylesheetHref = "styles/stylesheet.css"

    /// A complete XHTML5 content document (well-formed XML) with `body` written by `content`, as the UTF-8
    /// bytes that go into the zip (no `String` made of them).
    static func document(title: String, language: String, bodyType: String? = nil,
                         content: (inout XMLWriter) -> Void) -> [UInt8] {
        var xml = XMLWriter(html: true, declaration: true)
        xml.raw("<!DOCTYPE html>\n")
        xml.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("xmlns:epub", "http://www.idpf.org/2007/ops"),
                          ("lang", language), ("xml:lang", language)])
        xml.newline()
        xml.open("head")
        xml.newline()
        xml.element("meta", [("charset", "UTF-8")])
        xml.newline()
        xml.element("title", text: title)
        xml.newline()
        xml.element("link", [("rel", "stylesheet"), ("type", "text/css"), ("href", stylesheetHref)])
        xml.newline()
        xml.close()
        xml.newline()
        xml.open("body", [("epub:type", bodyType)])
        xml.newline()
        content(&xml)
        xml.close()
        xml.newline()
        xml.close()
        xml.newline()
        return xml.finishBytes()
    }

    static func cover(image: EPUBResource, title: String, language: String, labels: ReleaseTerms) -> [UInt8] {
        document(title: labels.cover, language: language) { xml in
            xml.open("section", [("class", "cover"), ("epub:type", "cover")])
            xml.element("img", [("src", image.href), ("alt", labels.cover + ": " + title)])
            xml.close()
            xml.newline()
        }
    }

    /// The title page of a single release: headline, subtitle, dateline and date, organization, authors,
    /// embargo.
    static func titlePage(release metadata: Metadata, title: String, language: String) -> [UInt8] {
        document(title: title, language: language, bodyType: "frontmatter") { xml in
            xml.open("section", [("class", "titlepage"), ("epub:type", "titlepage")])
            xml.newline()
            header(ReleasePresentation(metadata, language: language), title: title, headingID: "title", into: &xml)
            xml.close()
            xml.newline()
        }
    }

    /// The title page of a digest: its title, how many releases from when to when, the organization.
    static func titlePage(digestTitle: String, documents: [Document], organization: String?, language: String,
                          labels: ReleaseTerms) -> [UInt8] {
        document(title: digestTitle, language: language, bodyType: "frontmatter") { xml in
            xml.open("section", [("class", "titlepage"), ("epub:type", "titlepage")])
            xml.newline()
            xml.element("h1", [("class", "title"), ("id", "title")], text: digestTitle)
            xml.newline()
            let days = documents.compactMap { CivilDate.isoDay($0.metadata.date) }.sorted()
            if let first = days.first, let last = days.last {
                let from = labels.date(first), to = labels.date(last)
                xml.open("p", [("class", "date")])
                xml.element("time", [("datetime", first)], text: from)
                if last != first {
                    xml.text(" – ")
                    xml.element("time", [("datetime", last)], text: to)
                }
                xml.close()
                xml.newline()
            }
            if let organization {
                xml.element("p", [("class", "organization")], text: organization)
                xml.newline()
            }
            xml.close()
            xml.newline()
        }
    }

    /// A release's headline and what identifies it, as on its title page or at the top of a digest chapter
    /// (`ReleasePresentation`'s title block, the date in the release's language).
    static func header(_ release: ReleasePresentation, title: String, headingID: String, into xml: inout XMLWriter) {
        xml.element("h1", [("class", "title"), ("id", headingID)], text: title)
        xml.newline()
        if let subtitle = nonEmpty(release.subtitle) {
            xml.element("p", [("class", "subtitle")], text: subtitle)
            xml.newline()
        }
        let place = nonEmpty(release.place)
        let date = nonEmpty(release.date)
        if place != nil || date != nil {
            xml.open("p", [("class", "dateline")])
            if let place {
                xml.element("span", [("class", "place")], text: place)
                if date != nil { xml.text(", ") }
            }
            if let date {
                let shown = release.terms.date(date)
                if let day = CivilDate.isoDay(date) {
                    xml.element("time", [("datetime", day)], text: shown)
                } else {
                    xml.text(shown)
                }
            }
            xml.close()
            xml.newline()
        }
        if let organization = nonEmpty(release.organization) {
            xml.element("p", [("class", "organization")], text: organization)
            xml.newline()
        }
        if let authors = nonEmpty(release.authorsLine) {
            xml.element("p", [("class", "authors")], text: authors)
            xml.newline()
        }
        if let embargo = nonEmpty(release.embargoLine) {
            xml.element("p", [("class", "embargo")], text: embargo)
            xml.newline()
        }
    }

    /// The release's contacts, as a section with a heading whose id is `id`.
    static func contacts(_ release: ReleasePresentation, id: String, level: Int, into xml: inout XMLWriter) {
        xml.open("section", [("class", "contacts"), ("aria-labelledby", id)])
        xml.newline()
        xml.element("h\(level)", [("id", id)], text: release.contactsHeading)
        xml.newline()
        for contact in release.contacts {
            contact.render(into: &xml) { xml, part in
                switch part {
                case .text(let s), .phone(let s): xml.text(s)
                case .name(let s): xml.element("span", [("class", "name")], text: s)
                case .email(let s):
                    if let target = EPUBLinkPolicy.mailto("mailto:" + s) {
                        xml.element("a", [("href", target)], text: s)
                    } else {
                        xml.text(s)
                    }
                }
            }
        }
        xml.close()
        xml.newline()
    }

    /// "Source: URL", linked when it is a web address.
    static func source(_ source: String, release: ReleasePresentation, into xml: inout XMLWriter) {
        xml.open("p", [("class", "source")])
        xml.text(release.sourceLabel + " ")
        if let target = EPUBLinkPolicy.target(source, fragments: [:]) {
            xml.element("a", [("href", target)], text: source)
        } else {
            xml.text(source)
        }
        xml.close()
        xml.newline()
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = EPUBChapterPreparer.collapsed(text)
        return collapsed.isEmpty ? nil : collapsed
    }
}
