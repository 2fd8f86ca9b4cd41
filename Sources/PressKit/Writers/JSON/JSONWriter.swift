/// Writes a document as presskit's JSON form (see `DocumentJSON` and `schema/presskit-document.schema.json`):
/// `{"version": "1.0", "metadata": {...}, "blocks": [...]}`, pretty-printed with a 2-space indent, keys in
/// a fixed order, keys without a value left out, ending with a newline. `JSONReader` reads it back into
/// the identical tree, and writing that again gives the identical bytes.
public struct JSONWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        document.jsonBytes()
    }
}
