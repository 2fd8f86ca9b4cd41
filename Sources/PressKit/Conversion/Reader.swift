/// Turns bytes of one format into a document. Pure: no clock, no environment, no files.
public protocol Reader: Sendable {
    func read(_ input: [UInt8], context: ConversionContext) throws -> Document
    /// The C libraries this reader loads on first use, in the order it needs them (none by default).
    var libraries: [CLibrary] { get }
}

extension Reader {
    public var libraries: [CLibrary] { [] }
}

/// Turns documents into bytes of one format. Pure: no clock, no environment, no files
/// (resources come through `context.resources`).
public protocol Writer: Sendable {
    func write(_ document: Document, context: ConversionContext) throws -> [UInt8]
    /// Several documents in one output (an EPUB or DOCX digest). The default merges them into one
    /// document, releases separated by thematic breaks.
    func write(collection: [Document], context: ConversionContext) throws -> [UInt8]
    /// The C libraries this writer loads on first use (none by default).
    var libraries: [CLibrary] { get }
}

extension Writer {
    public var libraries: [CLibrary] { [] }
    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        guard let first = collection.first else { return try write(Document(), context: context) }
        if collection.count == 1 { return try write(first, context: context) }
        var merged = Document(metadata: first.metadata, blocks: [])
        for (index, doc) in collection.enumerated() {
            if index > 0 { merged.blocks.append(.thematicBreak) }
            if let title = doc.metadata.title, index > 0 {
                merged.blocks.append(.heading(level: 1, content: [.text(title)], id: nil))
            }
            merged.blocks += doc.blocks
        }
        return try write(merged, context: context)
    }
}
