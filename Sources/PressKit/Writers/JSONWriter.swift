// SCAFFOLD: replaced by the JSON work.
public struct JSONWriter: Writer {
    public init() {}
    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        Array("{\"title\": \"\(document.metadata.title ?? "")\"}\n".utf8)
    }
}
