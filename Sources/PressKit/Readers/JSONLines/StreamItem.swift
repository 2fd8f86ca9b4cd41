/// One record of a stream (a JSON Lines line or a WARC record), ready to be converted on its own.
public struct StreamItem: Sendable {
    /// Where the record was in its input: a JSON Lines line number (1-based), a WARC byte offset, or the
    /// whole input (a file of a folder made into one stream).
    public enum Position: Sendable, Hashable, CustomStringConvertible {
        case line(Int)
        case offset(Int)
        case whole

        public var description: String {
            switch self {
            case .line(let n): return "line \(n)"
            case .offset(let n): return "record at byte \(n)"
            case .whole: return "the input"
            }
        }
    }

    public enum Payload: Sendable {
        /// Content in a named format (nil: detect it).
        case content([UInt8], format: String?)
        /// A presskit JSON document.
        case document([UInt8])
        /// A WARC record holding an HTML page.
        case warc(WARCRecord)
        /// The record could not be read.
        case failure(String)
    }

    public var position: Position
    public var info: StreamRecordInfo
    public var payload: Payload

    public init(position: Position, info: StreamRecordInfo = StreamRecordInfo(), payload: Payload) {
        self.position = position
        self.info = info
        self.payload = payload
    }
}

extension StreamItem {
    /// The item for a WARC record, or nil when the record holds no HTML page (requests, metadata,
    /// images, redirects …). A damaged record becomes a failure.
    public init?(warc event: WARCRecordReader.Event) {
        switch event {
        case .record(let record):
            guard WARCPage.isPage(record) else { return nil }
            self.init(position: .offset(record.offset),
                      info: StreamRecordInfo(url: record.targetURI, warcRecordId: record.recordID, warcDate: record.date),
                      payload: .warc(record))
        case .problem(let problem):
            guard problem.lostRecord else { return nil }
            self.init(position: .offset(problem.offset),
                      info: StreamRecordInfo(url: problem.targetURI, warcRecordId: problem.recordID),
                      payload: .failure(problem.message))
        }
    }
}
