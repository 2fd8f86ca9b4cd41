/// Reads WARC records one at a time from a stream: plain, gzip per record, or one gzip for the whole file
/// (detected from the first bytes). Only one record's block is in memory at a time.
///
/// Damage is reported, not fatal: a record whose header cannot be read is skipped up to the next
/// `WARC/` line; bytes between records (a wrong `Content-Length`) are skipped the same way; a record cut
/// off by the end of the file ends the stream; corrupt gzip data loses the records up to the next
/// gzip member. Each is a `Problem` with the byte
/// offset where it was found (for gzip files, the offset of the gzip member).
public final class WARCRecordReader {
    /// Something wrong in the stream, at `offset`.
    public struct Problem: Sendable, Error, CustomStringConvertible {
        public var message: String
        public var offset: Int
        /// The record concerned, when its header could be read.
        public var recordID: String?
        public var targetURI: String?
        /// True when a record was lost (not only stray bytes skipped).
        public var lostRecord: Bool

        public var description: String { "\(message) (at byte \(offset))" }
    }

    public enum Event: Sendable {
        case record(WARCRecord)
        case problem(Problem)
    }

    /// A header longer than this is not a WARC header.
    static let maxHeaderBytes = 1 << 20
    private static let warcPrefix = Array("WARC/".utf8)

    private let reader: ByteReader
    private let gzip: GzipByteSource?
    private let maxRecordSize: Int
    private var ended = false
    /// The last record's header was reported as damaged: the bytes skipped after it are not reported again.
    private var suppressStray = false

    /// Whether the stream is gzip-compressed.
    public var isCompressed: Bool { gzip != nil }

    /// Records whose block is larger than `maxRecordSize` are skipped (and reported).
    public init(_ source: any ByteSource, maxRecordSize: Int = 256 << 20) throws {
        let raw = ByteReader(source)
        if try raw.hasPrefix([0x1F, 0x8B]) {
            let gzip = try GzipByteSource(raw)
            self.gzip = gzip
            reader = ByteReader(gzip)
        } else {
            gzip = nil
            reader = raw
        }
        self.maxRecordSize = maxRecordSize
    }

    /// The offset in the file of the byte at `position` of the (decompressed) stream.
    private func fileOffset(_ position: Int) -> Int {
        gzip?.memberOffset(containing: position) ?? position
    }

    /// The next record or problem; nil at the end of the stream.
    public func next() -> Event? {
        guard !ended else { return nil }
        do {
            return try readNext()
        } catch let error as StreamInputError {
            // Corrupt gzip data: the gzip source goes on at the next member, this reader at the next record.
            if gzip == nil { ended = true }
            suppressStray = true
            return .problem(Problem(message: error.message, offset: error.offset, lostRecord: true))
        } catch {
            ended = true
            return .problem(Problem(message: "\(error)", offset: reader.offset, lostRecord: true))
        }
    }

    private func readNext() throws -> Event? {
        if let (line, start) = pendingVersion {
            pendingVersion = nil
            return try readRecord(versionLine: line, start: start)
        }
        // Find the version line, skipping blank lines and, after damage, anything up to the next "WARC/".
        var versionLine: [UInt8] = []
        var start = 0
        var strayStart: Int?
        while true {
            start = reader.offset
            guard let line = try reader.readLine(limit: 4096) else {
                ended = true
                if let strayStart, !suppressStray {
                    return .problem(Problem(message: "stray bytes at the end of the file, not a WARC record",
                                            offset: fileOffset(strayStart), lostRecord: false))
                }
                return nil
            }
            if case .bytes(let bytes) = line {
                if bytes.starts(with: Self.warcPrefix) { versionLine = bytes; break }
                if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) { continue }
            }
            if strayStart == nil { strayStart = start }
        }
        if let strayStart, !suppressStray {
            // Report the skipped bytes, then come back for this record.
            pendingVersion = (versionLine, start)
            return .problem(Problem(message: "\(start - strayStart) stray bytes skipped before the next record "
                                        + "(the record before may have a wrong Content-Length, or this is not a WARC file)",
                                    offset: fileOffset(strayStart), lostRecord: false))
        }
        return try readRecord(versionLine: versionLine, start: start)
    }

    /// A version line found while skipping stray bytes, read again after the problem is reported.
    private var pendingVersion: ([UInt8], Int)?

    private func readRecord(versionLine: [UInt8], start: Int) throws -> Event? {
        suppressStray = false
        let offset = fileOffset(start)
        let version = Self.text(versionLine)
        var fields: [WARCRecord.Field] = []
        var headerBytes = versionLine.count
        while true {
            guard let line = try reader.readLine(limit: Self.maxHeaderBytes) else {
                ended = true
                return .problem(Problem(message: "the file ends inside a record's header", offset: offset,
                                        recordID: Self.recordID(fields), targetURI: nil, lostRecord: true))
            }
            guard case .bytes(let bytes) = line else {
                suppressStray = true
                return .problem(Problem(message: "a header line of the record is too long", offset: offset,
                                        recordID: Self.recordID(fields), targetURI: nil, lostRecord: true))
            }
            headerBytes += bytes.count
            if headerBytes > Self.maxHeaderBytes {
                suppressStray = true
                return .problem(Problem(message: "the record's header is larger than 1 MB", offset: offset,
                                        recordID: Self.recordID(fields), targetURI: nil, lostRecord: true))
            }
            let text = Self.text(bytes)
            if text.isEmpty { break }
            if let first = bytes.first, first == 0x20 || first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + text.trimmingSpaces()
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                suppressStray = true
                return .problem(Problem(message: "malformed header line in a record: '\(text.prefix(60))'",
                                        offset: offset, recordID: Self.recordID(fields), targetURI: nil,
                                        lostRecord: true))
            }
            fields.append(.init(name: text[..<colon].trimmingSpaces(),
                                value: text[text.index(after: colon)...].trimmingSpaces()))
        }
        let header = WARCRecord(version: version, fields: fields, block: [], offset: offset)
        guard let lengthText = header.field("Content-Length"), let length = Int(lengthText), length >= 0 else {
            suppressStray = true
            return .problem(Problem(message: "the record has no valid Content-Length", offset: offset,
                                    recordID: header.recordID, targetURI: header.targetURI, lostRecord: true))
        }
        if length > maxRecordSize {
            let skipped = try reader.skip(length)
            if skipped < length { ended = true }
            return .problem(Problem(message: "the record's block is \(length) bytes, more than --max-input-size "
                                        + "(\(maxRecordSize)): skipped",
                                    offset: offset, recordID: header.recordID, targetURI: header.targetURI,
                                    lostRecord: true))
        }
        let block = try reader.read(length)
        if block.count < length {
            ended = true
            return .problem(Problem(message: "the record is cut off: the file ends after \(block.count) of its "
                                        + "\(length) bytes",
                                    offset: offset, recordID: header.recordID, targetURI: header.targetURI,
                                    lostRecord: true))
        }
        // The block is followed by two line ends; missing or extra ones are tolerated.
        for _ in 0..<2 {
            if try reader.peek() == 0x0D { try reader.skip(1) }
            if try reader.peek() == 0x0A { try reader.skip(1) } else { break }
        }
        var record = header
        record.block = block
        return .record(record)
    }

    private static func recordID(_ fields: [WARCRecord.Field]) -> String? {
        WARCRecord(version: "", fields: fields, block: [], offset: 0).recordID
    }

    /// A header line as text, without its line end (ISO-8859-1 bytes kept as UTF-8 where invalid).
    private static func text(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
