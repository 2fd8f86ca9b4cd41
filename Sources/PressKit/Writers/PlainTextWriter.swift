// SCAFFOLD: replaced by the plain-text writer work.
public struct PlainTextWriter: Writer {
    public init() {}
    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        var out = ""
        if let title = document.metadata.title { out += title + "\n\n" }
        out += document.blocks.map(\.plainText).joined(separator: "\n\n")
        return Array((out + "\n").utf8)
    }
}
