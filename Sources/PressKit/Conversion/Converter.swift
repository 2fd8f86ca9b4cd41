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
        if !format.readsZipContainer, let kind = Formats.binaryKind(input),
           !(format.readsGzip && input.starts(with: [0x1F, 0x8B])) {
            throw PressKitError(.invalidInput, "is \(kind), not \(format.name)")
        }
        var document = try reader.read(input, context: context)
        if format.understandsPress {
            document = PressReleasePass(referenceTime: context.options.referenceTime).apply(to: document)
        }
        MetadataOverrides.apply(context.options.metadata, to: &document.metadata)
        if document.blocks.isEmpty, document.metadata.title == nil {
            if isBlank(input) {
                context.warn(.emptyInput, "the input is empty")
            } else {
                context.warn(.emptyInput, "no text found in the input: the output is empty")
            }
        }
        return document
    }

    /// Nothing but white space, form feeds and byte-order marks (UTF-8 EF BB BF, UTF-16 FE FF / FF FE).
    static func isBlank(_ input: [UInt8]) -> Bool {
        var i = 0
        while i < input.count {
            switch input[i] {
            case 0x20, 0x0A, 0x0D, 0x09, 0x0C: i += 1
            case 0xEF where i + 2 < input.count && input[i + 1] == 0xBB && input[i + 2] == 0xBF: i += 3
            case 0xFE where i == 0 && input.count > 1 && input[1] == 0xFF: i += 2
            case 0xFF where i == 0 && input.count > 1 && input[1] == 0xFE: i += 2
            default: return false
            }
        }
        return true
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
