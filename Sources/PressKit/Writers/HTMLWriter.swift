// SCAFFOLD: replaced by the HTML writer work.
public struct HTMLWriter: Writer {
    public init() {}
    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        var xml = XMLWriter(html: true)
        for block in document.blocks { xml.element("p", text: block.plainText) }
        return Array(xml.finish().utf8)
    }
}
