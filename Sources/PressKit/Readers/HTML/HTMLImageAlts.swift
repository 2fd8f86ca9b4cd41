/// Alternative texts of an extracted article's images that describe nothing of their own and only repeat
/// text: the page's title set as every picture's alt (a CMS default: "Lexus LC 500 Convertible image"
/// on each photo of the story), one alt shared by several images, and an alt that repeats the figure's own
/// caption. Such an alt is emptied (the caption, the headline or the other image still says it), so a
/// plain-text or Markdown rendering does not print the same line again and again.
enum HTMLImageAlts {
    static func clean(_ blocks: inout [Block], title: String?) {
        var counts: [String: Int] = [:]
        DocumentWalker.walk(blocks) { node in
            switch node {
            case .inline(.image(let image)): counts[key(image.alt), default: 0] += 1
            case .block(.figure(let figure)): counts[key(figure.image.alt), default: 0] += 1
            default: break
            }
            return .visitChildren
        }
        counts[""] = nil
        // No image with alt text: nothing to empty (every test below needs a non-empty key), and the rewrite
        // would rebuild the whole tree for nothing (6 % of a 1 MB page without pictures).
        if counts.isEmpty { return }
        let titleKey = title.map(key) ?? ""
        let repeated = Set(counts.filter { $0.value >= 2 }.keys)
        func isEmpty(_ alt: String, caption: String) -> Bool {
            let k = key(alt)
            guard !k.isEmpty else { return false }
            if repeated.contains(k) || k == titleKey { return true }
            // The caption says it: the alt is the caption, or the caption begins with or holds it whole.
            return k.utf8.count >= 12 && caption.hasSubstring(k)
        }
        var rewriter = ClosureRewriter(block: { block in
            guard case .figure(var figure) = block else { return nil }
            if isEmpty(figure.image.alt, caption: key(figure.caption.plainText)) { figure.image.alt = "" }
            return [.figure(figure)]
        }, inline: { inline in
            guard case .image(var image) = inline, isEmpty(image.alt, caption: "") else { return nil }
            image.alt = ""
            return [.image(image)]
        })
        blocks = rewriter.rewrite(blocks: blocks)
    }

    /// The text's words, lower-cased, one space apart ("Image" and "photo" at the end left off).
    private static func key(_ text: String) -> String {
        var words = PageTitle.words(text)
        if let last = words.last, ["image", "photo", "picture", "img", "foto", "bild"].contains(last), words.count > 2 {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }
}
