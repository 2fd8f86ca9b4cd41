/// The article facts a page's JSON-LD (schema.org) blocks give: the first object whose `@type` is an
/// article kind (NewsArticle, Article, PressRelease, BlogPosting, Report…), searched through `@graph`
/// and arrays; the page's `Organization`/`WebSite` name as a fallback publisher.
struct JSONLDArticle {
    var headline: String?
    var alternativeHeadline: String?
    var datePublished: String?
    var dateModified: String?
    /// `datePublished` of every other object (more articles, a `WebPage`), in order: weaker evidence.
    var otherDatesPublished: [String] = []
    var authors: [String] = []
    var publisher: String?
    var keywords: [String] = []
    var description: String?
    var image: String?
    var url: String?
    var language: String?
    var siteName: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "pressrelease", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "report", "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "advertisercontentarticle", "satiricalarticle",
    ]

    /// Reads the facts from the text of each `<script type="application/ld+json">`.
    init(scripts: [String]) {
        var objects: [TolerantJSON] = []
        for script in scripts {
            guard let json = TolerantJSON.parse(script) else { continue }
            Self.collect(json, into: &objects)
        }
        for object in objects {
            let types = (object["@type"]?.elements ?? []).compactMap(\.text).map { $0.fastLowercased() }
            if siteName == nil, types.contains("website") || types.contains("organization") || types.contains("newsmediaorganization") {
                siteName = object["name"]?.text.map(HTMLText.collapse)
            }
            guard headline == nil && datePublished == nil, types.contains(where: Self.articleTypes.contains) else {
                if let d = (object["datePublished"] ?? object["dateCreated"])?.text { otherDatesPublished.append(d) }
                continue
            }
            headline = (object["headline"] ?? object["name"])?.text.map(HTMLText.collapse)
            alternativeHeadline = object["alternativeHeadline"]?.text.map(HTMLText.collapse)
            datePublished = (object["datePublished"] ?? object["dateCreated"])?.text
            dateModified = object["dateModified"]?.text
            for author in object["author"]?.elements ?? [] {
                let name = author["name"]?.text ?? (author.text.flatMap { $0.hasPrefix("http") ? nil : $0 })
                if let name = name.map(HTMLText.collapse), !name.isEmpty, !authors.contains(name) { authors.append(name) }
            }
            if let p = object["publisher"]?.elements.first { publisher = (p["name"]?.text ?? p.text).map(HTMLText.collapse) }
            if let k = object["keywords"] {
                for item in k.elements {
                    guard let s = item.text else { continue }
                    keywords += s.split(separator: ",").map { HTMLText.collapse(String($0)) }.filter { !$0.isEmpty }
                }
            }
            description = object["description"]?.text.map(HTMLText.collapse)
            if let img = object["image"]?.elements.first { image = img["url"]?.text ?? img.text }
            url = (object["url"] ?? object["mainEntityOfPage"]?["@id"] ?? object["mainEntityOfPage"])?.text
            language = object["inLanguage"]?.text
        }
    }

    /// All objects in a JSON-LD value, looking inside arrays and `@graph`, without deep recursion.
    private static func collect(_ root: TolerantJSON, into out: inout [TolerantJSON]) {
        var stack = [root]
        while let value = stack.popLast() {
            switch value {
            case .array(let items): stack.append(contentsOf: items.reversed())
            case .object:
                out.append(value)
                if let graph = value["@graph"] { stack.append(graph) }
                if let main = value["mainEntity"] { stack.append(main) }
            default: break
            }
        }
    }
}
