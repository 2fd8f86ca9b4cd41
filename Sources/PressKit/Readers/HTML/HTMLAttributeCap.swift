#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A start tag's attributes beyond the first `limit` are removed before libxml2 reads the page. libxml2's HTML
/// parser compares each attribute's name with every earlier one of its tag, so one tag of 40,000 attributes
/// (400 KB) took 1.5 s and one of a few megabytes would take minutes: a hostile page must not hang a batch.
/// No real page comes near the limit; the element, its first attributes and everything after the tag are kept.
///
/// The scan goes from `<` to `<` with `memchr` and reads only the tags byte by byte (a `>` inside a quoted
/// value, which a cheaper test on the distance from `<` to `>` would miss, is read as libxml2 reads it).
enum HTMLAttributeCap {
    static let limit = 512

    /// The bytes with every start tag cut to its first `limit` attributes (the same array when none has more).
    static func capped(_ bytes: [UInt8], limit: Int = limit) -> [UInt8] {
        let cuts = bytes.withUnsafeBufferPointer { Scanner(bytes: $0, limit: limit).cuts() }
        guard !cuts.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var from = 0
        for cut in cuts {
            out.append(contentsOf: bytes[from..<cut.lowerBound])
            from = cut.upperBound
        }
        out.append(contentsOf: bytes[from...])
        return out
    }

    /// Reads tags as libxml2 does for this purpose: comments, `<!…>` and `<?…>` skipped, attribute values in
    /// quotes read to the closing quote, the content of `script` and `style` read to their end tags.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let limit: Int

        func cuts() -> [Range<Int>] {
            var cuts: [Range<Int>] = []
            let n = bytes.count
            var i = 0
            while let lt = find(UInt8(ascii: "<"), from: i) {
                i = lt + 1
                guard i < n else { break }
                let c = bytes[i]
                // libxml2 skips a processing instruction only when a name follows `<?` (else `<?` is text).
                if c == UInt8(ascii: "!") || (c == UInt8(ascii: "?") && i + 1 < n && Self.isLetter(bytes[i + 1])) {
                    if c == UInt8(ascii: "!"), i + 2 < n, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: "-") {
                        i = commentEnd(from: i + 3)
                    } else {
                        i = (find(UInt8(ascii: ">"), from: i) ?? n - 1) + 1
                    }
                    continue
                }
                let closing = c == UInt8(ascii: "/")
                let nameStart = closing ? i + 1 : i
                guard nameStart < n, Self.isLetter(bytes[nameStart]) else { continue }
                var j = nameStart
                while j < n, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
                let rawName = closing ? nil : rawTextName(nameStart..<j)
                var count = 0
                var cutStart = -1
                var attributeEnd = j
                while j < n {
                    let b = bytes[j]
                    if Self.isSpace(b) || b == UInt8(ascii: "/") { j += 1; continue }
                    if b == UInt8(ascii: ">") { break }
                    count += 1
                    if count == limit + 1 { cutStart = j }
                    while j < n, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                          bytes[j] != UInt8(ascii: "/") { j += 1 }
                    var k = j
                    while k < n, Self.isSpace(bytes[k]) { k += 1 }
                    guard k < n, bytes[k] == UInt8(ascii: "=") else { attributeEnd = j; continue }
                    k += 1
                    while k < n, Self.isSpace(bytes[k]) { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        j = (find(bytes[k], from: k + 1) ?? n - 1) + 1
                    } else {
                        while k < n, !Self.isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                        j = k
                    }
                    attributeEnd = min(j, n)
                }
                // Up to the end of the last attribute: a ` />` after it still closes the element.
                if cutStart >= 0 { cuts.append(cutStart..<attributeEnd) }
                // `<script … />` is closed at once (libxml2 parses what follows as HTML).
                let selfClosed = j < n && j > 0 && bytes[j - 1] == UInt8(ascii: "/")
                i = min(j + 1, n)
                if let rawName, !selfClosed { i = endTag(rawName, from: i) }
            }
            return cuts
        }

        @inline(__always)
        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }

        private static let commentClose = Array("-->".utf8)

        /// The offset after the first `-->` from `start`, or the end.
        private func commentEnd(from start: Int) -> Int {
            guard start < bytes.count else { return bytes.count }
            let found = Self.commentClose.withUnsafeBufferPointer { needle in
                ByteScan.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
            return found.map { start + $0 + Self.commentClose.count } ?? bytes.count
        }

        /// The offset of the `</name` that ends a script or style element (any case), or the end.
        private func endTag(_ name: [UInt8], from start: Int) -> Int {
            var i = start
            while let hit = find(UInt8(ascii: "<"), from: i) {
                if hit + 1 + name.count < bytes.count, bytes[hit + 1] == UInt8(ascii: "/"),
                   (0..<name.count).allSatisfy({ bytes[hit + 2 + $0] | 0x20 == name[$0] }) {
                    return hit
                }
                i = hit + 1
            }
            return bytes.count
        }

        private static let script = Array("script".utf8), style = Array("style".utf8)

        /// "script" or "style" (lower-cased) when the tag name in `range` is one of them, else nil.
        private func rawTextName(_ range: Range<Int>) -> [UInt8]? {
            guard range.count == 5 || range.count == 6, bytes[range.lowerBound] | 0x20 == UInt8(ascii: "s") else { return nil }
            let name = range.count == 6 ? Self.script : Self.style
            for (k, i) in range.enumerated() where bytes[i] | 0x20 != name[k] { return nil }
            return name
        }

        private static func isSpace(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
        }

        private static func isLetter(_ b: UInt8) -> Bool {
            (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
        }
    }
}
