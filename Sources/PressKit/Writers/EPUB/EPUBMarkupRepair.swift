/// Repairs what the HTML writer may emit that EPUB 3's XHTML does not allow. Today that is the `align`
/// attribute on table cells (HTML4, obsolete in HTML5: epubcheck reports it as an error), which becomes a
/// class the stylesheet aligns by. When the HTML writer stops emitting `align`, this finds nothing to do.
enum EPUBMarkupRepair {
    private static let patterns = [Array("<td align=\"".utf8), Array("<th align=\"".utf8)]

    /// `<td align="right"` → `<td class="align-right"` (and for `th`), in one pass. Text content cannot
    /// match: its `<` is always escaped.
    static func repair(_ xhtml: String) -> String {
        var result: [UInt8]? = nil
        var xhtml = xhtml
        xhtml.makeContiguousUTF8()
        xhtml.utf8.withContiguousStorageIfAvailable { bytes in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            let n = bytes.count
            while i + 11 <= n {
                if bytes[i] == 60, bytes[i + 1] == 116, bytes[i + 3] == 32,
                   patterns.contains(where: { p in (0..<11).allSatisfy { bytes[i + $0] == p[$0] } }) {
                    if out.isEmpty { out.reserveCapacity(n + 64) }
                    out += bytes[copied..<i]
                    out += [60, 116, bytes[i + 2]]
                    out += Array(" class=\"align-".utf8)
                    i += 11
                    copied = i
                } else {
                    i += 1
                }
            }
            if copied > 0 {
                out += bytes[copied..<n]
                result = out
            }
        }
        guard let result else { return xhtml }
        return String(decoding: result, as: UTF8.self)
    }
}
