/// Picks out of a `styles.xml` only the parts the reader needs — the root element's start tag (with its
/// namespace declarations), `w:docDefaults` and the `w:style` elements a document uses — so that a
/// template's hundreds of unused (mostly table) styles are never parsed. Templates carry many: python-docx's
/// default `styles.xml` is 349 KB with 164 styles, of which a one-page release uses about ten.
///
/// A byte scan over the top level of the part finds each child element's extent (quotes in start tags
/// respected, the end tag found by its exact name). Anything it does not understand — a comment,
/// CDATA, a DOCTYPE or another `<!`, a processing instruction after the root's start, an entity in a
/// style id, an end tag it cannot find — makes `init` return nil, and the caller parses the whole part as
/// before. The selected pieces are parsed by `XMLReader` like any part, so nothing reaches the tree without
/// passing through the XML parser; what the selection skips is not checked for well-formedness.
struct DOCXStyleSelection: Sendable {
    struct Entry: Sendable {
        var id: String
        var range: Range<Int>
        /// A paragraph style marked `w:default` (the style of paragraphs that name none).
        var isDefaultParagraph: Bool
        /// The `w:basedOn` parent's id.
        var basedOn: String?
    }

    let bytes: [UInt8]
    /// The XML declaration and the root element's start tag.
    private(set) var headEnd = 0
    /// The root element's qualified name (`w:styles`).
    private(set) var rootName: [UInt8] = []
    private(set) var docDefaults: Range<Int>?
    private(set) var entries: [Entry] = []
    /// Style id → the ids of its `basedOn` parents (one per style with that id).
    private var parents: [String: [String]] = [:]

    init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return scan(Scanner(base: base, count: buffer.count))
        }
        guard ok else { return nil }
        for entry in entries { if let p = entry.basedOn { parents[entry.id, default: []].append(p) } }
    }

    /// The ids of the styles in the part, with the default paragraph style's.
    var defaultParagraphIds: [String] { entries.filter(\.isDefaultParagraph).map(\.id) }

    /// `ids` with every style they are based on, up their chains (bounded as `DOCXStyleSheet.chain` is).
    func closure(_ ids: Set<String>) -> Set<String> {
        var out = ids
        var frontier = Array(ids)
        var rounds = 0
        while !frontier.isEmpty, rounds < 32 {
            var next: [String] = []
            for id in frontier { for p in parents[id] ?? [] where !out.contains(p) { out.insert(p); next.append(p) } }
            frontier = next
            rounds += 1
        }
        return out
    }

    /// A `styles.xml` holding only the head, the document defaults and the styles whose ids are in `ids`
    /// (in their order in the part), closed with the root's end tag.
    func document(keeping ids: Set<String>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(headEnd + 4096)
        out += bytes[0..<headEnd]
        if let docDefaults { out += bytes[docDefaults] }
        for entry in entries where ids.contains(entry.id) { out += bytes[entry.range] }
        out += Array("</".utf8) + rootName + [UInt8(ascii: ">")]
        return out
    }

    // MARK: - Scan

    private struct Scanner {
        let base: UnsafePointer<UInt8>
        let count: Int

        subscript(_ i: Int) -> UInt8 { base[i] }

        /// The next `<` at or after `i`: eight bytes at a time (a byte equal to `<` found with the
        /// has-zero-byte test on the word XORed with `<<<<<<<<`; the lowest hit is the first).
        func nextOpen(_ i: Int) -> Int? {
            var j = i
            let raw = UnsafeRawPointer(base)
            while j + 8 <= count {
                let x = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) ^ 0x3C3C_3C3C_3C3C_3C3C
                let hits = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if hits != 0 { return j + hits.trailingZeroBitCount >> 3 }
                j += 8
            }
            while j < count {
                if base[j] == UInt8(ascii: "<") { return j }
                j += 1
            }
            return nil
        }

        /// The index just past the `>` that ends the tag starting at `i` (quoted values skipped).
        func tagEnd(_ i: Int) -> Int? {
            var j = i + 1
            var quote: UInt8 = 0
            while j < count {
                let c = base[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    return j + 1
                } else if c == UInt8(ascii: "<") {
                    return nil
                }
                j += 1
            }
            return nil
        }

        /// The qualified name starting at `i` (after `<` or `</`), as the range of its bytes.
        func name(_ i: Int) -> Range<Int> {
            var j = i
            while j < count {
                let c = base[j]
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
                    || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { break }
                j += 1
            }
            return i..<j
        }

        /// Where `needle` (which starts with `<`) next occurs at or after `i`; nil also when a `<!` (comment,
        /// CDATA) comes first.
        func find(_ needle: [UInt8], from i: Int, before end: Int? = nil) -> Int? {
            var j = i
            while let open = nextOpen(j) {
                if open + needle.count > (end ?? count) { return nil }
                if base[open + 1] == UInt8(ascii: "!") { return nil }
                var match = true
                for k in 1..<needle.count where base[open + k] != needle[k] {
                    match = false
                    break
                }
                if match { return open }
                j = open + 1
            }
            return nil
        }

        func bytes(_ r: Range<Int>) -> [UInt8] { Array(UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)) }

        /// The value of the attribute with local name `local` in the start tag `tag` (nil when absent; the
        /// raw bytes between the quotes).
        func attribute(_ local: [UInt8], in tag: Range<Int>) -> [UInt8]? {
            var j = name(tag.lowerBound + 1).upperBound
            while j < tag.upperBound {
                while j < tag.upperBound, base[j] == 0x20 || base[j] == 0x09 || base[j] == 0x0A || base[j] == 0x0D { j += 1 }
                let start = j
                while j < tag.upperBound, base[j] != UInt8(ascii: "="), base[j] != UInt8(ascii: ">"), base[j] != UInt8(ascii: "/") { j += 1 }
                guard j < tag.upperBound, base[j] == UInt8(ascii: "=") else { return nil }
                var qualified = start..<j
                while qualified.count > 0, base[qualified.upperBound - 1] <= 0x20 { qualified = qualified.lowerBound..<(qualified.upperBound - 1) }
                j += 1
                while j < tag.upperBound, base[j] <= 0x20 { j += 1 }
                guard j < tag.upperBound, base[j] == UInt8(ascii: "\"") || base[j] == UInt8(ascii: "'") else { return nil }
                let quote = base[j]
                let valueStart = j + 1
                j = valueStart
                while j < tag.upperBound, base[j] != quote { j += 1 }
                guard j < tag.upperBound else { return nil }
                let value = valueStart..<j
                j += 1
                var localStart = qualified.lowerBound
                for k in qualified where base[k] == UInt8(ascii: ":") { localStart = k + 1 }
                if qualified.upperBound - localStart == local.count,
                   (0..<local.count).allSatisfy({ base[localStart + $0] == local[$0] }) {
                    return bytes(value)
                }
            }
            return nil
        }
    }

    private mutating func scan(_ s: Scanner) -> Bool {
        // No comment, CDATA section or DOCTYPE anywhere (every `<` up to the root's end tag is looked at
        // here or in `find`): those the scan leaves to the full parser.
        // The prolog: processing instructions (the XML declaration) before the root.
        var i = 0
        var root: Int?
        while let open = s.nextOpen(i) {
            guard open + 1 < s.count else { return false }
            if s[open + 1] == UInt8(ascii: "!") { return false }
            if s[open + 1] == UInt8(ascii: "?") {
                var end = open + 2
                while end + 1 < s.count, !(s[end] == UInt8(ascii: "?") && s[end + 1] == UInt8(ascii: ">")) { end += 1 }
                guard end + 1 < s.count else { return false }
                i = end + 2
                continue
            }
            root = open
            break
        }
        guard let root else { return false }
        let rootNameRange = s.name(root + 1)
        let qualified = s.bytes(rootNameRange)
        guard qualified.count >= 6, Array(qualified.suffix(6)) == Array("styles".utf8),
              qualified.count == 6 || qualified[qualified.count - 7] == UInt8(ascii: ":"),
              let head = s.tagEnd(root), s[head - 2] != UInt8(ascii: "/") else { return false }
        rootName = qualified
        headEnd = head
        let closeRoot = Array("</".utf8) + qualified + [UInt8(ascii: ">")]
        var j = head
        while true {
            guard let open = s.nextOpen(j), open + 1 < s.count else { return false }
            if s[open + 1] == UInt8(ascii: "/") {
                // Only the root's own end tag may close here.
                guard open + closeRoot.count <= s.count,
                      (0..<closeRoot.count).allSatisfy({ s[open + $0] == closeRoot[$0] }) else { return false }
                return true
            }
            if s[open + 1] == UInt8(ascii: "?") || s[open + 1] == UInt8(ascii: "!") { return false }
            let nameRange = s.name(open + 1)
            guard !nameRange.isEmpty, let tagEnd = s.tagEnd(open) else { return false }
            let elementName = s.bytes(nameRange)
            let end: Int
            if s[tagEnd - 2] == UInt8(ascii: "/") {
                end = tagEnd
            } else {
                let close = Array("</".utf8) + elementName + [UInt8(ascii: ">")]
                guard let closeAt = s.find(close, from: tagEnd) else { return false }
                end = closeAt + close.count
            }
            let local = elementName.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).last.map(Array.init) ?? []
            if local == Array("style".utf8) {
                let tag = open..<tagEnd
                guard let idBytes = s.attribute(Array("styleId".utf8), in: tag) else {
                    j = end
                    continue  // a style without an id is ignored by the style sheet too
                }
                // An entity in a value the scan reads, or a basedOn it cannot read plainly: the whole part is
                // parsed instead (libxml2 would read what the scan cannot).
                let typeBytes = s.attribute(Array("type".utf8), in: tag)
                let defaultBytes = s.attribute(Array("default".utf8), in: tag)
                guard !([idBytes] + [typeBytes, defaultBytes].compactMap { $0 }).contains(where: { $0.contains(UInt8(ascii: "&")) })
                else { return false }
                let type = typeBytes.map { String(decoding: $0, as: UTF8.self) } ?? "paragraph"
                let isDefault = defaultBytes.map { $0 == Array("1".utf8) || $0 == Array("true".utf8) } ?? false
                var parent: String?
                let prefix = Array(elementName.prefix(elementName.count - local.count))
                let basedOnTag = Array("<".utf8) + prefix + Array("basedOn".utf8)
                if let at = s.find(basedOnTag, from: tagEnd, before: end), let close = s.tagEnd(at),
                   s.name(at + 1).count == basedOnTag.count - 1 {
                    guard let value = s.attribute(Array("val".utf8), in: at..<close) else { return false }
                    guard !value.contains(UInt8(ascii: "&")) else { return false }
                    parent = String(decoding: value, as: UTF8.self)
                } else {
                    // A basedOn under another prefix (or not a plain tag) is left to libxml2.
                    var k = tagEnd
                    while let open = s.nextOpen(k), open < end {
                        let name = s.bytes(s.name(open + 1))
                        if name.split(separator: UInt8(ascii: ":")).last.map(Array.init) == Array("basedOn".utf8) { return false }
                        k = open + 1
                    }
                }
                entries.append(Entry(id: String(decoding: idBytes, as: UTF8.self), range: open..<end,
                                     isDefaultParagraph: isDefault && type == "paragraph", basedOn: parent))
            } else if local == Array("docDefaults".utf8) {
                docDefaults = open..<end
            }
            j = end
        }
    }
}
