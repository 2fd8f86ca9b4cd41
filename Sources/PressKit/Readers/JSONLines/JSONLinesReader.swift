/// JSON Lines as a reader of one document: an input of exactly one record (see `JSONLinesRecord`).
/// Streams of many records are converted record by record (`StreamConverter`; the command line does this
/// for `-f jsonl`), never read whole.
public struct JSONLinesReader: Reader {
    public init() {}

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        var reader = ByteReader(MemoryByteSource(input))
        // `.jsonl.gz`: decompressed as read, and held to --max-input-size like any input.
        let gzip = try reader.hasPrefix([0x1F, 0x8B])
        if gzip { reader = ByteReader(try GzipByteSource(reader)) }
        let limit = context.options.maxInputSize
        var items: [StreamItem] = []
        var number = 0, total = 0
        while let line = try Self.line(reader, limit: limit) {
            number += 1
            guard case .bytes(let bytes) = line else {
                throw PressKitError(.invalidInput, "line \(number) is more than --max-input-size \(limit)")
            }
            total += bytes.count + 1
            if gzip, total > limit {
                throw PressKitError(.invalidInput, "decompressed, the input is more than --max-input-size \(limit)")
            }
            if let item = JSONLinesRecord.item(bytes, number: number) { items.append(item) }
            if items.count > 1 {
                throw PressKitError(.invalidInput, "holds several records: convert JSON Lines with -t jsonl (one line per record)")
            }
        }
        guard let item = items.first else { return Document() }
        do {
            return try StreamConverter.read(item, context: context)
        } catch let error as PressKitError {
            throw PressKitError(error.kind, "line \(number): \(error.message)")
        }
    }

    /// The next line; corrupt gzip data is invalid input.
    private static func line(_ reader: ByteReader, limit: Int) throws -> ByteReader.Line? {
        do {
            return try reader.readLine(limit: limit)
        } catch let error as StreamInputError {
            throw PressKitError(.invalidInput, error.message)
        }
    }
}
