/// Document properties: `docProps/core.xml` (Dublin Core) and `docProps/app.xml`.
struct DOCXProperties {
    var title: String?
    var subject: String?
    var creator: String?
    var description: String?
    var keywords: [String]
    var language: String
    var identifier: String?
    var organization: String?
    var created: Int
    var modified: Int

    /// Properties for one release, or a digest of several (titles joined; keywords merged).
    init(documents: [Document], language: String, created: Int, modified: Int) {
        let metadata = documents.map(\.metadata)
        func nonEmpty(_ s: String?) -> String? {
            guard let t = s?.trimmingSpaces(), !t.isEmpty else { return nil }
            return t
        }
        let first = metadata.first ?? Metadata()
        if metadata.count > 1 {
            let titles = metadata.compactMap { nonEmpty($0.title) }
            title = titles.isEmpty ? nil : titles.joined(separator: "; ")
        } else {
            title = nonEmpty(first.title)
        }
        subject = nonEmpty(first.description) ?? nonEmpty(first.subtitle)
        let authors = first.authors.compactMap(nonEmpty)
        creator = authors.isEmpty ? nonEmpty(first.organization) : authors.joined(separator: "; ")
        description = nonEmpty(first.description)
        var seen: Set<String> = []
        keywords = metadata.flatMap(\.keywords).compactMap(nonEmpty).filter { seen.insert($0.fastLowercased()).inserted }
        self.language = language
        identifier = metadata.count == 1 ? nonEmpty(first.source) : nil
        organization = nonEmpty(first.organization)
        self.created = created
        self.modified = modified
    }

    func core() -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        if let title { xml.element("dc:title", text: title) }
        if let subject { xml.element("dc:subject", text: subject) }
        if let creator { xml.element("dc:creator", text: creator) }
        if !keywords.isEmpty { xml.element("cp:keywords", text: keywords.joined(separator: ", ")) }
        if let description { xml.element("dc:description", text: description) }
        if let identifier { xml.element("dc:identifier", text: identifier) }
        xml.element("dc:language", text: language)
        xml.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: DOCXDates.w3cdtf(created))
        xml.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: DOCXDates.w3cdtf(modified))
        return xml.finish()
    }

    func app() -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("Properties", [
            ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
            ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
        ])
        xml.element("Application", text: "presskit")
        xml.element("DocSecurity", text: "0")
        if let organization { xml.element("Company", text: organization) }
        return xml.finish()
    }
}
