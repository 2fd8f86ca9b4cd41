/// Chooses an HTML page's character encoding and converts the page to UTF-8 before libxml2 sees it.
///
/// Order: `--encoding`, a byte-order mark, a `<meta charset>` / `http-equiv` / XML declaration found in
/// the first 4096 bytes, valid UTF-8, then uchardet; windows-1252 when nothing else answers. Bytes that are
/// invalid in the chosen encoding become U+FFFD.
enum HTMLEncoding {
    /// The page as UTF-8 bytes, and the charset it was read as.
    static func utf8(_ bytes: [UInt8], declared: String? = nil) throws -> (bytes: [UInt8], charset: String) {
        try TextDecoding.refuseNULBytes(bytes, declared: declared)
        if let declared, !declared.isEmpty {
            let charset = canonical(declared) ?? declared
            if charset != "UTF-8", charset != "UTF-16", Iconv.toUTF8([], from: charset) == nil {
                throw PressKitError(.usage, "unknown character encoding '\(declared)'")
            }
            if charset == "UTF-16" { return (Array(try TextDecoding.decode(bytes, declared: declared).text.utf8), declared) }
            let utf8 = try convert(bytes, from: charset)
            if !UTF8Validation.isValid(bytes) || charset != "UTF-8" {
                let text = String(decoding: utf8, as: UTF8.self)
                try TextDecoding.checkDeclared(replacements: text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) },
                                               in: text, declared: declared)
            }
            return (utf8, declared)
        }
        if let (charset, length) = TextDecoding.bomCharset(bytes) {
            return (try convert(Array(bytes[length...]), from: charset), charset)
        }
        if var charset = prescan(bytes).flatMap(canonical) {
            // A page declared as Latin-1 that is valid, non-ASCII UTF-8 was saved as UTF-8 by its editor.
            if charset == "WINDOWS-1252", isValidNonASCIIUTF8(bytes) { charset = "UTF-8" }
            // A page cannot really be UTF-16 if its ASCII declaration could be read (HTML's rule).
            if charset.hasPrefix("UTF-16") || charset.hasPrefix("UTF-32") { charset = "UTF-8" }
            return (try convert(bytes, from: charset), charset)
        }
        if UTF8Validation.isValid(bytes) { return (bytes, "UTF-8") }
        let guess = try CharsetDetector.detect(bytes).flatMap(canonical) ?? "WINDOWS-1252"
        return (try convert(bytes, from: guess), guess)
    }

    /// The charset named by a `<meta>` tag or an XML declaration near the start of the page.
    static func prescan(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 4096)
        var lower = [UInt8](repeating: 0, count: limit)
        for i in 0..<limit {
            let b = bytes[i]
            lower[i] = (b >= 65 && b <= 90) ? b + 32 : b
        }
        if lower.starts(with: Array("<?xml".utf8)), let end = lower.firstIndex(of: UInt8(ascii: ">")),
           let name = value(after: Array("encoding".utf8), in: lower[0..<end]) {
            return name
        }
        var i = 0
        let meta = Array("<meta".utf8)
        while i + meta.count < limit {
            if lower[i] == UInt8(ascii: "<"), lower[i..<(i + meta.count)].elementsEqual(meta) {
                let end = lower[i...].firstIndex(of: UInt8(ascii: ">")) ?? limit
                if let name = value(after: Array("charset".utf8), in: lower[i..<end]) { return name }
                i = end
            }
            i += 1
        }
        return nil
    }

    /// The token after `key`, `=` and an optional quote, inside `slice`.
    private static func value(after key: [UInt8], in slice: ArraySlice<UInt8>) -> String? {
        var i = slice.startIndex
        while i + key.count <= slice.endIndex {
            if slice[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < slice.endIndex, slice[j] == 32 || slice[j] == 9 || slice[j] == 10 || slice[j] == 13 { j += 1 }
                guard j < slice.endIndex, slice[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < slice.endIndex, slice[j] == 32 || slice[j] == 34 || slice[j] == 39 { j += 1 }
                var name = ""
                while j < slice.endIndex {
                    let c = slice[j]
                    let ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || c == 95 || c == 58 || c == 46
                    if !ok { break }
                    name.append(Character(Unicode.Scalar(c)))
                    j += 1
                }
                return name.isEmpty ? nil : name
            }
            i += 1
        }
        return nil
    }

    /// An iconv name for a charset label, following the WHATWG encoding labels where browsers differ
    /// from the label (Latin-1 is windows-1252, Shift_JIS is windows-31j, GB2312 is GBK).
    static func canonical(_ label: String) -> String? {
        let upper = label.uppercased()
        switch upper {
        case "", "NONE": return nil
        case "UTF-8", "UTF8", "UNICODE-1-1-UTF-8", "ASCII", "US-ASCII", "ANSI_X3.4-1968": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "L1", "CP819", "ISO_8859-1", "WINDOWS-1252", "CP1252",
             "X-CP1252": return "WINDOWS-1252"
        case "SHIFT_JIS", "SHIFT-JIS", "SJIS", "X-SJIS", "MS_KANJI", "WINDOWS-31J", "CP932": return "CP932"
        case "GB2312", "GBK", "CP936", "X-GBK", "CHINESE", "GB_2312-80", "EUC-CN": return "GBK"
        case "GB18030": return "GB18030"
        case "EUC-KR", "KS_C_5601-1987", "CP949": return "CP949"
        case "ISO-8859-9", "LATIN5": return "WINDOWS-1254"
        case "TIS-620", "ISO-8859-11": return "CP874"
        case "KOI8-R", "KOI8R", "KOI": return "KOI8-R"
        case "KOI8-U": return "KOI8-U"
        case "CP1251", "WIN-1251", "X-CP1251": return "WINDOWS-1251"
        case "UNICODE", "UCS-2", "UTF-16", "UTF-16LE", "UTF-16BE": return "UTF-16"
        default: return upper
        }
    }

    private static func isValidNonASCIIUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains(where: { $0 >= 0x80 }) && UTF8Validation.isValid(bytes)
    }

    private static func convert(_ bytes: [UInt8], from charset: String) throws -> [UInt8] {
        if charset == "UTF-8" {
            if UTF8Validation.isValid(bytes) { return bytes }
            return Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        if let utf8 = Iconv.toUTF8(bytes, from: charset) { return utf8 }
        // An unknown label on the page: fall back to detection rather than failing.
        let guess = try CharsetDetector.detect(bytes).flatMap(canonical) ?? "WINDOWS-1252"
        if guess != charset, let utf8 = (guess == "UTF-8" ? Array(String(decoding: bytes, as: UTF8.self).utf8)
                                                         : Iconv.toUTF8(bytes, from: guess)) { return utf8 }
        throw PressKitError(.invalidInput, "unknown character encoding '\(charset)'")
    }
}
