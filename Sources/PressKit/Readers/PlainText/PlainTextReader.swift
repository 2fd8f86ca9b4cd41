/// Reads plain-text press releases: any encoding (see `TextDecoding`), CRLF/CR line ends, a BOM and form
/// feeds; paragraphs separated by blank lines with hard-wrapped lines joined; `-`, `*`, `•` and `1.`/`1)`
/// lists nested by indentation; ALL-CAPS and underlined headings; URLs and e-mail addresses as links.
/// The headline, dateline, contacts and end marks are left to `PressReleasePass`, which runs after it.
public struct PlainTextReader: Reader {
    public init() {}

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let decoded = try TextDecoding.decodeText(input, declared: context.options.encoding)
        if decoded.how == "fallback" {
            context.warn("the character encoding could not be detected; read as windows-1252 (name it with --encoding)")
        }
        if decoded.replacements > 0 {
            context.warn("\(decoded.replacements) byte sequence(s) are not valid \(decoded.charset) and were replaced by U+FFFD")
        }
        let lines = TextLine.split(decoded.text)
        return Document(blocks: TextBlockParser(lines: lines).parse())
    }
}
