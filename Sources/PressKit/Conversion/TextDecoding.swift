/// Turns the bytes of a text input (plain text, Markdown, JSON) into a String, whatever its encoding:
/// a BOM first (UTF-8, UTF-16, UTF-32), then a name given with `--encoding`, then valid UTF-8, then uchardet.
/// Bytes that are not text (NUL bytes outside UTF-16/32) are refused.
public enum TextDecoding {
    /// The decoded text and the charset it was read as.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) throws -> (text: String, charset: String) {
        if let (charset, bomLength) = bomCharset(bytes) {
            return (try convert(Array(bytes[bomLength...]), from: charset), charset)
        }
        if let declared, !declared.isEmpty {
            return (try convert(bytes, from: declared), declared)
        }
        if bytes.contains(0) {
            if let utf16 = utf16WithoutBOM(bytes) {
                return (try convert(bytes, from: utf16), utf16)
            }
            throw PressKitError(.invalidInput, "not a text file (it contains NUL bytes)")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, "UTF-8")
        }
        let guess = CharsetDetector.detect(bytes).flatMap { normalizedCharset($0) } ?? "WINDOWS-1252"
        return (try convert(bytes, from: guess), guess)
    }

    /// The charset a byte-order mark names, and the mark's length.
    public static func bomCharset(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// UTF-16 text without a BOM shows NUL in every other byte for ASCII characters.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(1024)
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 } }
        let pairs = sample.count / 2
        if oddZeros * 10 > pairs * 4 && evenZeros == 0 { return "UTF-16LE" }
        if evenZeros * 10 > pairs * 4 && oddZeros == 0 { return "UTF-16BE" }
        return nil
    }

    /// uchardet's names mapped to what iconv knows; ASCII becomes UTF-8.
    static func normalizedCharset(_ name: String) -> String? {
        let upper = name.uppercased()
        switch upper {
        case "ASCII", "US-ASCII", "UTF-8": return "UTF-8"
        case "MAC-CYRILLIC": return "MAC-CYRILLIC"
        default: return upper
        }
    }

    static func convert(_ bytes: [UInt8], from charset: String) throws -> String {
        let upper = charset.uppercased()
        if upper == "UTF-8" || upper == "UTF8" {
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let utf8 = Iconv.toUTF8(bytes, from: charset) else {
            throw PressKitError(.usage, "unknown character encoding '\(charset)'")
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
