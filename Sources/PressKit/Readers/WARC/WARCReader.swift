/// A WARC file as a reader of one document: the one HTML page it holds. Archives of many pages are
/// converted record by record (`WARCRecordReader` and `StreamConverter`; the command line does this for
/// `-f warc`), never read whole.
public struct WARCReader: Reader {
    public init() {}

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let records = try WARCRecordReader(MemoryByteSource(input), maxRecordSize: context.options.maxInputSize)
        var page: StreamItem?
        while let event = records.next() {
            if case .problem(let problem) = event { context.warn(problem.description) }
            guard let item = StreamItem(warc: event), case .warc = item.payload else { continue }
            if page != nil {
                throw PressKitError(.invalidInput, "holds several pages: convert WARC files with -t jsonl (one line per page)")
            }
            page = item
        }
        guard let page else { throw PressKitError(.invalidInput, "holds no HTML page (no response or resource record of type text/html)") }
        return try StreamConverter.read(page, context: context)
    }
}
