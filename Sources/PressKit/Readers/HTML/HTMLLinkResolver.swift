/// Makes a page's link and image references absolute: against `<base href>`, else the page's canonical URL
/// (resolved itself against the other). `javascript:` links are dropped (their text stays).
struct HTMLLinkResolver {
    /// The absolute URL references are resolved against, if the page gives one.
    let base: String?

    init(baseHref: String?, canonical: String?) {
        let canonicalAbsolute = canonical.flatMap { URLReference.isAbsolute($0) ? $0 : nil }
        if let baseHref, !baseHref.isEmpty {
            base = URLReference.isAbsolute(baseHref) ? baseHref
                : (canonicalAbsolute.map { URLReference.resolve(baseHref, against: $0) })
        } else {
            base = canonicalAbsolute
        }
    }

    /// The absolute target of an `href`, or nil for links that lead nowhere outside a browser.
    func linkTarget(_ href: String) -> String? {
        let trimmed = href.trimmingWhitespaceAndControls()
        if trimmed.isEmpty { return nil }
        let scheme = URLReference(trimmed).scheme
        if scheme == "javascript" || scheme == "vbscript" || scheme == "data" { return nil }
        if scheme != nil { return trimmed }
        return URLReference.resolve(trimmed, against: base)
    }

    /// The absolute source of an `img`, looking past lazy-loading placeholders.
    func imageSource(_ dom: HTMLDOM, _ i: Int) -> String? {
        var candidates: [String] = []
        for name in ["src", "data-src", "data-lazy-src", "data-original", "data-url"] {
            if let v = dom.attribute(name, of: i)?.trimmingWhitespaceAndControls(), !v.isEmpty { candidates.append(v) }
        }
        if let srcset = dom.attribute("srcset", of: i) ?? dom.attribute("data-srcset", of: i),
           let first = srcset.split(separator: ",").first?.split(separator: " ").first {
            candidates.append(String(first))
        }
        guard let source = candidates.first(where: { !$0.lowercased().hasPrefix("data:") }) ?? candidates.first else {
            return nil
        }
        if source.lowercased().hasPrefix("javascript:") { return nil }
        return URLReference.isAbsolute(source) ? source : URLReference.resolve(source, against: base)
    }
}
