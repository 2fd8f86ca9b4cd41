// SCAFFOLD: replaced by the press-release pass work.
public struct PressReleasePass: Sendable {
    public init() {}
    public func apply(to document: Document) -> Document {
        var doc = document
        if doc.metadata.title == nil, case .paragraph(let c)? = doc.blocks.first {
            doc.metadata.title = c.plainText
            doc.blocks.removeFirst()
        }
        return doc
    }
}
