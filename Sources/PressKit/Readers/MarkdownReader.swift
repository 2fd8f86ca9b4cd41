/// Reads Markdown with cmark-gfm, as CommonMark and GitHub read it.
///
/// - `commonmark`: strict CommonMark 0.29/0.30, no extensions.
/// - `gfm`: GitHub Flavored Markdown: tables, strikethrough, autolinks, task lists, footnotes.
/// - `markdown`: `gfm` plus YAML front matter filling the metadata.
///
/// Raw HTML is kept as written, as `raw(format: "html")` (GitHub's tag filter, which only changes how
/// `<script>`-like tags are displayed, is not applied). Containers nested deeper than 200 levels are flattened
/// into the 200th.
public struct MarkdownReader: Reader {
    public enum Flavor: String, Sendable {
        case commonmark, gfm, markdown
    }

    public var flavor: Flavor

    public init(flavor: Flavor = .markdown) {
        self.flavor = flavor
    }

    public var libraries: [CLibrary] { [.cmark] }

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let decoded = try TextDecoding.decodeText(input, declared: context.options.encoding)
        if decoded.replacements > 0 {
            context.warn("\(decoded.replacements) byte sequence(s) are not valid \(decoded.charset) and were replaced by U+FFFD")
        }
        let text = decoded.text
        return try read(text: text, warn: context.warn)
    }

    /// Reads already decoded text. `warn` is told what was simplified to keep the time linear (a block with
    /// too much inline markup for cmark-gfm, see SECURITY.md).
    public func read(text: String, warn: (String) -> Void = { _ in }) throws -> Document {
        var metadata = Metadata()
        var body = text
        if flavor == .markdown, let (yaml, rest) = FrontMatter.split(text) {
            do {
                FrontMatter.apply(try YAMLSubset.parseMap(yaml), to: &metadata)
            } catch let error as YAMLSubset.ParseError {
                throw PressKitError(.invalidInput, "front matter line \(error.line + 1): \(error.message)")
            }
            // Keep line numbers stable for cmark: the body starts where it started in the file.
            body = rest
        }
        let syntax = CMarkParser.Syntax(gfm: flavor != .commonmark, footnotes: flavor != .commonmark)
        try CMarkParser.load()
        return Document(metadata: metadata, blocks: CMarkParser.parse(body, syntax: syntax, warn: warn))
    }
}
