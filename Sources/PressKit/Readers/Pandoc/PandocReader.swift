/// Reads pandoc's JSON AST (`-f pandoc`, alias `pandoc-json`: what `pandoc -t json` writes, pandoc-types 1.22
/// as pandoc 2.x writes it and 1.23 as pandoc 3.x writes it) into presskit's tree, metadata included; the
/// press-release pass then runs as for Markdown.
///
/// Constructs presskit has no node for keep their text and are named in one warning each (with a count):
/// `Math` (its TeX source), `Cite` (its text), `SmallCaps`, `Span`s and `Div`s with attributes (their
/// content), table feet (read as body rows), non-decimal list numbering. `Quoted` becomes the text between
/// curly quotes, `LineBlock` a paragraph with line breaks. A value of the wrong shape is an `.invalidInput`
/// error naming where it is (`blocks[3].c[1]`); JSON nested deeper than `maxDepth` is refused by the parser,
/// and containers nested deeper than `maxNesting` are flattened into the last level kept, as the Markdown
/// reader does.
public struct PandocReader: Reader {
    /// The deepest nesting of JSON arrays and objects accepted.
    public var maxDepth: Int
    /// The deepest nesting of blocks and inlines kept; deeper containers are flattened.
    public var maxNesting: Int

    public init(maxDepth: Int = JSONValue.defaultMaxDepth, maxNesting: Int = 200) {
        self.maxDepth = maxDepth
        self.maxNesting = maxNesting
    }

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let value = try JSONValue.parsingInput(input, context: context, maxDepth: maxDepth)
        let decoder = PandocASTDecoder(maxNesting: maxNesting)
        let document: Document
        do {
            document = try decoder.document(value)
        } catch let error as PandocASTError {
            throw PressKitError(.invalidInput, "not a pandoc JSON AST: \(error.description)")
        }
        for warning in decoder.warningMessages() { context.warn(warning) }
        return document
    }
}

/// A pandoc AST value of the wrong shape, and where it is.
struct PandocASTError: Error, CustomStringConvertible {
    var message: String
    var path: String
    var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
