/// The conversion pipeline: read (then the press-release pass and `-M` overrides), then write.
public enum Converter {
    /// Reads `input` as `format`, runs the press-release pass when the format calls for it, applies `-M`.
    public static func read(_ input: [UInt8], format: Format, context: ConversionContext) throws -> Document {
        guard let reader = format.reader else {
            throw PressKitError(.usage, "presskit cannot read \(format.name)")
        }
        if input.count > context.options.maxInputSize {
            throw PressKitError(.invalidInput,
                                "input is \(input.count) bytes, more than --max-input-size \(context.options.maxInputSize)")
        }
        if let kind = Formats.binaryKind(input) {
            throw PressKitError(.invalidInput, "is \(kind), not \(format.name)")
        }
        var document = try reader.read(input, context: context)
        if format.understandsPress {
            document = PressReleasePass().apply(to: document)
        }
        MetadataOverrides.apply(context.options.metadata, to: &document.metadata)
        if document.blocks.isEmpty, document.metadata.title == nil {
            context.warn(input.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                         ? "the input is empty" : "no text found in the input: the output is empty")
        }
        return document
    }

    /// Writes one or several documents as `format`.
    public static func write(_ documents: [Document], format: Format, context: ConversionContext) throws -> [UInt8] {
        guard let writer = format.writer else {
            throw PressKitError(.usage, "presskit cannot write \(format.name)")
        }
        if documents.count == 1 { return try writer.write(documents[0], context: context) }
        return try writer.write(collection: documents, context: context)
    }

    /// Reads and writes one input in one call.
    public static func convert(_ input: [UInt8], from: Format, to: Format, context: ConversionContext) throws -> [UInt8] {
        try write([read(input, format: from, context: context)], format: to, context: context)
    }
}
