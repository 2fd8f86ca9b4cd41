/// `docProps/core.xml` and `docProps/custom.xml` as metadata: title, subject, creator, keywords,
/// description, created, modified, language; custom properties kept by name in `extra`.
enum DOCXPropertiesReader {
    static func metadata(core: XMLTreeElement?, custom: XMLTreeElement?) -> Metadata {
        var m = Metadata()
        for e in core?.elements ?? [] {
            let value = e.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            guard !value.isEmpty else { continue }
            switch e.name {
            case "title": m.title = value
            case "subject": m.extra["subject"] = value
            case "identifier" where value.hasPrefix("http://") || value.hasPrefix("https://"): m.source = value
            case "creator":
                m.authors = value.split(separator: ";").map { $0.docxTrimmed }.filter { !$0.isEmpty }
            case "keywords":
                m.keywords = value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.docxTrimmed }
                    .filter { !$0.isEmpty }
            case "description": m.description = value
            case "created": m.extra["created"] = value
            case "modified": m.extra["modified"] = value
            case "language": m.language = value
            case "category": m.extra["category"] = value
            default: break
            }
        }
        if m.extra["subject"] == m.description { m.extra["subject"] = nil }
        for property in custom?.children("property") ?? [] {
            guard let name = property.attribute("name"), !name.isEmpty else { continue }
            let value = property.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if !value.isEmpty { m.extra[name] = value }
        }
        return m
    }
}

private extension Substring {
    var docxTrimmed: String {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
