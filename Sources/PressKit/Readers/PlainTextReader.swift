// SCAFFOLD: replaced by the plain-text reader work.
public struct PlainTextReader: Reader {
    public init() {}
    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let (text, _) = try TextDecoding.decode(input, declared: context.options.encoding)
        let paragraphs = text.split(separator: "\n\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return Document(blocks: paragraphs.map { Block.paragraph([Inline.text($0)]) })
    }
}
