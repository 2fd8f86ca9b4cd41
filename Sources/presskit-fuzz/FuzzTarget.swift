import PressKit

/// What one fuzz run does with its bytes: read them as one format and write the result in every format.
enum FuzzTarget {
    /// The reader to fuzz, from PRESSKIT_FUZZ_FORMAT (text, markdown, commonmark, gfm, html, json,
    /// docx; docx-xml fuzzes the XML parts inside a well-formed package).
    nonisolated(unsafe) static var format: Format = Formats.named("text")!
    nonisolated(unsafe) static var writers: [Format] = Formats.all.filter { $0.writer != nil }
    /// Turns the fuzzer's bytes into the reader's input (`docx-xml`: XML parts into a .docx package).
    nonisolated(unsafe) static var wrap: (([UInt8]) -> [UInt8])?

    static func run(_ bytes: [UInt8]) {
        let context = ConversionContext(options: ConversionOptions(), resources: NoResources(), inputName: "fuzz")
        let input = wrap.map { $0(bytes) } ?? bytes
        guard let document = try? Converter.read(input, format: format, context: context) else { return }
        for writer in writers {
            _ = try? Converter.write([document], format: writer, context: context)
        }
    }
}
