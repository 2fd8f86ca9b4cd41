extension Formats {
    /// Guesses a format from content, for standard input and unknown extensions: DOCX (a zip with `word/` parts),
    /// HTML, JSON, Markdown or text.
    public static func sniff(_ bytes: [UInt8]) -> Format {
        if DOCXReader.looksLikeDOCX(bytes), let docx = named("docx") { return docx }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let lower = trimmed.prefix(512).fastLowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<?xml")
            || lower.contains("<body") || lower.contains("<head") || lower.hasPrefix("<div") || lower.hasPrefix("<p>") {
            if let html = named("html") { return html }
        }
        if trimmed.hasPrefix("{"), trimmed.prefix(64).contains("\"pandoc-api-version\""), let pandoc = named("pandoc") { return pandoc }
        if trimmed.hasPrefix("{"), trimmed.contains("\"blocks\"") || trimmed.contains("\"version\""), let json = named("json") {
            return json
        }
        if let markdown = named("markdown"), looksLikeMarkdown(head) { return markdown }
        return named("text") ?? all[0]
    }

    /// The kind of binary file these bytes start with, if they are a known one.
    public static func binaryKind(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x25, 0x50, 0x44, 0x46], "a PDF file"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (EPUB, DOCX or similar)"), ([0x1F, 0x8B], "gzip-compressed data"),
            ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"), ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"),
        ]
        for (magic, kind) in signatures where bytes.starts(with: magic) { return kind }
        return nil
    }

    private static func looksLikeMarkdown(_ text: String) -> Bool {
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return true }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(40) {
            if line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("```") || line.hasPrefix("|") { return true }
            if line.contains("](") || line.contains("**") { return true }
        }
        return false
    }
}
