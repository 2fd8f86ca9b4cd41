import PressKit

/// What one fuzz run does with its bytes: read them as one format and write the result in every format.
enum FuzzTarget {
    /// The reader to fuzz, from PRESSKIT_FUZZ_FORMAT (text, markdown, commonmark, gfm, html, json).
    nonisolated(unsafe) static var format: Format = Formats.named("text")!
    nonisolated(unsafe) static var writers: [Format] = Formats.all.filter { $0.writer != nil }

    static func run(_ bytes: [UInt8]) {
        let context = ConversionContext(options: ConversionOptions(), resources: NoResources(), inputName: "fuzz")
        guard let document = try? Converter.read(bytes, format: format, context: context) else { return }
        for writer in writers {
            _ = try? Converter.write([document], format: writer, context: context)
        }
    }
}
