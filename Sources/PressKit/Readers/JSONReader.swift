/// Reads presskit's JSON form of a document (what `JSONWriter` writes; see `DocumentJSON` and
/// `schema/presskit-document.schema.json`) back into the identical tree.
///
/// The text may carry a BOM or another encoding (through `TextDecoding`). Malformed JSON is an
/// `.invalidInput` error naming the line and column; JSON nested more than `maxDepth` levels is refused
/// before it can exhaust the stack; an unknown `"type"`, a value of the wrong kind, or another major
/// `"version"` is an error naming where it is (`blocks[2].content[0]`). Unknown keys are warnings.
public struct JSONReader: Reader {
    /// The deepest nesting of JSON arrays and objects accepted.
    public var maxDepth: Int

    public init(maxDepth: Int = JSONValue.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let value = try JSONValue.parsingInput(input, context: context, maxDepth: maxDepth)
        if value["pandoc-api-version"] != nil {
            throw PressKitError(.invalidInput, "this is pandoc's JSON AST, not presskit's JSON: read it with -f pandoc")
        }
        let decoder = DocumentJSONDecoder()
        let document: Document
        do {
            document = try decoder.document(value)
        } catch let error as DocumentJSONError {
            if NINJSReader.looksLikeNINJS(value) {
                throw PressKitError(.invalidInput, "an IPTC ninjs news item, not a presskit JSON document: read it with -f ninjs")
            }
            throw PressKitError(.invalidInput, "not a presskit JSON document: \(error.description)")
        }
        for warning in decoder.warnings { context.warn(warning) }
        return document
    }
}

extension JSONValue {
    /// A JSON input as every JSON-based reader takes it (presskit JSON, pandoc's AST): NUL bytes refused,
    /// `--encoding` and a byte-order mark honoured (valid UTF-8 read in place), nesting bounded, a parse
    /// error an invalid-input error.
    static func parsingInput(_ input: [UInt8], context: ConversionContext, maxDepth: Int) throws -> JSONValue {
        try TextDecoding.refuseNULBytes(input, declared: context.options.encoding)
        let bytes: [UInt8]
        if TextDecoding.bomCharset(input) == nil, context.options.encoding == nil,
           String(validating: input, as: UTF8.self) != nil {
            bytes = input
        } else {
            bytes = Array(try TextDecoding.decode(input, declared: context.options.encoding).text.utf8)
        }
        do {
            return try JSONValue(parsing: bytes, maxDepth: maxDepth)
        } catch {
            throw PressKitError(.invalidInput, error.description)
        }
    }
}
