/// JSON Lines as a reader of one document: an input of exactly one record (see `JSONLinesRecord`).
/// Streams of many records are converted record by record (`StreamConverter`; the command line does this
/// for `-f jsonl`), never read whole.
public struct JSONLinesReader: Reader {
    public init() {}

    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        let reader = ByteReader(MemoryByteSource(input))
        var items: [StreamItem] = []
        var number = 0
        while let line = try reader.readLine() {
            number += 1
            guard case .bytes(let bytes) = line else { continue }
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
}
