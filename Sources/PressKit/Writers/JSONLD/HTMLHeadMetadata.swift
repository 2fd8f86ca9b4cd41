/// What the HTML writer's full page adds to `<head>` so that search engines and social cards understand
/// it: a `<meta name="description">` from the lead paragraph when the release gives no summary, OpenGraph
/// (`og:*`), `article:published_time`, `article:modified_time`, `article:author`, `article:tag`, and the
/// schema.org NewsArticle as `<script type="application/ld+json">`.
struct HTMLHeadMetadata {
    let document: Document
    /// The page's presentation of the release, passed on so that it is built once per page.
    let presentation: ReleasePresentation
    let context: ConversionContext

    func render(into xml: inout XMLWriter) {
        // The page's own warnings are the HTML writer's business: the JSON-LD's are not repeated here.
        let quiet = ConversionContext(options: context.options, resources: context.resources, inputName: context.inputName)
        let release = NewsRelease(document, presentation: presentation, context: quiet)
        let m = document.metadata
        var metas: [(attribute: String, name: String, content: String?)] = []
        if (m.description ?? "").trimmingWhitespaceScalars.isEmpty { metas.append(("name", "description", release.summary)) }
        metas += [
            ("property", "og:type", "article"),
            ("property", "og:title", release.headline),
            ("property", "og:description", release.summary),
            ("property", "og:url", release.link),
            ("property", "og:site_name", release.organization),
            ("property", "og:locale", release.language.map { String($0.map { $0 == "-" ? "_" : $0 }) }),
        ]
        let images = release.images  // one walk, for og:image and the JSON-LD
        metas += images.prefix(1).flatMap { image -> [(String, String, String?)] in
            [("property", "og:image", image.source), ("property", "og:image:alt", image.alt.isEmpty ? nil : image.alt)]
        }
        metas.append(("property", "article:published_time", release.published?.schemaOrg))
        if release.modified != release.published { metas.append(("property", "article:modified_time", release.modified?.schemaOrg)) }
        metas += release.authors.map { ("property", "article:author", $0) }
        metas += release.keywords.map { ("property", "article:tag", $0) }
        for meta in metas {
            guard let content = meta.content, !content.isEmpty else { continue }
            xml.element("meta", [(meta.attribute, meta.name), ("content", content)])
            xml.newline()
        }
        let json = NewsArticleJSONLD(release: release, images: images).value(context: quiet).serialized()
        xml.open("script", [("type", "application/ld+json")])
        var script: [UInt8] = [10]
        NewsArticleJSONLD.scriptSafe(json, into: &script)
        xml.raw(bytes: script)
        xml.close()
        xml.newline()
    }
}
