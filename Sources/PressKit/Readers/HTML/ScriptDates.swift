/// Publication dates a page keeps in its scripts rather than in its markup (the HTML parser drops
/// scripts other than JSON-LD, so these are read from the page's bytes, and only when the page gives no
/// other date; each read is one linear pass):
/// - the publication keys of the state a script hands to the page (`window.__STATE__ = {…"publishDate":"…"}`,
///   `\"datePublished\":\"…\"` in escaped JSON, `publishedAt: 1588388400`), as htmldate's extensive search
///   reads them: only the value of such a key, never any other date in a script;
/// - a short inline script that prints the date where it stands, `<script>showDate("2020/04/17 01:43:09")</script>`
///   (a call whose name says "date" or "time", its first argument a timestamp; never `new Date(…)`).
enum ScriptDates {
    /// Scripts longer than this are not read for printed dates.
    static let maxPrintingScript = 200
    /// The part of a page read for publication keys.
    static let maxStateBytes = 4 << 20

    /// The timestamp a short script prints: the first string argument of a call named `…date…`/`…time…`.
    static func printed(in script: String) -> PageTimestamp? {
        let b = Array(script.utf8.prefix(maxPrintingScript + 1))
        guard b.count <= maxPrintingScript else { return nil }
        var i = 0
        while i + 1 < b.count {
            defer { i += 1 }
            guard b[i] == UInt8(ascii: "("), b[i + 1] == UInt8(ascii: "\"") || b[i + 1] == UInt8(ascii: "'") else { continue }
            var start = i
            while start > 0, isIdentifier(b[start - 1]) { start -= 1 }
            let name = String(decoding: b[start..<i], as: UTF8.self)
            guard name != "Date", name.fastLowercased().hasSubstring("date") || name.fastLowercased().hasSubstring("time"),
                  let value = literal(b, from: i + 1) else { continue }
            if let t = PageTimestamp.parse(value) { return t }
        }
        return nil
    }

    /// The timestamp printed by the first short inline JavaScript of a page's bytes that prints one.
    static func printedByScript(in page: [UInt8]) -> PageTimestamp? {
        let open = Array("<script".utf8), close = Array("</script".utf8)
        return page.withUnsafeBufferPointer { b -> PageTimestamp? in
            var i = 0
            while let start = find(open, in: b, from: i) {
                guard let tagEnd = find([UInt8(ascii: ">")], in: b, from: start + open.count) else { return nil }
                guard let end = find(close, in: b, from: tagEnd + 1) else { return nil }
                i = end + close.count
                let tag = String(decoding: b[start..<tagEnd], as: UTF8.self).fastLowercased()
                guard end - tagEnd - 1 <= maxPrintingScript, !tag.hasSubstring(" src="),
                      !tag.hasSubstring("type=") || tag.hasSubstring("javascript") else { continue }
                if let t = printed(in: String(decoding: b[(tagEnd + 1)..<end], as: UTF8.self)) { return t }
            }
            return nil
        }
    }

    /// Where `needle` (lower-case ASCII after its first byte) next occurs in `b` at or after `from`,
    /// ignoring the case of the rest.
    private static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= b.count else { return nil }
        var i = from
        let last = b.count - needle.count
        while i <= last {
            while i < last, b[i] != first { i += 1 }
            if b[i] == first {
                var k = 1
                while k < needle.count, b[i + k] | (needle[k] >= 97 ? 0x20 : 0) == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Keys whose value is the publication time (compared in lower case).
    private static let keys: Set<String> = [
        "datepublished", "publishdate", "publisheddate", "published_at", "publishedat", "firstpublisheddate",
        "firstpublishedat", "date_published", "publish_date", "publicationdate", "pubdate", "published_time",
        "publishtime", "publishedtime", "publication_date",
    ]

    /// The values of publication keys in a page's bytes, in order (at most `limit`).
    static func published(in page: [UInt8], limit: Int = 3) -> [String] {
        var out: [String] = []
        page.withUnsafeBufferPointer { all in
            let b = UnsafeBufferPointer(rebasing: all.prefix(maxStateBytes))
            var i = 1
            // Every key holds "ub" ("publish", "pubDate"): look there, then read the word around it.
            let last = b.count - 1
            while i < last, out.count < limit {
                defer { i += 1 }
                while i < last, b[i] != UInt8(ascii: "u") { i += 1 }
                guard i < last, b[i + 1] == UInt8(ascii: "b") || b[i + 1] == UInt8(ascii: "B") else { continue }
                var start = i
                while start > 0, isIdentifier(b[start - 1]), i - start < 24 { start -= 1 }
                var end = i
                while end < b.count, isIdentifier(b[end]), end - start < 24 { end += 1 }
                i = end
                guard end - start >= 7, end - start <= 20, start == 0 || !isIdentifier(b[start - 1]),
                      isKey(UnsafeBufferPointer(rebasing: b[start..<end])) else { continue }
                // `"key": "value"`, `key: 'value'`, `\"key\":\"value\"` (JSON inside a string), `key = 123…`,
                // `&quot;key&quot;:&quot;value&quot;` (JSON in an attribute, `data-props="{…}"`).
                var k = end
                while k < b.count, k - end < 12 {
                    if b[k] == 34 || b[k] == 39 || b[k] == 92 || b[k] == 32 { k += 1 } else if isQuoteEntity(b, at: k) { k += 6 } else { break }
                }
                guard k < b.count, b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "=") else { continue }
                k += 1
                while k < b.count, k - end < 20, b[k] == 32 || b[k] == 92 { k += 1 }
                if isQuoteEntity(b, at: k) {
                    var e = k + 6
                    while e < b.count, b[e] != UInt8(ascii: "&"), b[e] != 34, e - k <= 70 { e += 1 }
                    if e < b.count, isQuoteEntity(b, at: e), e > k + 6 { out.append(String(decoding: b[(k + 6)..<e], as: UTF8.self)) }
                } else if k < b.count, b[k] == 34 || b[k] == 39 {
                    if let value = literal(Array(b[k..<min(b.count, k + 80)]), from: 0) { out.append(value) }
                } else {
                    var e = k
                    while e < b.count, e - k < 14, b[e] &- 48 < 10 { e += 1 }
                    if e - k == 10 || e - k == 13 { out.append(String(decoding: b[k..<e], as: UTF8.self)) }
                }
            }
        }
        return out
    }

    private static let keyBytes = keys.map { Array($0.utf8) }

    /// Whether `&quot;` (the quote of JSON kept in an HTML attribute) opens at `b[at]`.
    private static func isQuoteEntity(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        at + 6 <= b.count && b[at] == UInt8(ascii: "&") && b[at + 1] == UInt8(ascii: "q") && b[at + 2] == UInt8(ascii: "u")
            && b[at + 3] == UInt8(ascii: "o") && b[at + 4] == UInt8(ascii: "t") && b[at + 5] == UInt8(ascii: ";")
    }

    /// Whether a word is one of `keys`, ignoring ASCII case (no string made).
    private static func isKey(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for key in keyBytes where key.count == word.count {
            var k = 0
            while k < key.count, word[k] | (word[k] >= 65 && word[k] <= 90 ? 0x20 : 0) == key[k] { k += 1 }
            if k == key.count { return true }
        }
        return false
    }

    private static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c &- 48 < 10 || c == 95 || c == 36
    }

    /// The string literal opening at `b[at]` (a quote), up to 64 bytes, without a backslash escape before
    /// its closing quote.
    private static func literal(_ b: [UInt8], from at: Int) -> String? {
        guard at < b.count else { return nil }
        let quote = b[at]
        var e = at + 1
        while e < b.count, b[e] != quote, b[e] != 92, e - at <= 64 { e += 1 }
        guard e < b.count, e - at <= 64, e > at + 1 else { return nil }
        return String(decoding: b[(at + 1)..<e], as: UTF8.self)
    }
}
