/// Writes JSON Lines: one compact JSON document per line, the same tree and keys as the JSON writer
/// (`schema/presskit-document.schema.json`) without pretty printing, preceded by the record's `id`, `url`,
/// `warcRecordId` and `warcDate` where known (`ConversionOptions.record`; `url` falls back to the
/// document's source). Several documents make several lines (`write(collection:)`).
///
/// A record that failed is a line with an `error` key instead (`errorLine`), so a stream keeps one line
/// per record in input order.
public struct JSONLinesWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        Self.line(document, record: context.options.record)
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        var out: [UInt8] = []
        for document in collection { out += Self.line(document, record: context.options.record) }
        return out
    }

    /// One document as one line, ending with a newline.
    public static func line(_ document: Document, record: StreamRecordInfo) -> [UInt8] {
        var emitter = JSONEmitter(pretty: false, reserve: 4096)
        emitter.document(document)
        var body = emitter.finish()
        var info = record
        if info.url == nil { info.url = document.metadata.source }
        if info.isEmpty {
            body.append(0x0A)
            return body
        }
        // `{"id":…,"url":…` and a comma, then the document's members after its opening brace.
        var head = JSONEmitter(pretty: false, reserve: 256)
        head.beginObject()
        fields(info, into: &head)
        head.endObject()
        var line = head.finish()
        line[line.count - 1] = UInt8(ascii: ",")
        line += body.dropFirst()
        line.append(0x0A)
        return line
    }

    /// The line for a record that could not be converted: its id, url and WARC fields where known, where
    /// it was in the input (`line` for JSON Lines, `offset` for WARC), and the message.
    public static func errorLine(record: StreamRecordInfo, line: Int? = nil, offset: Int? = nil,
                                 message: String) -> [UInt8] {
        var emitter = JSONEmitter(pretty: false, reserve: 256)
        emitter.beginObject()
        fields(record, into: &emitter)
        emitter.field("line", line)
        emitter.field("offset", offset)
        emitter.key("error")
        emitter.string(message)
        emitter.endObject()
        var out = emitter.finish()
        out.append(0x0A)
        return out
    }

    private static func fields(_ info: StreamRecordInfo, into emitter: inout JSONEmitter) {
        emitter.field("id", info.id)
        emitter.field("url", info.url)
        emitter.field("warcRecordId", info.warcRecordId)
        emitter.field("warcDate", info.warcDate)
    }
}
