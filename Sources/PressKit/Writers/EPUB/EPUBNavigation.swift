/// An entry of the book's contents: a label, where it leads, and the entries under it.
struct EPUBTOCEntry {
    var label: String
    var href: String
    var children: [EPUBTOCEntry] = []

    /// Nests a flat list of headings (level, label, href) by level; skipped levels nest under the nearest
    /// shallower heading.
    static func nest(_ items: [(level: Int, label: String, href: String)]) -> [EPUBTOCEntry] {
        var index = 0
        return nest(items, from: &index, above: 0)
    }

    private static func nest(_ items: [(level: Int, label: String, href: String)], from index: inout Int,
                             above level: Int) -> [EPUBTOCEntry] {
        var result: [EPUBTOCEntry] = []
        while index < items.count, items[index].level > level {
            let item = items[index]
            index += 1
            let children = nest(items, from: &index, above: item.level)
            result.append(EPUBTOCEntry(label: item.label, href: item.href, children: children))
        }
        return result
    }

    var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }
}

/// A landmark of the navigation document (`cover`, `titlepage`, `bodymatter`).
struct EPUBLandmark {
    var type: String
    var label: String
    var href: String
}

/// The EPUB 3 navigation document and the EPUB 2 NCX, both from the same contents.
enum EPUBNavigation {
    static func navDocument(toc: [EPUBTOCEntry], landmarks: [EPUBLandmark], language: String,
                            labels: ReleaseTerms) -> [UInt8] {
        EPUBPages.document(title: labels.contents, language: language) { xml in
            xml.open("nav", [("epub:type", "toc"), ("id", "toc")])
            xml.newline()
            xml.element("h1", text: labels.contents)
            xml.newline()
            list(toc, into: &xml)
            xml.close()
            xml.newline()
            xml.open("nav", [("epub:type", "landmarks"), ("id", "landmarks"), ("hidden", "hidden")])
            xml.newline()
            xml.element("h2", text: labels.landmarks)
            xml.newline()
            xml.open("ol")
            xml.newline()
            for landmark in landmarks {
                xml.open("li")
                xml.element("a", [("epub:type", landmark.type), ("href", landmark.href)], text: landmark.label)
                xml.close()
                xml.newline()
            }
            xml.close()
            xml.newline()
            xml.close()
            xml.newline()
        }
    }

    private static func list(_ entries: [EPUBTOCEntry], into xml: inout XMLWriter) {
        xml.open("ol")
        xml.newline()
        for entry in entries {
            xml.open("li")
            xml.element("a", [("href", entry.href)], text: entry.label)
            if !entry.children.isEmpty {
                xml.newline()
                list(entry.children, into: &xml)
            }
            xml.close()
            xml.newline()
        }
        xml.close()
        xml.newline()
    }

    static func ncx(toc: [EPUBTOCEntry], identifier: String, title: String, language: String) -> [UInt8] {
        var xml = XMLWriter(html: false, declaration: true)
        xml.open("ncx", [("xmlns", "http://www.daisy.org/z3986/2005/ncx/"), ("version", "2005-1"), ("xml:lang", language)])
        xml.newline()
        xml.open("head")
        xml.newline()
        let depth = toc.map(\.depth).max() ?? 1
        for (name, content) in [("dtb:uid", identifier), ("dtb:depth", String(depth)), ("dtb:totalPageCount", "0"),
                                ("dtb:maxPageNumber", "0")] {
            xml.element("meta", [("name", name), ("content", content)])
            xml.newline()
        }
        xml.close()
        xml.newline()
        xml.open("docTitle")
        xml.element("text", text: title)
        xml.close()
        xml.newline()
        xml.open("navMap")
        xml.newline()
        var orders = PlayOrder()
        var pointCount = 0
        navPoints(toc, orders: &orders, count: &pointCount, into: &xml)
        xml.close()
        xml.newline()
        xml.close()
        xml.newline()
        return xml.finishBytes()
    }

    /// NCX play order: one number per distinct target, in reading order (entries that lead to the same
    /// place must share it).
    struct PlayOrder {
        private var byTarget: [String: Int] = [:]
        mutating func of(_ href: String) -> Int {
            if let known = byTarget[href] { return known }
            let order = byTarget.count + 1
            byTarget[href] = order
            return order
        }
    }

    private static func navPoints(_ entries: [EPUBTOCEntry], orders: inout PlayOrder, count: inout Int,
                                  into xml: inout XMLWriter) {
        for entry in entries {
            count += 1
            xml.open("navPoint", [("id", "navpoint-\(count)"), ("playOrder", String(orders.of(entry.href)))])
            xml.open("navLabel")
            xml.element("text", text: entry.label)
            xml.close()
            xml.element("content", [("src", entry.href)])
            xml.newline()
            navPoints(entry.children, orders: &orders, count: &count, into: &xml)
            xml.close()
            xml.newline()
        }
    }
}
