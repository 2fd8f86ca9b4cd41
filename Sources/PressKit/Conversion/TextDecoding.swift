/// Text decoded from bytes, with how it was decoded.
public struct DecodedText: Sendable {
    public var text: String
    /// The charset it was read as (an iconv name, e.g. "UTF-8", "WINDOWS-1251").
    public var charset: String
    /// How the charset was chosen: "bom", "declared", "utf-8" (valid UTF-8), "detected" (uchardet) or
    /// "fallback" (uchardet had no answer: read as windows-1252).
    public var how: String
    /// How many invalid byte sequences became U+FFFD.
    public var replacements: Int
}

/// Turns the bytes of a text input (plain text, Markdown, JSON) into a String, whatever its encoding:
/// a BOM first (UTF-8, UTF-16, UTF-32), then a name given with `--encoding`, then valid UTF-8, then uchardet
/// (windows-1251, KOI8-R, windows-1252 …; ISO-8859-1 is read as its superset windows-1252).
/// Bytes that are not text (NUL bytes outside UTF-16/32) are refused; bytes invalid in the chosen charset
/// become U+FFFD and are counted, never dropped silently.
public enum TextDecoding {
    /// The decoded text and the charset it was read as.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) throws -> (text: String, charset: String) {
        let decoded = try decodeText(bytes, declared: declared)
        return (decoded.text, decoded.charset)
    }

    /// The decoded text with its charset, how that was chosen, and the number of replaced sequences.
    public static func decodeText(_ bytes: [UInt8], declared: String? = nil) throws -> DecodedText {
        try refuseNULBytes(bytes, declared: declared)
        if let (charset, bomLength) = bomCharset(bytes) {
            return try convert(Array(bytes[bomLength...]), from: charset, how: "bom")
        }
        if let declared, !declared.isEmpty {
            let upper = declared.uppercased()
            let decoded = try convert(bytes, from: normalizedCharset(upper) ?? upper, how: "declared")
            try checkDeclared(replacements: decoded.replacements, in: decoded.text, declared: declared)
            return decoded
        }
        if bytes.contains(0), let utf16 = utf16WithoutBOM(bytes) {
            return try convert(bytes, from: utf16, how: "detected")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, charset: "UTF-8", how: "utf-8", replacements: 0)
        }
        if let guess = try CharsetDetector.detect(bytes).flatMap({ normalizedCharset($0) }) {
            return try convert(bytes, from: guess, how: "detected")
        }
        return try convert(bytes, from: "WINDOWS-1252", how: "fallback")
    }

    /// The one rule on NUL bytes, for every text reader (plain text, Markdown, JSON, HTML): a file holding a
    /// NUL byte is not text and is refused (exit 4), unless it is UTF-16 or UTF-32 (by its byte-order mark,
    /// `--encoding`, or UTF-16 without a mark, recognised by its NULs in every other byte).
    public static func refuseNULBytes(_ bytes: [UInt8], declared: String?) throws {
        guard ByteScan.contains(0, in: bytes) else { return }
        if let (charset, _) = bomCharset(bytes), charset != "UTF-8" { return }
        if let declared, !declared.isEmpty {
            if isWide(declared.uppercased()) { return }
        } else if bomCharset(bytes) == nil, utf16WithoutBOM(bytes) != nil {
            return
        }
        throw PressKitError(.invalidInput, "not a text file (it contains NUL bytes)")
    }

    /// A charset named with `--encoding` must fit the input: when half of the characters or more had to be
    /// replaced by U+FFFD, the input is refused (exit 4) rather than turned into a page of U+FFFD. Fewer
    /// replacements are the reader's warning to give (with their count).
    public static func checkDeclared(replacements: Int, in text: String, declared: String) throws {
        guard replacements > 0 else { return }
        let total = text.unicodeScalars.count
        if replacements * 2 >= total {
            throw PressKitError(.invalidInput,
                                "cannot be read as \(declared) (--encoding): \(replacements) of \(total) characters are not valid \(declared)")
        }
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

    private static func isWide(_ upper: String) -> Bool {
        upper.hasPrefix("UTF-16") || upper.hasPrefix("UTF16") || upper.hasPrefix("UTF-32") || upper.hasPrefix("UTF32")
            || upper.hasPrefix("UCS-2") || upper.hasPrefix("UCS-4") || upper.hasPrefix("UCS2") || upper.hasPrefix("UCS4")
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

    /// uchardet's (or a user's) names mapped to what iconv knows: ASCII is UTF-8; ISO-8859-1 and Latin-1 are
    /// read as windows-1252, whose extra characters (curly quotes, dashes) are what such files really hold.
    static func normalizedCharset(_ name: String) -> String? {
        let upper = name.uppercased()
        switch upper {
        case "ASCII", "US-ASCII", "UTF-8", "UTF8": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "LATIN-1", "L1": return "WINDOWS-1252"
        case "CP1251": return "WINDOWS-1251"
        case "CP1252": return "WINDOWS-1252"
        default: return upper
        }
    }

    static func convert(_ bytes: [UInt8], from charset: String, how: String) throws -> DecodedText {
        let upper = charset.uppercased()
        if upper == "UTF-8" || upper == "UTF8" {
            if let text = String(validating: bytes, as: UTF8.self) {
                return DecodedText(text: text, charset: "UTF-8", how: how, replacements: 0)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            return DecodedText(text: text, charset: "UTF-8", how: how, replacements: countReplacements(text))
        }
        guard let utf8 = Iconv.toUTF8(bytes, from: charset) else {
            throw PressKitError(.usage, "unknown character encoding '\(charset)'")
        }
        let text = String(decoding: utf8, as: UTF8.self)
        return DecodedText(text: text, charset: upper, how: how, replacements: countReplacements(text))
    }

    static func convert(_ bytes: [UInt8], from charset: String) throws -> String {
        try convert(bytes, from: charset, how: "declared").text
    }

    private static func countReplacements(_ text: String) -> Int {
        var count = 0
        var it = text.utf8.makeIterator()
        // U+FFFD is EF BF BD in UTF-8.
        var state = 0
        while let b = it.next() {
            switch (state, b) {
            case (_, 0xEF): state = 1
            case (1, 0xBF): state = 2
            case (2, 0xBD): count += 1; state = 0
            default: state = 0
            }
        }
        return count
    }
}
