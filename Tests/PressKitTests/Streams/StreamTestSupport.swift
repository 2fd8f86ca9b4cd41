import Foundation
@testable import PressKit

/// The WARC fixtures (Tests/PressKitTests/Fixtures/WARC; `make_fixtures.py` writes them with warcio, and
/// `judges/` holds the real-world edge cases of ../shared/judges/warc) and helpers to read streams.
enum StreamFixtures {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/WARC")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Every event of a WARC stream.
    static func events(_ bytes: [UInt8], maxRecordSize: Int = 256 << 20) throws -> [WARCRecordReader.Event] {
        let reader = try WARCRecordReader(MemoryByteSource(bytes), maxRecordSize: maxRecordSize)
        var events: [WARCRecordReader.Event] = []
        while let event = reader.next() {
            events.append(event)
            if events.count > 10_000 { break }
        }
        return events
    }

    static func records(_ events: [WARCRecordReader.Event]) -> [WARCRecord] {
        events.compactMap { if case .record(let r) = $0 { return r } else { return nil } }
    }

    static func problems(_ events: [WARCRecordReader.Event]) -> [WARCRecordReader.Problem] {
        events.compactMap { if case .problem(let p) = $0 { return p } else { return nil } }
    }

    /// The JSON Lines output of a WARC file, converted record by record.
    static func convert(_ bytes: [UInt8], options: ConversionOptions = ConversionOptions()) throws -> [StreamConverter.Outcome] {
        let converter = StreamConverter(target: Formats.named("jsonl")!, options: options)
        return try events(bytes).compactMap(StreamItem.init(warc:)).map(converter.convert)
    }

    /// One output line parsed back.
    static func json(_ line: [UInt8]) throws -> JSONValue {
        try JSONValue(parsing: Array(line.dropLast()))
    }
}

extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
}
