/// A press release (or any document) between a reader and a writer: metadata and a list of blocks.
public struct Document: Hashable, Sendable {
    public var metadata: Metadata
    public var blocks: [Block]

    public init(metadata: Metadata = Metadata(), blocks: [Block] = []) {
        self.metadata = metadata
        self.blocks = blocks
    }
}
