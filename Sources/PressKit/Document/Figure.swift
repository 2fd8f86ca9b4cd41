/// An image with a caption, standing as its own block.
public struct Figure: Hashable, Sendable {
    public var image: Image
    public var caption: [Inline]

    public init(image: Image, caption: [Inline] = []) {
        self.image = image
        self.caption = caption
    }
}
