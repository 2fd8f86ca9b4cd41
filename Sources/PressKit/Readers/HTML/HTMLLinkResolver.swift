/// Makes a page's link and image references absolute: against `<base href>`, else the page's canonical URL
/// (resolved itself against the other). `javascript:` links are dropped (their text stays), and so are
/// site-relative links of a page that gives no base URL: they would be dead outside the site. Image sources
/// stay relative then, as resources next to the page may still be found.
final class HTMLLinkResolver {
    /// The absolute URL references are resolved against, if the page gives one.
    let base: String?
    /// `base`, split once.
    private let baseReference: URLReference?
    /// How many relative links were dropped for want of a base URL.
    private(set) var droppedRelativeLinks = 0
    /// Marks a target that could not be resolved: such links stay links until the article's edges are
    /// trimmed (a breadcrumb is recognised by its links), then `unwrapUnresolved` turns them into text.
    static let unresolvedMark = "\u{0}unresolved:"

    init(baseHref: String?, canonical: String?) {
        let canonicalAbsolute = canonical.flatMap { URLReference.isAbsolute($0) ? $0 : nil }
        if let baseHref, !baseHref.isEmpty {
            base = URLReference.isAbsolute(baseHref) ? baseHref
                : (canonicalAbsolute.map { URLReference.resolve(baseHref, against: $0) })
        } else {
            base = canonicalAbsolute
        }
        baseReference = base.map(URLReference.init)
    }

    /// The absolute target of an `href`, or nil for links that lead nowhere outside a browser.
    func linkTarget(_ href: String) -> String? {
        let trimmed = href.trimmingWhitespaceAndControls()
        if trimmed.isEmpty { return nil }
        let reference = URLReference(trimmed)
        let scheme = reference.scheme
        if scheme == "javascript" || scheme == "vbscript" || scheme == "data" { return nil }
        if scheme != nil { return trimmed }
        guard base != nil else {
            droppedRelativeLinks += 1
            return Self.unresolvedMark + trimmed
        }
        return URLReference.resolve(reference, against: baseReference)
    }

    /// A resource reference (an image) made absolute when a base is known, else left as it is.
    func resource(_ reference: String) -> String {
        let trimmed = reference.trimmingWhitespaceAndControls()
        let split = URLReference(trimmed)
        return split.scheme != nil ? trimmed : URLReference.resolve(split, against: baseReference)
    }

    /// The absolute source of an `img`, looking past lazy-loading placeholders.
    func imageSource(_ dom: HTMLDOM, _ i: Int) -> String? {
        var candidates: [String] = []
        for name in ["src", "data-src", "data-lazy-src", "data-original", "data-url"] {
            if let v = dom.attribute(name, of: i)?.trimmingWhitespaceAndControls(), !v.isEmpty { candidates.append(v) }
        }
        if let srcset = dom.attribute(.srcset, of: i) ?? dom.attribute(.dataSrcset, of: i),
           let first = srcset.split(separator: ",").first?.split(separator: " ").first {
            candidates.append(String(first))
        }
        guard let source = candidates.first(where: { !$0.fastLowercased().hasPrefix("data:") }) ?? candidates.first else {
            return nil
        }
        if source.fastLowercased().hasPrefix("javascript:") { return nil }
        return resource(source)
    }

    /// The blocks with every link whose target is marked unresolved replaced by its content.
    static func unwrapUnresolved(_ blocks: [Block]) -> [Block] {
        var unwrapper = UnresolvedLinkUnwrapper()
        return unwrapper.rewrite(blocks: blocks)
    }
}

/// Replaces each link marked unresolved by its content; neighbouring text runs left behind become one.
private struct UnresolvedLinkUnwrapper: DocumentRewriter {
    mutating func rewrite(_ inline: Inline) -> [Inline] {
        if case .link(let link) = inline, link.target.hasPrefix(HTMLLinkResolver.unresolvedMark) {
            return rewrite(inlines: link.content)
        }
        return [rewriteChildren(of: inline)]
    }

    mutating func rewrite(inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for inline in rewriteEach(inlines) {
            if case .text(let t) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + t)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }
}
